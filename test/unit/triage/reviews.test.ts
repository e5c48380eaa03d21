// A responder's review of a finding (migration 008) is part of the case and outlives the analytics: the same
// finding on a re-run keeps it by id, a file imported later that does not touch the finding leaves it, a
// file that moves the finding's start carries the review to the moved finding by its evidence, and a
// finding that stops firing keeps its review for when it fires again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAnalytics } from '../../../electron/engine/analytics/index.js';
import { readReviews, setFindingReview } from '../../../electron/engine/triage/findingReview.js';
import { CaseBuilder, type WinInput } from '../../support/caseBuilder.js';
import { at } from '../../support/runOnCase.js';

const T0 = '2024-06-03T08:00:00Z';
const IP = '198.51.100.23';
const AT = new Date('2026-03-14T10:00:00.250Z');

/** A 4625 wrong password, network logon from IP: 20 of them in 10 minutes make a T1110_001 finding. */
const fail = (s: number, user = 'Administrator', ip = IP): WinInput => ({
  eventId: 4625,
  ts: at(T0, s),
  host: 'SRV01',
  targetUser: user,
  targetDomain: 'SRV01',
  status: '0xc000006d',
  subStatus: '0xc000006a',
  logonType: 3,
  ip,
});
const fails = (n: number, from: number, user?: string, ip?: string) =>
  Array.from({ length: n }, (_, i) => fail(from + i * 10, user, ip));

const analyze = (b: CaseBuilder, params: Record<string, unknown> = {}) =>
  runAnalytics(b.conn, { analytics: ['T1110_001'], params });

async function withCase(run: (b: CaseBuilder) => Promise<void>): Promise<void> {
  const b = await CaseBuilder.create();
  try {
    await run(b);
  } finally {
    b.close();
  }
}

test('a review records status (when, by whom), clean tags, a note and a bookmark; nothing set is no row', async () => {
  await withCase(async (b) => {
    await b.add('a.xml', { win: fails(20, 300) });
    const [f] = await analyze(b);
    const review = await setFindingReview(
      b.conn,
      {
        id: f!.id,
        status: 'confirmed',
        tags: [' suspicious ', 'Suspicious', 'follow  up'],
        note: 'RDP from a VPN range',
      },
      AT,
      'alice',
    );
    assert.deepEqual(review, {
      status: 'confirmed',
      statusAt: '2026-03-14T10:00:00.250000Z',
      statusBy: 'alice',
      tags: ['suspicious', 'follow up'],
      note: 'RDP from a VPN range',
      bookmarked: false,
      updatedAt: '2026-03-14T10:00:00.250000Z',
    });
    assert.deepEqual((await readReviews(b.conn)).get(f!.id), review);

    // A change to the tags alone keeps the status and when it was set.
    const later = new Date('2026-03-15T09:00:00Z');
    const tagged = await setFindingReview(b.conn, { id: f!.id, tags: [], bookmarked: true }, later, 'bob');
    assert.equal(tagged!.status, 'confirmed');
    assert.equal(tagged!.statusBy, 'alice');
    assert.equal(tagged!.statusAt, '2026-03-14T10:00:00.250000Z');
    assert.deepEqual(tagged!.tags, []);
    assert.equal(tagged!.bookmarked, true);
    assert.equal(tagged!.note, 'RDP from a VPN range', 'a field not in the change stays');

    assert.equal(
      await setFindingReview(b.conn, { id: 'T1110_001-nosuch', status: 'reviewed' }, AT, null),
      null,
    );

    // An untouched finding stays without a row.
    await b.add('b.xml', { win: fails(20, 300, 'backup') });
    const second = (await analyze(b)).find((x) => x.accounts.includes('backup'))!;
    await setFindingReview(b.conn, { id: second.id, note: 'x' }, AT, null);
    await setFindingReview(b.conn, { id: second.id, note: '' }, AT, null);
    assert.equal((await readReviews(b.conn)).has(second.id), false);
  });
});

test('the review survives a re-run and the import of a file that does not touch the finding', async () => {
  await withCase(async (b) => {
    await b.add('a.xml', { win: fails(20, 300) });
    const [f] = await analyze(b);
    await setFindingReview(b.conn, { id: f!.id, status: 'false-positive', tags: ['benign'] }, AT, 'alice');

    const rerun = await analyze(b);
    assert.deepEqual(
      rerun.map((x) => x.id),
      [f!.id],
      'the same finding has the same id on every run',
    );
    // Another source's guessing: a second finding, the first untouched.
    await b.add('other.xml', { win: fails(25, 300, 'Administrator', '203.0.113.9') });
    const after = await analyze(b);
    assert.equal(after.length, 2);
    assert.ok(after.some((x) => x.id === f!.id));
    const reviews = await readReviews(b.conn);
    assert.equal(reviews.size, 1);
    assert.equal(reviews.get(f!.id)!.status, 'false-positive');
    assert.deepEqual(reviews.get(f!.id)!.tags, ['benign']);
  });
});

test('a file that moves the finding’s start carries its review to the moved finding', async () => {
  await withCase(async (b) => {
    await b.add('a.xml', { win: fails(20, 300) });
    const [f] = await analyze(b);
    await setFindingReview(b.conn, { id: f!.id, status: 'confirmed', note: 'the spray' }, AT, 'alice');

    // Earlier failures of the same episode, in a file found later: the episode now starts 5 minutes sooner.
    await b.add('earlier.xml', { win: fails(10, 0) });
    const [moved, ...rest] = await analyze(b);
    assert.equal(rest.length, 0);
    assert.notEqual(moved!.id, f!.id, 'the finding id follows its first failure');
    assert.equal(moved!.first, `${at(T0, 0).replace('.000Z', '.000000Z')}`);
    const reviews = await readReviews(b.conn);
    assert.deepEqual([...reviews.keys()], [moved!.id]);
    assert.equal(reviews.get(moved!.id)!.status, 'confirmed');
    assert.equal(reviews.get(moved!.id)!.note, 'the spray');
  });
});

test('a finding that stops firing keeps its review, and finds it again when it fires again', async () => {
  await withCase(async (b) => {
    await b.add('a.xml', { win: fails(20, 300) });
    const [f] = await analyze(b);
    await setFindingReview(b.conn, { id: f!.id, status: 'reviewed', tags: ['follow up'] }, AT, null);

    assert.deepEqual(await analyze(b, { t1110_001_min_failures: 30 }), []);
    assert.equal(
      (await readReviews(b.conn)).get(f!.id)!.status,
      'reviewed',
      'kept while the finding is gone',
    );
    const [back] = await analyze(b);
    assert.equal(back!.id, f!.id);
    assert.deepEqual((await readReviews(b.conn)).get(f!.id)!.tags, ['follow up']);
  });
});
