// Graph signIn objects (entra-formats.md section 1): a saved bare array (Extractor Suite), a Graph
// page with @odata keys around "value", and JSON lines (SOF-ELK mode, Goose).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRawFromFile, fixture, readEntra, signins, utc } from './entraTestSupport.js';

describe('readEntraJson: Graph sign-ins', () => {
  it('reads a pretty-printed bare array, every field from its Graph source', async () => {
    const file = fixture('graph-signins-array.json');
    const result = await readEntra(file);
    assert.deepEqual(result.summary, { format: 'entra-signins', variant: 'graph', records: 3, skipped: 0 });
    assert.deepEqual(result.errors, []);
    const [alice, bob, nobody] = signins(result);
    const { raw, ...aliceFields } = alice!;
    assert.deepEqual(aliceFields, {
      recordNo: 1,
      ts: utc(2024, 5, 1, 10, 15, 30, 123456),
      id: '7c3e9a52-1f7e-4d2b-9c55-0a8e4f6b3e01',
      userPrincipalName: 'alice@contoso.com',
      userDisplayName: 'Alice Smith',
      userId: '2c1b6f0e-5d7a-4c33-8a41-9f0d2e6b7a10',
      appDisplayName: 'Azure Portal',
      appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
      resourceDisplayName: 'Windows Azure Service Management API',
      ip: '203.0.113.10',
      clientAppUsed: 'Browser',
      userAgent: null,
      errorCode: 50126,
      failureReason: 'Error validating credentials due to invalid username or password.',
      isInteractive: true,
      signinKind: 'interactive',
      country: 'US',
      city: 'Redmond',
      correlationId: '4f1d2c3b-6a5e-4b7c-8d9e-0f1a2b3c4d5e',
      conditionalAccessStatus: 'notApplied',
    });
    assertRawFromFile(raw, file);
    assert.ok(raw.startsWith('{\n    "id": "7c3e9a52') && raw.endsWith('\n  }'), 'raw keeps the file layout');

    assert.equal(bob!.ts, utc(2024, 5, 1, 10, 16, 2));
    assert.equal(bob!.userDisplayName, 'Bob "Bobby" Jones');
    assert.equal(bob!.ip, '2001:db8::7');
    assert.equal(bob!.errorCode, 0);
    assert.equal(bob!.failureReason, null);
    assert.equal(bob!.country, 'GB');
    assert.equal(bob!.city, null);
    assert.equal(bob!.userAgent?.startsWith('Mozilla/5.0 (Windows NT 10.0'), true);
    assert.equal(bob!.signinKind, 'interactive');
    assertRawFromFile(bob!.raw, file);

    assert.equal(nobody!.ts, utc(2024, 5, 1, 10, 17, 45, 500000));
    assert.equal(nobody!.userPrincipalName, 'nobody@contoso.com');
    assert.equal(nobody!.userDisplayName, null);
    assert.equal(nobody!.userId, null, 'an empty string is no value');
    assert.equal(nobody!.errorCode, 50034);
    assert.equal(nobody!.isInteractive, false);
    assert.equal(nobody!.signinKind, 'noninteractive');
    assert.equal(nobody!.country, 'NL');
    assert.equal(nobody!.city, 'Amsterdam');
  });

  it('reads a Graph page: records inside "value", @odata keys before and after it ignored', async () => {
    const file = fixture('graph-signins-page.json');
    const result = await readEntra(file);
    assert.deepEqual(result.summary, { format: 'entra-signins', variant: 'graph', records: 2, skipped: 0 });
    assert.deepEqual(result.errors, []);
    const rows = signins(result);
    assert.deepEqual(
      rows.map((r) => [r.recordNo, r.id, r.userPrincipalName, r.ip, r.errorCode, r.ts]),
      [
        [1, 'a1', 'alice@contoso.com', '203.0.113.10', 50126, utc(2024, 5, 1, 10, 15, 30, 123456)],
        [2, 'a2', 'carol@contoso.com', '203.0.113.10', 50053, utc(2024, 5, 1, 10, 15, 28)],
      ],
    );
    assert.equal(rows[1]!.failureReason?.startsWith('Account is locked'), true);
    assert.equal(rows[1]!.country, 'US');
    for (const r of rows) assertRawFromFile(r.raw, file);
    assert.ok(!rows[0]!.raw.includes('@odata'));
  });

  it('reads an array of saved Graph pages as the records of every page', async () => {
    const page = fixture('graph-signins-page.json').toString('utf8').trim();
    const result = await readEntra(`[${page},\n${page.replace(/"a1"/, '"b1"').replace(/"a2"/, '"b2"')}]`);
    assert.deepEqual(
      signins(result).map((r) => [r.recordNo, r.id]),
      [
        [1, 'a1'],
        [2, 'a2'],
        [3, 'b1'],
        [4, 'b2'],
      ],
    );
    assert.deepEqual(result.errors, []);
  });

  it('reads JSON lines of Graph objects with CRLF line ends', async () => {
    const file = fixture('graph-signins.jsonl');
    const result = await readEntra(file);
    assert.deepEqual(result.summary, {
      format: 'entra-signins',
      variant: 'json-lines',
      records: 3,
      skipped: 0,
    });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      signins(result).map((r) => [
        r.userPrincipalName,
        r.errorCode,
        r.isInteractive,
        r.signinKind,
        r.city,
        r.ts,
      ]),
      [
        ['dave@contoso.com', 0, true, 'interactive', 'Paris', utc(2024, 5, 1, 11, 0, 0)],
        ['erin@contoso.com', 50057, true, 'interactive', 'Paris', utc(2024, 5, 1, 11, 0, 5, 0)],
        ['frank@contoso.com', 50076, false, 'noninteractive', 'Paris', utc(2024, 5, 1, 11, 0, 9, 999000)],
      ],
    );
    const lines = file.toString('utf8').split('\r\n');
    assert.deepEqual(
      signins(result).map((r) => r.raw),
      lines.slice(0, 3),
    );
  });

  it('reads a file that is one Graph object', async () => {
    const result = await readEntra(
      ' \n{"createdDateTime":"2024-05-01T10:15:30Z","userPrincipalName":"alice@contoso.com","status":{"errorCode":0}}\n',
    );
    assert.equal(result.summary.records, 1);
    assert.equal(signins(result)[0]!.errorCode, 0);
  });
});
