// Suspicious process, then a local account created (MITRE analytic AN1235, seed 003): a process that is
// suspicious by tool, launcher or location, followed on the same host by a 4720, with the strength of the tie.
import type { AnalyticModule } from '../module.js';
import { explainSequence, sequenceTitle } from './explain.js';
import { PARAMS } from './params.js';
import { sequenceEvents } from './story.js';
import { sequenceSteps } from './triage.js';

export const an1235: AnalyticModule = {
  id: 'AN1235',
  name: 'Suspicious process → account creation',
  reads: ['windows'],
  folder: new URL('.', import.meta.url),
  params: PARAMS,
  commonParams: ['process_parent_max_age_s', 'lineage_max_depth', 'account_tools'],
  title: sequenceTitle,
  explain: explainSequence,
  triage: sequenceSteps,
  story: { chainRank: 1, tellsSession: true, events: sequenceEvents },
};
