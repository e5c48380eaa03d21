// AN1612 (account enumeration) parameters. Patterns are regular expressions (RE2 syntax), matched
// case-insensitively; each list is one set of alternatives, so a user can add a tool without touching SQL.
import type { ParamSpecInput, ParamValue } from '../paramTypes.js';

export const PARAMS: readonly ParamSpecInput[] = [
  {
    name: 'an1612_burst_window_s',
    type: 'number',
    default: 600,
    unit: 'seconds',
    description: 'Signals of one actor with no gap longer than this form one finding.',
  },
  {
    name: 'an1612_artifact_window_s',
    type: 'number',
    default: 120,
    unit: 'seconds',
    description: 'How soon after the enumeration a list-shaped file must be written to count as its output.',
  },
  {
    name: 'an1612_artifact_lead_s',
    type: 'number',
    default: 5,
    unit: 'seconds',
    description:
      'How long before the enumeration its output file may appear: a shell creates the target of `> file` just before it starts the command.',
  },
  {
    name: 'an1612_command_patterns',
    type: 'string[]',
    default: [
      '\\bnet1?(\\.exe)?"?\\s+(users?|groups?|localgroups?)\\b',
      '\\bwmic(\\.exe)?\\b.*\\b(useraccount|group|sysaccount)\\b',
      '\\bget-(localuser|localgroupmember|aduser|adgroupmember|netuser|domainuser)\\b',
      '\\b(get-wmiobject|get-ciminstance|gwmi|gcim)\\b.*\\bwin32_useraccount\\b',
      '\\[adsisearcher\\]',
      '\\bdsquery(\\.exe)?"?\\s+(user|group|\\*)',
      '\\b(csvde|ldifde|adfind)(\\.exe)?\\b',
      '\\bquery(\\.exe)?"?\\s+user\\b',
      '\\bquser(\\.exe)?\\b',
      '\\bldapsearch\\b',
      '\\bget-adobject\\b',
    ],
    description: 'Command lines that enumerate accounts or groups.',
  },
  {
    name: 'an1612_command_exclusions',
    type: 'string[]',
    default: [
      '\\s/(add|del|delete|active|expires)\\b',
      '\\bnet1?(\\.exe)?"?\\s+users?\\s+("[^"]+"|[^\\s/"<>|&]+)\\s+("[^"]*"|[^\\s/"<>|&][^\\s"<>|&]*)',
      '\\b(csvde|ldifde)(\\.exe)?\\b.*\\s-i\\b',
    ],
    description:
      'Command lines that match a pattern but change accounts instead of listing them: /add, /delete, setting a password, an LDIF import.',
  },
  {
    name: 'an1612_script_patterns',
    type: 'string[]',
    default: [
      '\\bget-(localuser|localgroupmember|aduser|adgroupmember|netuser|domainuser)\\b',
      '\\b(get-wmiobject|get-ciminstance|gwmi|gcim)\\b.*\\bwin32_useraccount\\b',
      '\\[adsisearcher\\]',
      '\\bget-adobject\\b',
    ],
    description: 'PowerShell script block text (4104) that enumerates accounts.',
  },
  {
    name: 'an1612_domain_wide_patterns',
    type: 'string[]',
    default: [
      '\\s/domain\\b',
      '\\bget-(aduser|adgroupmember|netuser|domainuser)\\b',
      '\\[adsisearcher\\]',
      '\\bdsquery\\b',
      '\\b(csvde|ldifde|adfind)\\b',
    ],
    description: 'Signals that reach the whole domain (4661 on a domain controller always does).',
  },
  {
    name: 'an1612_export_patterns',
    type: 'string[]',
    default: [
      '\\b(out-file|export-csv|set-content|add-content|export-clixml|tee-object)\\b',
      '\\b(csvde|ldifde)(\\.exe)?\\b.*\\s-f\\s',
    ],
    description: 'Exports written by the enumerating command itself.',
  },
  {
    name: 'an1612_redirect_pattern',
    type: 'string',
    default: '(?:^|[^0-9&>=-])>>?\\s*"?([^\\s"&|<>]+)',
    description:
      'A shell redirect to a file; group 1 is the file. Redirects to nul or another stream (2>&1) are not output.',
  },
  {
    name: 'an1612_artifact_extensions',
    type: 'string[]',
    default: ['.txt', '.csv', '.json', '.xml', '.html', '.log'],
    description: 'List-shaped file types: a Sysmon 11 creation of one counts as enumeration output.',
  },
  {
    name: 'an1612_parent_shells',
    type: 'string[]',
    default: ['cmd.exe', 'powershell.exe', 'pwsh.exe'],
    description:
      'A file written by the enumerating process\u2019s parent counts when the parent is one of these shells.',
  },
  {
    name: 'an1612_sam_object_types',
    type: 'string[]',
    default: ['SAM_USER', 'SAM_GROUP', 'SAM_ALIAS', 'SAM_DOMAIN'],
    description: '4661 object types that mean a SAM lookup of users, groups or the domain.',
  },
  {
    name: 'an1612_ignore_self_lookups',
    type: 'boolean',
    default: true,
    description:
      'Skip a 4798 in which a user\u2019s own group membership is read (Windows does this when the user opens their profile or Local Users and Groups).',
  },
  {
    name: 'an1612_ignore_machine_account_4661',
    type: 'boolean',
    default: true,
    description: 'Skip 4661 opened by machine accounts (NAME$): domain controllers log these constantly.',
  },
  {
    name: 'an1612_caller_max_age_s',
    type: 'number',
    default: 24 * 3600,
    unit: 'seconds',
    description:
      'A process named only by pid (the caller of 4798/4799, the PowerShell of a 4104) is linked to a start of that pid on the same host no older than this, in the event\u2019s logon session and of the image the event names; otherwise the starting process is reported as not in the logs.',
  },
  {
    name: 'an1612_ignore_machine_account_lookups',
    type: 'boolean',
    default: true,
    description:
      'Skip 4798/4799 called by the machine itself (NAME$, or SYSTEM\u2019s logon 0x3e7): WinRM (wsmprovhost.exe) and Group Policy (svchost.exe) read Builtin\\Administrators on every managed server.',
  },
  {
    name: 'an1612_sam_policy_object_types',
    type: 'string[]',
    default: ['SAM_SERVER', 'SAM_DOMAIN'],
    description:
      '4661 object types that alone are a password-policy read (`net accounts`), not enumeration: a burst with only these is no finding; with a user, group or alias it is.',
  },
  {
    name: 'an1612_ds_object_classes',
    type: 'string[]',
    default: [
      'bf967aba-0de6-11d0-a285-00aa003049e2',
      'bf967a9c-0de6-11d0-a285-00aa003049e2',
      '19195a5b-6da0-11d0-afd3-00c04fd930c9',
      '19195a5a-6da0-11d0-afd3-00c04fd930c9',
      'user',
      'group',
      'domainDNS',
      'domain',
    ],
    description:
      '4662 object classes read as enumeration, by schemaIDGUID as the event writes them (%{…}) or by name: user, group, domainDNS and domain.',
  },
  {
    name: 'an1612_ds_policy_classes',
    type: 'string[]',
    default: ['domainDNS', 'domain'],
    description:
      '4662 object classes that alone are a policy read (every LDAP client reads the domain object): a burst of only these is no finding.',
  },
  {
    name: 'an1612_ds_min_objects',
    type: 'number',
    default: 5,
    description:
      'A burst made only of 4662 must touch at least this many distinct directory objects: an admin opening one account is not enumeration, SharpHound reads thousands.',
  },
  {
    name: 'an1612_ignore_machine_account_4662',
    type: 'boolean',
    default: true,
    description:
      'Skip 4662 by machine accounts (NAME$): domain controllers replicate and members read the directory constantly.',
  },
  {
    name: 'an1612_query_tool_patterns',
    type: 'string[]',
    default: [
      '\\badfind(\\.exe)?\\b',
      '\\bdsquery(\\.exe)?"?\\s+\\*',
      '\\bldapsearch\\b',
      '\\bget-adobject\\b',
    ],
    description:
      'Tools whose query decides what they read (AdFind, dsquery *, ldapsearch, Get-ADObject): they count as enumeration only when the command or script also matches a query-subject pattern.',
  },
  {
    name: 'an1612_query_subject_patterns',
    type: 'string[]',
    default: [
      '\\b(users?|person|people|groups?|members?|memberof)\\b',
      '\\bsamaccount(type|name)\\b',
      '\\b(primarygroupid|admincount)\\b',
      '-sc\\s+"?u:',
    ],
    description:
      'What a query tool must ask for to be enumeration: users, people, groups or members (an LDAP filter on objectClass=user, objectCategory=person, member=\u2026; AdFind -sc u:\u2026), not a domain-policy read.',
  },
];

/**
 * The seed's own rule (seed 000, detections.md): every dsquery/csvde/ldifde/adfind run, every 4798/4799
 * including the machine's own, every 4661 on a SAM user, group or domain object, and no 4662.
 */
const defaultList = (name: string): string[] => PARAMS.find((p) => p.name === name)!.default as string[];

export const SEED_PROFILE: Readonly<Record<string, ParamValue>> = {
  an1612_command_patterns: defaultList('an1612_command_patterns').filter(
    (p) => !/ldapsearch|get-adobject/.test(p),
  ),
  an1612_script_patterns: defaultList('an1612_script_patterns').filter((p) => !/get-adobject/.test(p)),
  an1612_ignore_machine_account_lookups: false,
  an1612_sam_policy_object_types: [],
  an1612_query_tool_patterns: [],
  an1612_ds_object_classes: [],
};
