// The analytics engine's public face: run the four analytics, read account stories, list parameters,
// show an analytic's SQL. Everything else in this folder is an implementation detail.
export { runAnalytics, runAnalyticSql, type RunOptions } from './runAnalytics.js';
export { accountStories, accountStory, type AccountStoryWithTree } from './accountStories.js';
export type { LineageTreeNode } from './storyParts.js';
export {
  PARAMS,
  PROFILES,
  PROFILE_NAMES,
  paramSpec,
  parseParamAssignment,
  resolveParams,
  type ParamSpec,
  type ParamType,
  type ParamValue,
  type ProfileName,
  type ResolvedParams,
} from './params.js';
export { ANALYTIC_FILES, ANALYTIC_ORDER, analyticSql, referencedParams } from './analyticSql.js';
export { analyticCatalog } from './catalog.js';
export { dropDerivedTables, refreshDerivedTables } from './refreshDerivedTables.js';
export { EMPTY_ALLOWLIST, allowlistBindings } from './allowlistBindings.js';
export { readAllFindings, readFindingsById } from './readFindings.js';
