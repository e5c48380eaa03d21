// The address follows the page and its selection: every page and focus the app navigates to writes a
// fragment that reads back as the same page and focus, and fragments that name no page read as nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRouteHash, routeHash, type Route } from '../../../../renderer/src/app/route';

const ROUTES: Array<[Route, string]> = [
  [{ screen: 'import', focus: {} }, '#/import'],
  [{ screen: 'findings', focus: {} }, '#/findings'],
  [
    { screen: 'findings', focus: { findingId: 'AN1604-5c2a3b8dfb4c8a1d' } },
    '#/findings/AN1604-5c2a3b8dfb4c8a1d',
  ],
  [{ screen: 'accounts', focus: { accountKey: 'ws01\\backdoor' } }, '#/accounts/ws01%5Cbackdoor'],
  [{ screen: 'signins', focus: { ip: '203.0.113.77' } }, '#/signins/203.0.113.77'],
  [{ screen: 'entity', focus: { entity: { kind: 'user', key: 'CORP\\jdoe' } } }, '#/entity/user/CORP%5Cjdoe'],
  [{ screen: 'entity', focus: { entity: { kind: 'user', key: 'a/b?c#d' } } }, '#/entity/user/a%2Fb%3Fc%23d'],
  [
    { screen: 'entity', focus: { entity: { kind: 'host', key: 'WS01.corp.local' } } },
    '#/entity/host/WS01.corp.local',
  ],
  [
    {
      screen: 'process',
      focus: { process: { host: 'WS01.corp.local', key: '9895604650940' }, findingId: 'F-1' },
    },
    '#/process/WS01.corp.local/9895604650940?finding=F-1',
  ],
  [
    {
      screen: 'process',
      focus: { process: { host: 'WS01', pid: 10296, time: '2026-03-11T13:49:17.000000Z' } },
    },
    '#/process?host=WS01&pid=10296&time=2026-03-11T13%3A49%3A17.000000Z',
  ],
  [
    { screen: 'process', focus: { process: { source: 'ab'.repeat(32), recordNo: 12 } } },
    `#/process?source=${'ab'.repeat(32)}&record=12`,
  ],
  [{ screen: 'process', focus: { findingId: 'F-2' } }, '#/process?finding=F-2'],
];

test('each page and selection has a fragment, and the fragment reads back as the same page', () => {
  for (const [route, hash] of ROUTES) {
    assert.equal(routeHash(route), hash, JSON.stringify(route));
    assert.deepEqual(parseRouteHash(hash), route, hash);
  }
});

test("another screen's focus fields travel as query parameters", () => {
  const route = { screen: 'timeline', focus: { from: '2026-03-11T00:00:00Z' } } as unknown as Route;
  const hash = routeHash(route);
  assert.equal(hash, '#/timeline?from=2026-03-11T00%3A00%3A00Z');
  assert.deepEqual(parseRouteHash(hash), route);
});

test('fragments that name no page read as nothing', () => {
  for (const hash of [
    '',
    '#',
    '#token=abcdefghijklmnopqrstuvwxyz',
    '#/nowhere',
    '#/entity/planet/x',
    '#/entity/user',
    '#/process',
    '#/findings/%E0%A4%A',
  ])
    assert.equal(parseRouteHash(hash), null, hash);
});
