// Account creation with lineage (MITRE analytic AN1604, seed 001): every 4720, linked to the process that
// made it, the logon session it came from (or the admin workstation of a remote creation) and what happened
// to the account next.
import type { AnalyticModule } from '../module.js';
import { createdAccountSteps } from '../common/creationTriage.js';
import { creationTitle, explainCreation } from './explain.js';
import { PARAMS } from './params.js';
import { creationEvents } from './story.js';

export const an1604: AnalyticModule = {
  id: 'AN1604',
  name: 'Account creation',
  reads: ['windows'],
  folder: new URL('.', import.meta.url),
  params: PARAMS,
  commonParams: [
    'process_parent_max_age_s',
    'lineage_max_depth',
    'unusual_launchers',
    'account_tools',
    'privileged_groups',
  ],
  title: creationTitle,
  explain: explainCreation,
  // The finding starts at its 4720.
  triage: (conn, f) => createdAccountSteps(conn, f, f.first),
  story: { chainRank: 0, tellsSession: true, events: creationEvents },
};
