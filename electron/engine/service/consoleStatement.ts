// Which SQL the console agrees to run, decided before anything runs. The console runs exactly one
// statement, and only one that reads:
//   1. its first word must be a reading one (PRAGMA and friends are rewritten to SELECTs by the parser,
//      so DuckDB's statement type alone would let them through);
//   2. DuckDB must find exactly one statement in the text;
//   3. DuckDB must classify it as a SELECT, or as an EXPLAIN of a SELECT (below).
// The caller then runs it inside a READ ONLY transaction on a locked-down case.
//
// Why EXPLAIN needs its own check: `EXPLAIN ANALYZE` executes the statement it explains, and DuckDB's
// statement type says only "EXPLAIN". `EXPLAIN ANALYZE COPY … TO` wrote files into the one folder the
// lockdown leaves open, and `EXPLAIN ANALYZE SET search_path=…` moved the console's session off the case.
// So the statement inside is taken apart here, checked on its own as a SELECT by DuckDB's parser, and the
// EXPLAIN is rebuilt from that checked text and a fixed prefix: what runs is what was checked. ANALYZE of
// a SELECT stays allowed: it is exactly as safe as running the SELECT, and a trainer wants its timings.
import { StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { ServiceError } from './serviceError.js';

const READING_WORDS = new Set([
  'SELECT',
  'WITH',
  'EXPLAIN',
  'SUMMARIZE',
  'DESCRIBE',
  'SHOW',
  'FROM',
  'VALUES',
  'TABLE',
]);

/** Index of the first character past whitespace and comments (and opening parentheses, if asked). */
function skipBlank(sql: string, from: number, parentheses = false): number {
  let i = from;
  for (;;) {
    while (i < sql.length && (/\s/.test(sql[i]!) || (parentheses && sql[i] === '('))) i++;
    if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else return i;
  }
}

function wordAt(sql: string, at: number): string {
  return (/^[A-Za-z_]+/.exec(sql.slice(at))?.[0] ?? '').toUpperCase();
}

/** The first keyword of a statement, past comments, whitespace and opening parentheses. */
export function leadingKeyword(sql: string): string {
  return wordAt(sql, skipBlank(sql, 0, true));
}

export interface ExplainParts {
  analyze: boolean;
  /** FORMAT's value (a bare word: text, json, html, graphviz…), or null for DuckDB's default. */
  format: string | null;
  /** The statement being explained, as written. */
  inner: string;
}

// EXPLAIN's option list, as DuckDB takes it: `(ANALYZE, FORMAT json)`. Anything else in parentheses
// after EXPLAIN is left to be part of the statement, and fails the check on it if it is not a SELECT.
const OPTION = String.raw`(?:ANALY[SZ]E|FORMAT\s+[A-Za-z]+)`;
const OPTIONS = new RegExp(String.raw`^\(\s*${OPTION}(?:\s*,\s*${OPTION})*\s*\)`, 'i');

/** Takes an EXPLAIN apart; null when the text is not one. */
export function explainParts(sql: string): ExplainParts | null {
  let i = skipBlank(sql, 0);
  if (wordAt(sql, i) !== 'EXPLAIN') return null;
  i = skipBlank(sql, i + 'EXPLAIN'.length);
  let analyze = false;
  let format: string | null = null;
  const word = wordAt(sql, i);
  if (word === 'ANALYZE' || word === 'ANALYSE') {
    analyze = true;
    i = skipBlank(sql, i + word.length);
  }
  const options = OPTIONS.exec(sql.slice(i));
  if (options) {
    for (const option of options[0].slice(1, -1).split(',')) {
      const [name, value] = option.trim().split(/\s+/);
      if (name!.toUpperCase() === 'FORMAT') format = value!.toLowerCase();
      else analyze = true;
    }
    i = skipBlank(sql, i + options[0].length);
  }
  return { analyze, format, inner: sql.slice(i) };
}

/** The EXPLAIN to run: a fixed prefix and the statement that was checked, nothing else. */
export function rebuildExplain({ analyze, format, inner }: ExplainParts): string {
  if (format) return `EXPLAIN (${analyze ? 'ANALYZE, ' : ''}FORMAT ${format})\n${inner}`;
  return `EXPLAIN ${analyze ? 'ANALYZE ' : ''}\n${inner}`;
}

function refuse(message: string): never {
  throw new ServiceError('SQL_REFUSED', message);
}

/** Fences 1 and 2: a reading first word, and exactly one statement. */
async function checkText(conn: DuckDBConnection, sql: string, words: ReadonlySet<string>): Promise<void> {
  const word = leadingKeyword(sql);
  if (!words.has(word))
    refuse(`only SELECT, WITH, EXPLAIN, SUMMARIZE and DESCRIBE run here, not ${word || 'this'}`);
  let extracted;
  try {
    extracted = await conn.extractStatements(sql);
  } catch (e) {
    throw new ServiceError('SQL_ERROR', (e as Error).message);
  }
  if (extracted.count !== 1) refuse(`one statement at a time, please (this text has ${extracted.count})`);
}

/** DuckDB's own classification of one statement (fence 3). */
async function statementType(conn: DuckDBConnection, sql: string): Promise<StatementType> {
  let prepared;
  try {
    prepared = await conn.prepare(sql);
  } catch (e) {
    throw new ServiceError('SQL_ERROR', (e as Error).message);
  }
  try {
    return prepared.statementType;
  } finally {
    prepared.destroySync();
  }
}

const EXPLAINABLE_WORDS = new Set([...READING_WORDS].filter((w) => w !== 'EXPLAIN'));

/**
 * Checks what the user typed and returns the text to run: the same text, or for an EXPLAIN the one
 * rebuilt from its checked statement. Throws SQL_REFUSED with the reason, or SQL_ERROR for bad SQL.
 */
export async function vetConsoleSql(
  conn: DuckDBConnection,
  sql: string,
): Promise<{ text: string; expected: StatementType }> {
  await checkText(conn, sql, READING_WORDS);
  const explain = explainParts(sql);
  if (!explain) {
    if ((await statementType(conn, sql)) !== StatementType.SELECT)
      refuse('only reading statements run in the SQL console');
    return { text: sql, expected: StatementType.SELECT };
  }
  const why = 'EXPLAIN runs here only of a reading statement (SELECT, WITH, FROM, SUMMARIZE, DESCRIBE)';
  if (!EXPLAINABLE_WORDS.has(leadingKeyword(explain.inner))) refuse(why);
  await checkText(conn, explain.inner, EXPLAINABLE_WORDS);
  if ((await statementType(conn, explain.inner)) !== StatementType.SELECT) refuse(why);
  return { text: rebuildExplain(explain), expected: StatementType.EXPLAIN };
}
