// Account enumeration (MITRE analytic AN1612, seed 000): net/wmic/PowerShell/LDAP tools listing users and
// groups, 4798/4799 membership lookups and 4661 SAM handles, grouped per actor into bursts.
import type { AnalyticModule } from '../module.js';
import { enumerationTitle, explainEnumeration } from './explain.js';
import { PARAMS, SEED_PROFILE } from './params.js';
import { enumerationEvents } from './story.js';
import { enumerationSteps } from './triage.js';

export const an1612: AnalyticModule = {
  id: 'AN1612',
  name: 'Account enumeration',
  reads: ['windows'],
  folder: new URL('.', import.meta.url),
  params: PARAMS,
  profiles: { seed: SEED_PROFILE },
  commonParams: ['process_parent_max_age_s', 'lineage_max_depth', 'unusual_launchers'],
  title: enumerationTitle,
  explain: explainEnumeration,
  triage: enumerationSteps,
  story: { chainRank: 2, tellsSession: true, events: enumerationEvents },
};
