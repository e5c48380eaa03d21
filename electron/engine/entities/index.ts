// Pivots: a page per user, host or IP (everything the case holds about it, and the findings it is part
// of), an on-premises account and its Entra ID identity linked as one person, and process trees.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { EntityEvent, EntityEventsQuery } from '../../../shared/api.js';
import { entityEvents } from './entityEvents.js';
import { entityMatch } from './entityPage.js';

export { entityMatch, entityPage } from './entityPage.js';
export { hitsQuery } from './entityEvents.js';
export { linkedIdentities } from './identities.js';
export { processChildren, processTree } from './processTree.js';

/** One page of an entity's timeline (the same identities as its page). */
export async function entityTimeline(
  conn: DuckDBConnection,
  q: EntityEventsQuery,
): Promise<{ total: number; rows: EntityEvent[] }> {
  const { match } = await entityMatch(conn, q);
  return entityEvents(conn, match, q);
}
