// The timeline's category of a Windows event: what the volume chart stacks and the grid's value list of
// categories offers (service/eventCategories.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaseBuilder } from '../../support/caseBuilder.js';
import { WIN_CATEGORY_SQL } from '../../../electron/engine/service/eventCategories.js';

test('each Windows event falls in the category of what it records', async () => {
  const b = await CaseBuilder.create();
  try {
    const at = '2024-03-01T08:00:00Z';
    await b.add('ws01.xml', {
      win: [
        { eventId: 4688, host: 'WS01', ts: at },
        { eventId: 4624, host: 'WS01', ts: at },
        { eventId: 4648, host: 'WS01', ts: at },
        { eventId: 4625, host: 'WS01', ts: at },
        { eventId: 4776, host: 'WS01', ts: at, status: '0xC000006A' },
        { eventId: 4776, host: 'WS01', ts: at, status: '0x0' },
        { eventId: 4720, host: 'WS01', ts: at },
        { eventId: 4732, host: 'WS01', ts: at },
        { eventId: 4799, host: 'WS01', ts: at },
        { eventId: 7045, host: 'WS01', ts: at },
      ],
    });
    const rows = await b.rows(
      `SELECT event_id, ${WIN_CATEGORY_SQL} AS category FROM win_events ORDER BY record_no`,
    );
    assert.deepEqual(
      rows.map((r) => `${String(r['event_id'])} ${String(r['category'])}`),
      [
        '4688 process',
        '4624 logon',
        '4648 logon',
        '4625 logon-failure',
        '4776 logon-failure',
        '4776 other',
        '4720 account',
        '4732 group',
        '4799 enumeration',
        '7045 other',
      ],
    );
  } finally {
    b.close();
  }
});
