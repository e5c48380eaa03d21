// Diagnostic-settings output (entra-formats.md section 4): Event Hub {"records":[...]} bodies and storage
// PT1H.json blobs (one record per line), sign-ins and audits mixed; and Graph directoryAudit pages
// (section 5) with the SSPR activities of section 6.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRawFromFile, audits, fixture, readEntra, signins, utc } from './entraTestSupport.js';

describe('readEntraJson: diagnostic settings', () => {
  it('reads an Event Hub body, merging each record with its properties', async () => {
    const file = fixture('diagnostic-eventhub.json');
    const result = await readEntra(file);
    assert.deepEqual(result.summary, {
      format: 'entra-mixed',
      variant: 'diagnostic-settings',
      records: 3,
      skipped: 0,
    });
    assert.deepEqual(result.errors, []);
    const [alice, carol] = signins(result);
    const { raw, ...aliceFields } = alice!;
    assert.deepEqual(aliceFields, {
      recordNo: 1,
      // properties.createdDateTime (the sign-in) rather than the record's own `time`.
      ts: utc(2024, 5, 1, 10, 15, 30, 123456),
      id: 'd1e2f3a4-b5c6-4789-90ab-cdef01234567',
      userPrincipalName: 'alice@contoso.com',
      userDisplayName: 'Alice Smith',
      userId: '2c1b6f0e-5d7a-4c33-8a41-9f0d2e6b7a10',
      appDisplayName: 'Microsoft Office',
      appId: 'd3590ed6-52b3-4102-aeff-aad2292ab01c',
      resourceDisplayName: 'Office 365 Exchange Online',
      ip: '203.0.113.10',
      clientAppUsed: 'Mobile Apps and Desktop clients',
      userAgent: 'Microsoft Office/16.0',
      errorCode: 50126,
      failureReason: 'Invalid username or password or Invalid on-premise username or password.',
      isInteractive: true,
      signinKind: 'interactive',
      country: 'US',
      city: 'Redmond',
      correlationId: 'c0ffee00-1234-4abc-8def-0123456789ab',
      conditionalAccessStatus: 'notApplied',
    });
    assertRawFromFile(raw, file);
    assert.ok(
      raw.startsWith('{"time": "2024-05-01T10:15:31.5522137Z"'),
      'raw is the whole record, envelope included',
    );

    assert.deepEqual(
      [carol!.ts, carol!.errorCode, carol!.isInteractive, carol!.signinKind, carol!.ip, carol!.country],
      [utc(2024, 5, 1, 10, 29, 58, 440000), 0, false, 'noninteractive', '192.0.2.200', 'NG'],
    );

    const [reset] = audits(result);
    const { raw: _raw, ...resetFields } = reset!;
    assert.deepEqual(resetFields, {
      recordNo: 3,
      ts: utc(2024, 5, 1, 10, 22, 11, 988734),
      id: 'SSPR_5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d_2',
      category: 'UserManagement',
      activity: 'Reset password (self-service)',
      operationType: 'Update',
      result: 'success',
      resultReason: 'Successfully completed reset.',
      loggedByService: 'Self-service Password Management',
      initiatorUpn: 'alice@contoso.com',
      initiatorIp: '192.0.2.45',
      initiatorApp: null,
      targetUpns: ['alice@contoso.com'],
      correlationId: '55555555-6666-4777-8888-999999999999',
    });
  });

  it('reads a storage PT1H.json blob (one record a line) with offset and US-format times', async () => {
    const result = await readEntra(fixture('diagnostic-PT1H.json'));
    assert.deepEqual(result.summary, {
      format: 'entra-mixed',
      variant: 'diagnostic-settings',
      records: 3,
      skipped: 0,
    });
    assert.deepEqual(result.errors, []);
    const [alice, carol] = signins(result);
    // 2025-11-13T20:48:53.5-05:00 is 01:48:53.5 UTC the next day.
    assert.equal(alice!.ts, utc(2025, 11, 14, 1, 48, 53, 500000));
    assert.equal(alice!.errorCode, 50126);
    assert.equal(carol!.ts, utc(2025, 11, 14, 1, 48, 53));
    assert.equal(carol!.signinKind, 'noninteractive');
    const [reset] = audits(result);
    // No properties.activityDateTime: the record's `time`, cut to microseconds.
    assert.equal(reset!.ts, utc(2025, 11, 14, 1, 50, 0, 999999));
    assert.equal(reset!.activity, 'Reset password (self-service)');
  });

  it('reads JSON lines that are each an Event Hub {"records":[...]} body', async () => {
    const body = fixture('diagnostic-eventhub.json').toString('utf8').trim();
    const result = await readEntra(`${body}\n${body}\n`);
    assert.deepEqual(
      result.rows.map((r) => [r.kind, r.row.recordNo]),
      [
        ['signin', 1],
        ['signin', 2],
        ['audit', 3],
        ['signin', 4],
        ['signin', 5],
        ['audit', 6],
      ],
    );
    assert.equal(result.summary.variant, 'diagnostic-settings');
  });

  it('falls back to the envelope: resultType for the code, callerIpAddress for the address', async () => {
    const record = {
      time: '2024-05-01T10:15:31Z',
      category: 'SignInLogs',
      operationName: 'Sign-in activity',
      resultType: '50126',
      resultDescription: 'Invalid username or password.',
      callerIpAddress: '203.0.113.10',
      location: 'US',
      properties: JSON.stringify({ userPrincipalName: 'alice@contoso.com' }),
    };
    const result = await readEntra(JSON.stringify(record));
    const [row] = signins(result);
    assert.deepEqual(
      [row!.ts, row!.errorCode, row!.failureReason, row!.ip, row!.country, row!.userPrincipalName],
      [
        utc(2024, 5, 1, 10, 15, 31),
        50126,
        'Invalid username or password.',
        '203.0.113.10',
        'US',
        'alice@contoso.com',
      ],
    );
  });

  it('skips a diagnostic record of another category, naming it', async () => {
    const result = await readEntra(
      '{"records":[{"time":"2024-05-01T10:00:00Z","category":"ProvisioningLogs","properties":{}}]}',
    );
    assert.equal(result.summary.records, 0);
    assert.equal(result.summary.skipped, 1);
    assert.deepEqual([result.errors[0]!.record, result.errors[0]!.offset], [1, 12]);
    assert.match(result.errors[0]!.message, /^a diagnostic record of category "ProvisioningLogs"/);
  });
});

