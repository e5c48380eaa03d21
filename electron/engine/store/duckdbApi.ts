// The values of @duckdb/node-api that an import needs, loaded with require.
//
// The package is CommonJS, ~120 files re-exported from one index. Imported from an ES module, Node's
// CommonJS translator lexes every one of those files for its export names before the first line runs:
// loading it cost 470–540 CPU-ms that way against 210–260 through require (measured, 3 runs each), on
// the critical path of every `accountscope import`. Types still come from the package itself; modules
// off the import path (analytics, the app) may import it as usual: both ways give the same objects.
import { createRequire } from 'node:module';
import type * as NodeApi from '@duckdb/node-api';

const api = createRequire(import.meta.url)('@duckdb/node-api') as typeof NodeApi;

export const { BIGINT, DuckDBInstance, DuckDBTimestampValue, INTEGER, LIST, VARCHAR, listValue } = api;
