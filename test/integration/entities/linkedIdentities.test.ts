// Pivot pages on hand-made events: an on-premises account and an Entra ID identity are one person when an
// Entra Connect audit record carries the account's SID, or when the UPN's local part is the account's
// name and nothing else could claim it; ambiguity, a UPN that does not exist in the tenant, and a
// contradicting SID keep them apart. The page and its timeline then cover both identities.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DuckDBConnection } from '@duckdb/node-api';
import { entityPage, entityTimeline, linkedIdentities } from '../../../electron/engine/entities/index.js';
import { CaseBuilder, type AuditInput, type SigninInput, type WinInput } from '../../support/caseBuilder.js';

const T = '2024-05-01T09:00:00Z';
const at = (s: number) => new Date(Date.parse(T) + s * 1000).toISOString();
const SID_JDOE = 'S-1-5-21-1111-2222-3333-1104';
const SID_DAVE = 'S-1-5-21-1111-2222-3333-1107';

function logon(user: string, domain: string, sid: string | undefined, s: number, ip = '10.0.0.9'): WinInput {
  return {
    eventId: 4624,
    ts: at(s),
    host: 'WS01.corp.local',
    subjectUser: 'WS01$',
    subjectDomain: 'CORP',
    targetUser: user,
    targetDomain: domain,
    targetSid: sid,
    targetLogonId: 0x5000 + s,
    logonType: 10,
    ip,
  };
}

const signin = (upn: string, s: number, errorCode = 0, ip = '198.51.100.7'): SigninInput => ({
  ts: at(s),
  userPrincipalName: upn,
  errorCode,
  ip,
  appDisplayName: 'Office 365',
});

// What Entra Connect writes when it provisions a synced user: the on-premises SID as a modified property.
function syncAudit(upn: string, sid: string, s: number): AuditInput {
  const raw = JSON.stringify({
    activityDisplayName: 'Add user',
    loggedByService: 'Core Directory',
    initiatedBy: { app: { displayName: 'Microsoft Azure AD Connect' } },
    targetResources: [
      {
        type: 'User',
        userPrincipalName: upn,
        modifiedProperties: [
          { displayName: 'AccountEnabled', oldValue: '[]', newValue: '[true]' },
          { displayName: 'OnPremisesSecurityIdentifier', oldValue: '[]', newValue: JSON.stringify([sid]) },
        ],
      },
    ],
  });
  return {
    ts: at(s),
    activity: 'Add user',
    targetUpns: [upn],
    initiatorApp: 'Microsoft Azure AD Connect',
    raw,
  };
}

let b: CaseBuilder;
let conn: DuckDBConnection;

before(async () => {
  b = await CaseBuilder.create();
  conn = b.conn;
  await b.add('WS01-Security.xml', {
    win: [
      logon('jdoe', 'CORP', SID_JDOE, 0),
      {
        eventId: 4720,
        ts: at(60),
        host: 'WS01.corp.local',
        subjectUser: 'jdoe',
        subjectDomain: 'CORP',
        subjectSid: SID_JDOE,
        subjectLogonId: 0x5000,
        targetUser: 'backdoor',
        targetDomain: 'WS01',
      },
      logon('asmith', 'CORP', 'S-1-5-21-1111-2222-3333-1105', 100),
      logon('bob', 'CORP', undefined, 110),
      logon('bob', 'LAB', undefined, 120),
      logon('carol', 'CORP', undefined, 130),
      logon('dave', 'CORP', SID_DAVE, 140),
      logon('erin', 'CORP', undefined, 150),
      // a Kerberos pre-authentication failure for jdoe from another address, logged by the DC
      {
        eventId: 4771,
        ts: at(170),
        host: 'DC01.corp.local',
        targetUser: 'jdoe',
        targetDomain: 'CORP',
        targetSid: SID_JDOE,
        ip: '10.0.0.66',
        status: '0x18',
      },
    ],
  });
  await b.add('signins.json', {
    signins: [
      signin('john.doe@contoso.com', 200),
      signin('john.doe@contoso.com', 210, 50126, '203.0.113.5'),
      signin('asmith@contoso.com', 220),
      signin('bob@contoso.com', 230),
      signin('carol@contoso.com', 240, 50034),
      signin('dave@contoso.com', 250),
      signin('erin@corp.local', 260),
    ],
  });
  await b.add('audits.json', {
    audits: [
      syncAudit('john.doe@contoso.com', SID_JDOE, 10),
      syncAudit('dave@contoso.com', 'S-1-5-21-9-9-9-500', 20),
    ],
  });
});

after(() => b.close());

const linked = async (key: string) =>
  (await linkedIdentities(conn, key)).map((i) => `${i.display}|${i.source}|${i.linkedBy ?? 'own'}`);

test('an Entra identity carrying the account SID is the same person, whatever its name, both ways', async () => {
  assert.deepEqual(await linked('corp\\jdoe'), ['CORP\\jdoe|windows|own', 'john.doe@contoso.com|entra|sid']);
  const ids = await linkedIdentities(conn, 'contoso\\john.doe');
  assert.deepEqual(
    ids.map((i) => `${i.display}|${i.linkedBy ?? 'own'}`),
    ['john.doe@contoso.com|own', 'CORP\\jdoe|sid'],
  );
  assert.equal(ids[1]!.sid, SID_JDOE);
  assert.match(ids[1]!.reason ?? '', /on-premises SID S-1-5-21-1111-2222-3333-1104/);
});

