// Password spraying seen from the machine it came from (ATT&CK T1110.003): one logon session and calling
// process using explicit credentials (4648) for many accounts in a short window — the one record a spray
// leaves on its source host, when the targets' failures are not in the case. High when very many accounts
// were tried or a sprayed account then logs on from that host.
import type { AnalyticModule } from '../module.js';
import { explainSpray, sprayTitle } from './explain.js';
import { PARAMS } from './params.js';
import { sprayEvents } from './story.js';
import { spraySteps } from './triage.js';

export const t1110_003: AnalyticModule = {
  id: 'T1110_003',
  name: 'Password spraying',
  reads: ['windows'],
  folder: new URL('.', import.meta.url),
  params: PARAMS,
  commonParams: ['lineage_max_depth'],
  title: sprayTitle,
  explain: explainSpray,
  triage: spraySteps,
  // The spray comes from the sprayer's session, not from the sessions of the accounts it tried; its
  // chain (the calling process) is the least telling of a story's chains.
  story: { chainRank: 5, tellsSession: false, events: sprayEvents },
};
