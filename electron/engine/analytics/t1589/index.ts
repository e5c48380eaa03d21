// Username enumeration from one source (ATT&CK T1589, seeds 002 and 004): many distinct usernames failing
// from one IP or workstation — Entra ID sign-ins and self-service password reset, Windows 4625/4768/4771/4776.
import type { AnalyticModule } from '../module.js';
import { explainProbing, probingTitle } from './explain.js';
import { PARAMS, SEED_PROFILE } from './params.js';
import { probingEvents } from './story.js';
import { probingSteps } from './triage.js';

export const t1589: AnalyticModule = {
  id: 'T1589',
  name: 'Username enumeration',
  reads: ['windows', 'entra'],
  folder: new URL('.', import.meta.url),
  params: PARAMS,
  commonParams: [],
  profiles: { seed: SEED_PROFILE },
  // Its findings differ by profile beyond its parameters (the seed groups by app and reason).
  recordsProfile: true,
  title: probingTitle,
  explain: explainProbing,
  triage: probingSteps,
  // A probe comes from outside: it says nothing about a logon session of the account.
  story: { chainRank: 3, tellsSession: false, events: probingEvents },
};