test('a UPN whose local part is the account name is linked when it is the only candidate on each side', async () => {
  assert.deepEqual(await linked('corp\\asmith'), [
    'CORP\\asmith|windows|own',
    'asmith@contoso.com|entra|name',
  ]);
  assert.deepEqual(await linked('contoso\\asmith'), [
    'asmith@contoso.com|entra|own',
    'CORP\\asmith|windows|name',
  ]);
});

test('ambiguity, a UPN the tenant does not know, and a contradicting SID keep them apart', async () => {
  // CORP\bob and LAB\bob: which of them is bob@contoso.com cannot be told.
  assert.deepEqual(await linked('contoso\\bob'), ['bob@contoso.com|entra|own']);
  // carol@contoso.com only ever got "no such user" (50034): someone probing, not carol.
  assert.deepEqual(await linked('corp\\carol'), ['CORP\\carol|windows|own']);
  // dave@contoso.com was provisioned with another SID than CORP\dave's.
  assert.deepEqual(await linked('corp\\dave'), ['CORP\\dave|windows|own']);
});

test('a UPN under the account domain is the same key: one identity per log, no link needed', async () => {
  const ids = await linkedIdentities(conn, 'corp\\erin');
  assert.deepEqual(
    ids.map((i) => `${i.display}|${i.source}|${i.linkedBy ?? 'own'}`),
    ['CORP\\erin|windows|own', 'erin@corp.local|entra|own'],
  );
  assert.match(ids[1]!.reason ?? '', /UPN's domain is the account's domain/);
});

test("a linked person's page and timeline cover both identities", async () => {
  const page = await entityPage(conn, { kind: 'user', key: 'CORP\\jdoe' });
  assert.equal(page.display, 'CORP\\jdoe');
  assert.deepEqual(
    page.identities.map((i) => i.display),
    ['CORP\\jdoe', 'john.doe@contoso.com'],
  );
  assert.deepEqual(page.categories, {
    logon: 1,
    'logon-failure': 1,
    account: 1,
    signin: 1,
    'signin-failure': 1,
    audit: 1,
  });
  assert.equal(page.total, 6);
  assert.deepEqual(
    page.accounts.map((a) => `${a.action} ${a.account} on ${a.host}`),
    ['created WS01\\backdoor on WS01.corp.local'],
  );
  assert.deepEqual(
    page.logons.map(
      (l) => `${l.user} type ${l.logonType} from ${l.source} ok ${l.count} failed ${l.failures}`,
    ),
    ['CORP\\jdoe type 10 from 10.0.0.9 ok 1 failed 0', 'CORP\\jdoe type null from 10.0.0.66 ok 0 failed 1'],
  );
  assert.deepEqual(
    page.signins.map((s) => `${s.user} ${s.ip} ok ${s.successes} bad ${s.failures} ${s.codes.join(',')}`),
    ['john.doe@contoso.com 198.51.100.7 ok 1 bad 0 ', 'john.doe@contoso.com 203.0.113.5 ok 0 bad 1 50126'],
  );
  const events = await entityTimeline(conn, { kind: 'user', key: 'john.doe@contoso.com' });
  assert.equal(events.total, 6, 'the page opened from the UPN shows the same person');
  assert.deepEqual(
    events.rows.map((r) => `${r.eventId ?? r.table} ${r.role}`),
    ['4624 target', 'audits target', '4720 actor', '4771 target', 'signins actor', 'signins actor'],
  );
  const failures = await entityTimeline(conn, {
    kind: 'user',
    key: 'CORP\\jdoe',
    categories: ['signin-failure'],
  });
  assert.equal(failures.total, 1);
  assert.match(failures.rows[0]!.summary, /sign-in failed \(50126/);
  const second = await entityTimeline(conn, { kind: 'user', key: 'CORP\\jdoe', offset: 4, limit: 2 });
  assert.equal(second.total, 6);
  assert.deepEqual(
    second.rows.map((r) => r.table),
    ['signins', 'signins'],
  );
});

test('an IP page names who came from it, a host page who logged on to it', async () => {
  const ip = await entityPage(conn, { kind: 'ip', key: '203.0.113.5' });
  assert.equal(ip.total, 1);
  assert.deepEqual(ip.related.users, [{ value: 'john.doe@contoso.com', count: 1 }]);
  const dcSide = await entityPage(conn, { kind: 'ip', key: '10.0.0.66' });
  assert.deepEqual(
    dcSide.logons.map((l) => `${l.user} on ${l.host} failed ${l.failures}`),
    ['CORP\\jdoe on DC01.corp.local failed 1'],
    'a Kerberos failure from the address counts as a failed logon',
  );
  const host = await entityPage(conn, { kind: 'host', key: 'ws01' });
  assert.equal(host.total, 8, 'every event WS01 logged');
  assert.deepEqual(host.related.users.map((u) => u.value).sort(), [
    'CORP\\asmith',
    'CORP\\bob',
    'CORP\\carol',
    'CORP\\dave',
    'CORP\\erin',
    'CORP\\jdoe',
    'LAB\\bob',
  ]);
  assert.deepEqual(
    host.accounts.map((a) => `${a.by} created ${a.account}`),
    ['CORP\\jdoe created WS01\\backdoor'],
  );
});
