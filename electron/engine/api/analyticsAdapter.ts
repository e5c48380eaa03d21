// The real AnalyticsPort: the analytics module's parameter registry, runner, SQL catalog and account
// stories, behind the small interface the service uses.
import { accountStories, accountStory, analyticCatalog, resolveParams, runAnalytics } from '../analytics/index.js';
import type { AnalyticsPort } from './analyticsPort.js';

export function defaultAnalytics(): AnalyticsPort {
  return {
    resolve: (overrides, profile) => ({ ...resolveParams(overrides, profile) }),
    run: (conn, input) => runAnalytics(conn, { params: input.overrides, profile: input.profile, allowlist: input.allowlist }),
    sql: () => analyticCatalog(),
    accounts: (conn) => accountStories(conn),
    story: (conn, key) => accountStory(conn, key),
  };
}
