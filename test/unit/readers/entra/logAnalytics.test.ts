// Log Analytics / Sentinel exports (entra-formats.md section 3, and AuditLogs of section 5):
// PascalCase columns, renames, ResultType as a string, dynamic columns held as JSON text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRawFromFile, audits, fixture, readEntra, signins, utc } from './entraTestSupport.js';

describe('readEntraJson: Log Analytics exports', () => {
  it('reads SigninLogs rows whose Status and LocationDetails are JSON strings', async () => {
    const file = fixture('la-signinlogs.json');
    const result = await readEntra(file);
    assert.deepEqual(result.summary, {
      format: 'entra-signins',
      variant: 'log-analytics',
      records: 2,
      skipped: 0,
    });
    assert.deepEqual(result.errors, []);
    const [alice, bob] = signins(result);
    const { raw, ...aliceFields } = alice!;
    assert.deepEqual(aliceFields, {
      recordNo: 1,
      // CreatedDateTime (the event) wins over TimeGenerated.
      ts: utc(2024, 5, 1, 10, 15, 30, 123000),
      id: 'd1e2f3a4-b5c6-4789-90ab-cdef01234567',
      userPrincipalName: 'alice@contoso.com',
      userDisplayName: 'Alice Smith',
      userId: '2c1b6f0e-5d7a-4c33-8a41-9f0d2e6b7a10',
      appDisplayName: 'Microsoft Office',
      appId: 'd3590ed6-52b3-4102-aeff-aad2292ab01c',
      resourceDisplayName: 'Office 365 Exchange Online',
      ip: '198.51.100.7',
      clientAppUsed: 'Mobile Apps and Desktop clients',
      userAgent: 'Microsoft Office/16.0',
      errorCode: 50126,
      failureReason: 'Invalid username or password or Invalid on-premise username or password.',
      isInteractive: true,
      signinKind: 'interactive',
      country: 'US',
      city: 'Seattle',
      correlationId: 'c0ffee00-1234-4abc-8def-0123456789ab',
      conditionalAccessStatus: 'notApplied',
    });
    assertRawFromFile(raw, file);
    assert.ok(raw.includes('"Status": "{\\"errorCode\\":50126'), 'JSON-in-strings stay as they were');

    assert.equal(bob!.ts, utc(2024, 5, 1, 10, 40, 0), 'TimeGenerated when there is no CreatedDateTime');
    assert.equal(bob!.errorCode, 0);
    assert.equal(bob!.failureReason, null);
    assert.equal(bob!.isInteractive, true, '"True" as text');
    assert.equal(bob!.country, 'GB');
    assert.equal(bob!.city, 'London');
    assert.equal(bob!.correlationId, null);
  });

  it('reads AADNonInteractiveUserSignInLogs as non-interactive, from its columns or its table name', async () => {
    const result = await readEntra(fixture('la-noninteractive.json'));
    assert.deepEqual(result.summary, {
      format: 'entra-signins',
      variant: 'log-analytics',
      records: 2,
      skipped: 0,
    });
    assert.deepEqual(result.errors, []);
    const [carol, dave] = signins(result);
    assert.deepEqual(
      [
        carol!.ts,
        carol!.errorCode,
        carol!.isInteractive,
        carol!.signinKind,
        carol!.country,
        carol!.city,
        carol!.ip,
      ],
      [utc(2024, 5, 1, 10, 29, 58, 442013), 50053, false, 'noninteractive', 'NG', 'Lagos', '192.0.2.200'],
    );
    assert.equal(carol!.failureReason?.startsWith('Account is locked'), true);
    // No IsInteractive column and an empty LocationDetails: the table name and Location still tell.
    assert.deepEqual(
      [
        dave!.userPrincipalName,
        dave!.errorCode,
        dave!.isInteractive,
        dave!.signinKind,
        dave!.country,
        dave!.city,
      ],
      ['dave@contoso.com', 0, false, 'noninteractive', 'NG', null],
    );
  });

  it('reads AuditLogs SSPR rows with InitiatedBy / TargetResources as JSON text or as objects', async () => {
    const file = fixture('la-auditlogs.json');
    const result = await readEntra(file);
    assert.deepEqual(result.summary, {
      format: 'entra-audits',
      variant: 'log-analytics',
      records: 3,
      skipped: 0,
    });
    assert.deepEqual(result.errors, []);
    const [progress, reset, unlock] = audits(result);
    const { raw, ...progressFields } = progress!;
    assert.deepEqual(progressFields, {
      recordNo: 1,
      ts: utc(2024, 5, 1, 10, 20, 5, 123456),
      id: 'SSPR_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d_1',
      category: 'UserManagement',
      activity: 'Self-service password reset flow activity progress',
      operationType: 'Update',
      result: 'failure',
      resultReason:
        "User's account has insufficient authentication methods defined. Add authentication info to resolve this ",
      loggedByService: 'Self-service Password Management',
      initiatorUpn: 'eve@contoso.com',
      initiatorIp: '192.0.2.44',
      initiatorApp: null,
      targetUpns: ['eve@contoso.com'],
      correlationId: '44444444-5555-4666-8777-888888888888',
    });
    assertRawFromFile(raw, file);

    // The minimal example of entra-formats.md: activity only in OperationName, time only TimeGenerated.
    const { raw: _raw, ...resetFields } = reset!;
    assert.deepEqual(resetFields, {
      recordNo: 2,
      ts: utc(2024, 5, 1, 10, 20, 6),
      id: null,
      category: null,
      activity: 'Reset password (self-service)',
      operationType: null,
      result: 'success',
      resultReason: null,
      loggedByService: 'Self-service Password Management',
      initiatorUpn: 'alice@contoso.com',
      initiatorIp: null,
      initiatorApp: null,
      targetUpns: [],
      correlationId: null,
    });

    assert.deepEqual(
      [
        unlock!.ts,
        unlock!.activity,
        unlock!.operationType,
        unlock!.result,
        unlock!.initiatorIp,
        unlock!.targetUpns,
      ],
      [
        utc(2024, 5, 1, 10, 24, 59, 900000),
        'Unlock user account (self-service)',
        'Unlock',
        'timeout',
        '198.51.100.50',
        ['frank@contoso.com', 'Frank (shadow)'],
      ],
    );
  });

  it('reads query-API tables, mapping each row to its columns by name', async () => {
    const file = fixture('la-query-api.json');
    const result = await readEntra(file);
    assert.deepEqual(result.summary, {
      format: 'entra-signins',
      variant: 'log-analytics-query-api',
      records: 3,
      skipped: 0,
    });
    assert.deepEqual(result.errors, []);
    const rows = signins(result);
    assert.deepEqual(
      rows.map((r) => [
        r.recordNo,
        r.ts,
        r.userPrincipalName,
        r.ip,
        r.errorCode,
        r.isInteractive,
        r.signinKind,
        r.city,
      ]),
      [
        [
          1,
          utc(2024, 5, 1, 10, 15, 31, 701500),
          'alice@contoso.com',
          '198.51.100.7',
          50126,
          true,
          'interactive',
          'Seattle',
        ],
        [
          2,
          utc(2024, 5, 1, 10, 15, 33),
          'ghost@contoso.com',
          '198.51.100.7',
          50034,
          true,
          'interactive',
          'Seattle',
        ],
        [
          3,
          utc(2024, 5, 1, 10, 15, 40),
          'carol@contoso.com',
          '192.0.2.200',
          0,
          false,
          'noninteractive',
          'Lagos',
        ],
      ],
    );
    assert.equal(rows[1]!.failureReason, 'The user account does not exist in the tenant directory.');
    const raw = JSON.parse(rows[1]!.raw) as Record<string, unknown>;
    assert.equal(raw.UserPrincipalName, 'ghost@contoso.com');
    assert.equal(raw.Status, '{"errorCode":50034}');
    assert.deepEqual(Object.keys(raw).slice(0, 3), ['TenantId', 'TimeGenerated', 'UserPrincipalName']);
  });

  it('reads several query-API tables, and reports rows whose table has no column list once', async () => {
    const table = (name: string, rows: string) =>
      `{"name":"${name}","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"OperationName","type":"string"},` +
      `{"name":"LoggedByService","type":"string"},{"name":"Result","type":"string"}],"rows":${rows}}`;
    const input =
      `{"tables":[${table('PrimaryResult', '[["2024-05-01T10:20:06Z","Reset password (self-service)","Self-service Password Management","success"]]')},` +
      `{"name":"Broken","rows":[["a"],["b"]],"columns":[]},` +
      `${table('Second', '[["2024-05-01T10:21:06Z","Change password (self-service)","Self-service Password Management","failure"]]')}]}`;
    const result = await readEntra(input);
    assert.deepEqual(
      audits(result).map((r) => [r.recordNo, r.activity, r.result]),
      [
        [1, 'Reset password (self-service)', 'success'],
        [4, 'Change password (self-service)', 'failure'],
      ],
    );
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0]!.record, 2);
    assert.equal(result.errors[0]!.offset, input.indexOf('["a"]'));
    assert.match(result.errors[0]!.message, /^the table's column list is missing/);
    assert.deepEqual(result.summary, {
      format: 'entra-audits',
      variant: 'log-analytics-query-api',
      records: 2,
      skipped: 2,
    });
  });
});