describe('readEntraJson: Graph directory audits', () => {
  it('reads SSPR and Core Directory audits from a Graph page', async () => {
    const file = fixture('graph-audits-sspr.json');
    const result = await readEntra(file);
    assert.deepEqual(result.summary, { format: 'entra-audits', variant: 'graph', records: 4, skipped: 0 });
    assert.deepEqual(result.errors, []);
    const [progress, reset, blocked, change] = audits(result);
    const { raw, ...progressFields } = progress!;
    assert.deepEqual(progressFields, {
      recordNo: 1,
      ts: utc(2024, 5, 1, 10, 20, 5, 123456),
      id: 'SSPR_0f2e6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8_1',
      category: 'UserManagement',
      activity: 'Self-service password reset flow activity progress',
      operationType: 'Update',
      result: 'failure',
      resultReason:
        "User's account has insufficient authentication methods defined. Add authentication info to resolve this ",
      loggedByService: 'Self-service Password Management',
      initiatorUpn: 'bob@contoso.com',
      initiatorIp: '192.0.2.44',
      initiatorApp: null,
      targetUpns: ['bob@contoso.com'],
      correlationId: '11111111-2222-4333-8444-555555555555',
    });
    assertRawFromFile(raw, file);
    assert.deepEqual(
      [reset!.activity, reset!.result, reset!.resultReason, reset!.initiatorIp, reset!.ts],
      [
        'Reset password (self-service)',
        'success',
        'Successfully completed reset.',
        '192.0.2.45',
        utc(2024, 5, 1, 10, 21, 40),
      ],
    );
    assert.deepEqual(
      [blocked!.activity, blocked!.result, blocked!.ts, blocked!.targetUpns],
      [
        'Blocked from self-service password reset',
        'success',
        utc(2024, 5, 1, 10, 22, 0, 500000),
        ['carol@contoso.com'],
      ],
    );
    // Initiated by an app; targets of type User by UPN, else display name, whatever the key's case.
    assert.deepEqual(
      [
        change!.initiatorUpn,
        change!.initiatorIp,
        change!.initiatorApp,
        change!.targetUpns,
        change!.resultReason,
      ],
      [null, null, 'Microsoft password reset service', ['Alice Smith', 'dan@contoso.com'], null],
    );
  });
});
