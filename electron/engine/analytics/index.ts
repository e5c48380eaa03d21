// The analytics engine's public face: run the analytics, read account stories, list parameters, show an
// analytic's SQL, triage a finding. Each analytic is a folder here (module.ts); registry.ts lists them.
export { runAnalytics, runAnalyticSql, type RunOptions } from './runAnalytics.js';
export { accountStories, accountStory, type AccountStoryWithTree } from './accountStories.js';
export type { LineageTreeNode } from './storyParts.js';
export { paramSpec, paramSpecs, profileValues, parseParamAssignment, resolveParams } from './params.js';
export {
  PROFILE_NAMES,
  type ParamSpec,
  type ParamType,
  type ParamValue,
  type ProfileName,
  type ResolvedParams,
} from './paramTypes.js';
export { analyticSql, coverageVerdictSql, referencedParams, sqlFileText } from './analyticSql.js';
export { analyticCatalog, analyticInfos } from './catalog.js';
export { analyticModule, analyticModules, registerAnalytic, requireAnalytic } from './registry.js';
export type { AnalyticModule, StoryContribution } from './module.js';
export { triageSteps, withTriage } from './triage.js';
export { refreshDerivedTables } from './refreshDerivedTables.js';
export { EMPTY_ALLOWLIST, allowlistBindings } from './allowlistBindings.js';
export { readAllFindings, readFindingsById } from './readFindings.js';
