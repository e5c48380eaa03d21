// Small pieces every entity query shares: typed bindings for lists (DuckDB cannot infer a list's type from
// an empty JavaScript array) and the key each kind of entity is matched by.
import {
  LIST,
  VARCHAR,
  listValue,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { EntityRef } from '../../../shared/api.js';
import { ServiceError } from '../service/serviceError.js';
import { readOne, text, type JsonRow } from '../service/sqlRows.js';

export type Bindings = Record<string, DuckDBValue>;
export type BindingTypes = Record<string, DuckDBType>;

/** A list of strings to bind, with its type. */
export function stringList(values: readonly string[]): { value: DuckDBValue; type: DuckDBType } {
  return { value: listValue([...values]), type: LIST(VARCHAR) };
}

export async function readTyped(
  conn: DuckDBConnection,
  sql: string,
  values: Bindings,
  types: BindingTypes = {},
): Promise<JsonRow[]> {
  const reader = await conn.runAndReadAll(sql, values, types);
  return reader.getRowObjectsJson() as JsonRow[];
}

/** What an entity's rows are matched by, worked out once per request. */
export interface EntityMatch {
  kind: EntityRef['kind'];
  /** users: every account key of the person (its own and the linked identities'); host: its first label; ip: the address. */
  keys: string[];
  /** users: the lower-case account names (the part after `\` or before `@`), a cheap filter before the key. */
  names: string[];
  display: string;
  /**
   * The names as the events write them that the entity's rows carry, per column (`subject_user`,
   * `target_user`, `user_principal_name`, `host`, `workstation`, `ip`, `signins.ip`), looked up among the
   * names of the case (writtenNames): a scan tests a column for these by equality, before the match's own
   * test. Absent: every row gets the match's own test.
   */
  written?: Record<string, string[]>;
  /**
   * users: the (name, domain) pairs of `subject_user` and `target_user` that pass the match's own test,
   * looked up with `written`: a row passes that test exactly when its pair is one of these.
   */
  writtenPairs?: Record<string, Array<{ name: string; domain: string | null }>>;
}

/** A user's account key, a host's first label (`ws01` for WS01.corp.local), an IP as written, trimmed. */
export async function normaliseEntityKey(conn: DuckDBConnection, ref: EntityRef): Promise<string> {
  const key = ref.key.trim();
  if (key === '') throw new ServiceError('BAD_REQUEST', `an empty ${ref.kind} name`);
  switch (ref.kind) {
    case 'user': {
      const row = await readOne(conn, 'SELECT account_key($key, NULL) AS k', { key });
      const normalised = text(row?.['k']);
      if (!normalised) throw new ServiceError('BAD_REQUEST', `"${key.slice(0, 80)}" is not an account name`);
      return normalised;
    }
    case 'host':
      return key.toLowerCase().split('.')[0]!;
    case 'ip':
      return key.toLowerCase();
  }
}

/** The account part of a key (`corp\jdoe` → `jdoe`). */
export function accountNamePart(key: string): string {
  const slash = key.lastIndexOf('\\');
  return slash >= 0 ? key.slice(slash + 1) : key;
}
