// Name material for the fictional company's staff and for the attacker's guessed username list.
// Kept as whitespace-separated words: long lists read better packed than one name a line.

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

export const FIRST_NAMES = words(`
  Anna Bram Carla Daan Eva Femke Gijs Hanna Ivo Jasper Karin Lars Maud Niels Olga Pieter Quinten Rosa
  Sander Tessa Ruben Vera Wouter Yara Zoe Emma Liam Sophie Thomas Laura Mark Julia Tim Lisa Kevin Sara
  Martin Nina Paul Iris Robin Eline Joost Mila Koen Fleur Stefan Noor Bas Lotte Hugo Esther Rick Ilse
  Jeroen Sanne Dennis Marit Frank Linda
`);

export const LAST_NAMES = words(`
  Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Kok Jacobs Vermeulen
  Willems Schouten Hoekstra Koster Prins Blom Huisman Kuipers Post Groen Verhoeven Kramer Wolters Evers
  Timmermans Brandsma Lammers Maas Sanders Bosman Koning Veenstra Molenaar Boer Janssen Hofman Claassen
  Wijnands Goossens Martens Roos Hermans Franken Verbeek Kuijpers
`);

/**
 * Usernames an outside attacker tries without knowing the naming scheme: role mailboxes, common first
 * names, "first.last" and "flast" guesses from social media. Most do not exist in the tenant.
 */
export const GUESSED_LOCAL_PARTS = words(`
  admin administrator root test test1 testuser guest info sales support helpdesk hr finance it itsupport
  office reception marketing contact billing accounts payroll scanner printer backup service svc sql
  webmaster postmaster noreply security ceo cfo cto director manager operations logistics planning
  warehouse dispatch purchasing legal compliance audit training intern temp vpn remote john james michael
  david robert william richard joseph charles daniel mary patricia jennifer linda.m elizabeth barbara
  susan jessica karen nancy john.smith j.smith jsmith mike.jones mjones david.brown dbrown chris.wilson
  cwilson sarah.taylor staylor paul.white pwhite mark.harris mharris tom.martin tmartin peter.devries
  pdevries jan.jansen jjansen kees.bakker henk.visser hvisser erik.smit esmit sjaak.meijer ruud.mulder
  rmulder wim.bos wbos gert.vos gvos admin1 sysadmin netadmin itops devops developer qa staging demo user
  user1 student trainee events projects
`);
