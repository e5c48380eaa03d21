// The parameter registry and the SQL files agree: every `$name` an analytic binds is a registered
// parameter (or an allowlist list), every registered parameter is read by some analytic, defaults have
// their declared types, and values are checked on the way in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyticCatalog,
  analyticModules,
  analyticSql,
  paramSpecs,
  profileValues,
  requireAnalytic,
  parseParamAssignment,
  referencedParams,
  resolveParams,
} from '../../../electron/engine/analytics/index.js';

const ALLOWLIST_LISTS = [
  'allow_accounts',
  'allow_tools',
  'allow_source_ips',
  'allow_hosts',
  'allow_properties',
];
// Read when the derived tables are rebuilt (refreshDerivedTables.ts), not by an analytic's own SQL.
const DERIVED_TABLE_PARAMS = ['process_parent_max_age_s'];

test('every $parameter in the SQL files is registered, and every registered one is used', () => {
  const registered = new Set(paramSpecs().map((p) => p.name));
  const used = new Set<string>();
  for (const m of analyticModules()) {
    const id = m.id;
    for (const name of referencedParams(analyticSql(m))) {
      used.add(name);
      assert.ok(registered.has(name) || ALLOWLIST_LISTS.includes(name), `${id} binds unknown $${name}`);
      if (registered.has(name)) {
        const spec = paramSpecs().find((p) => p.name === name)!;
        assert.ok(
          spec.analytics.includes(id),
          `${name} does not list ${id} among the analytics that read it`,
        );
      }
    }
  }
  for (const name of registered) {
    assert.ok(
      used.has(name) || DERIVED_TABLE_PARAMS.includes(name),
      `${name} is registered but no SQL reads it`,
    );
  }
});

test('each SQL file has the header a trainer reads: id, title, ATT&CK, every parameter named', () => {
  for (const entry of analyticCatalog()) {
    const sql = analyticSql(requireAnalytic(entry.id));
    assert.match(sql, new RegExp(`^-- id:\\s+${entry.id}\\b`), `${entry.id}: header id`);
    assert.ok(entry.title.length > 5, `${entry.id}: title`);
    assert.match(entry.attack, /T1\d{3}/, `${entry.id}: ATT&CK mapping`);
    for (const p of entry.params) {
      assert.ok(
        sql.split('\n').some((l) => l.startsWith('--') && l.includes(`$${p.name}`)),
        `${entry.id} header lacks $${p.name}`,
      );
    }
  }
});

test('defaults have their declared types and follow detections.md', () => {
  for (const p of paramSpecs()) {
    const ok = {
      number: () => Number.isInteger(p.default),
      boolean: () => typeof p.default === 'boolean',
      string: () => typeof p.default === 'string',
      'string[]': () => Array.isArray(p.default) && p.default.every((v) => typeof v === 'string'),
      'number[]': () => Array.isArray(p.default) && p.default.every((v) => Number.isInteger(v)),
    }[p.type]();
    assert.ok(ok, `${p.name} default does not match ${p.type}`);
    assert.ok(p.description.length > 10, `${p.name} needs a description`);
    assert.ok(p.analytic === 'common' || p.analytics.includes(p.analytic), p.name);
  }
  const d = resolveParams();
  assert.equal(d['an1604_creation_window_s'], 300);
  assert.equal(d['an1604_followup_window_s'], 86400);
  assert.equal(d['an1235_sequence_window_s'], 120);
  assert.equal(d['an1612_burst_window_s'], 600);
  assert.equal(d['an1612_artifact_window_s'], 120);
  assert.equal(d['t1589_window_minutes'], 60);
  assert.equal(d['t1589_min_distinct_users'], 15);
  assert.equal(d['t1589_sspr_min_distinct_targets'], 10);
  assert.equal(d['process_parent_max_age_s'], 7 * 86400);
  assert.deepEqual(d['t1589_signin_error_codes'], [50034, 50053, 50055, 50057, 50072, 50076, 50126]);
});

test('the seed profile drops 50126 and the Windows codes the seeds do not name; overrides still win', () => {
  const seed = resolveParams({}, 'seed');
  assert.deepEqual(seed['t1589_signin_error_codes'], [50034, 50053, 50055, 50057, 50072, 50076]);
  assert.equal(seed['t1589_signin_group_by_app_and_reason'], true);
  assert.deepEqual(seed['t1589_win_4768_codes'], []);
  assert.equal(resolveParams({ t1589_min_distinct_users: 9 }, 'seed')['t1589_min_distinct_users'], 9);
  const seedValues = profileValues('seed');
  assert.ok(Object.keys(seedValues).length > 0);
  for (const name of Object.keys(seedValues))
    assert.ok(
      paramSpecs().some((p) => p.name === name),
      name,
    );
});

test('values are checked: unknown names, wrong types and bad profiles are refused', () => {
  assert.throws(() => resolveParams({ no_such: 1 }), /unknown analytics parameter/);
  assert.throws(() => resolveParams({ t1589_min_distinct_users: '15' }), /must be number/);
  assert.throws(() => resolveParams({ t1589_min_distinct_users: 1.5 }), /must be number/);
  assert.throws(() => resolveParams({ account_tools: 'net.exe' }), /must be string\[\]/);
  assert.throws(() => resolveParams({}, 'nope' as never), /unknown profile/);
});

test('--param NAME=VALUE parses numbers, booleans, comma lists and JSON lists', () => {
  assert.deepEqual(parseParamAssignment('t1589_min_distinct_users=9'), ['t1589_min_distinct_users', 9]);
  assert.deepEqual(parseParamAssignment('an1235_include_domain_accounts=true'), [
    'an1235_include_domain_accounts',
    true,
  ]);
  assert.deepEqual(parseParamAssignment('account_tools=net.exe, wmic.exe'), [
    'account_tools',
    ['net.exe', 'wmic.exe'],
  ]);
  assert.deepEqual(parseParamAssignment('t1589_signin_error_codes=50034,50126'), [
    't1589_signin_error_codes',
    [50034, 50126],
  ]);
  assert.deepEqual(parseParamAssignment('an1612_command_patterns=["a{1,2}","b"]'), [
    'an1612_command_patterns',
    ['a{1,2}', 'b'],
  ]);
  assert.deepEqual(parseParamAssignment('t1589_win_4768_codes='), ['t1589_win_4768_codes', []]);
  assert.throws(() => parseParamAssignment('t1589_min_distinct_users=many'), /must be number/);
  assert.throws(() => parseParamAssignment('nonsense'), /NAME=VALUE/);
});

test('comments and string literals never count as parameters', () => {
  assert.deepEqual(referencedParams("-- $not_me\nSELECT '$nor_me', $yes FROM t WHERE x = $also -- $no"), [
    'yes',
    'also',
  ]);
});

test('numbers have ranges: negative counts, zero accounts and absurd depths are refused by name', () => {
  const spec = (name: string) => paramSpecs().find((p) => p.name === name)!;
  assert.equal(spec('t1589_min_distinct_users').min, 1);
  assert.equal(spec('an1604_creation_window_s').min, 0);
  assert.equal(spec('lineage_max_depth').max, 64);
  assert.throws(
    () => resolveParams({ t1589_min_distinct_users: -3 }),
    /parameter "t1589_min_distinct_users" must be at least 1, got -3/,
  );
  assert.throws(() => resolveParams({ t1589_min_distinct_users: 0 }), /at least 1/);
  assert.throws(() => resolveParams({ an1604_creation_window_s: -60 }), /at least 0, got -60/);
  assert.throws(() => resolveParams({ lineage_max_depth: 65 }), /at most 64, got 65/);
  assert.throws(() => resolveParams({ t1589_signin_error_codes: [50034, -1] }), /at least 0, got -1/);
  assert.throws(() => parseParamAssignment('t1589_min_distinct_users=-3'), /at least 1/);
  assert.equal(resolveParams({ t1589_min_distinct_users: 1 })['t1589_min_distinct_users'], 1);
});

test('every default and every profile value is inside its range', () => {
  for (const profile of ['default', 'seed'] as const) {
    const values = resolveParams({}, profile);
    // resolving them again as overrides checks each against its range
    assert.doesNotThrow(() => resolveParams(values as Record<string, unknown>, profile), profile);
  }
  for (const p of paramSpecs().filter((p) => p.type === 'number' || p.type === 'number[]'))
    assert.ok(p.min !== undefined, `${p.name} has no minimum`);
});
