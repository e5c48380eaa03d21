// A finding's details as fields a person reads: labels in words, account-control flags decoded, follow-ups
// and lists as lists, nested objects nested, times in the display zone, empty values left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detailFields, detailLabel } from '../../../shared/detailFields.js';
import { formatTime } from '../../../shared/displayTime.js';

test('labels read as words, with the capitals an analyst expects', () => {
  assert.equal(detailLabel('sourceIp'), 'Source IP');
  assert.equal(detailLabel('logonIds'), 'Logon IDs');
  assert.equal(detailLabel('userAccountControl'), 'Account control flags (UAC)');
  assert.equal(detailLabel('followUps'), 'What happened next');
  assert.equal(detailLabel('notFoundCount'), 'Not found count');
  assert.equal(detailLabel('sidNames'), 'SID names');
});

test('UAC flags are decoded from the mask, or from %%20xx codes, and the logged value is kept', () => {
  const [mask] = detailFields({ userAccountControl: { value: '0x15', flags: '%%2080 %%2082 %%2084' } });
  assert.deepEqual(mask!.value, {
    kind: 'list',
    items: [
      'account disabled',
      'password not required',
      'normal account',
      'as logged: 0x15 · %%2080 %%2082 %%2084',
    ],
  });
  const [codes] = detailFields({ userAccountControl: { value: null, flags: '%%2089' } });
  assert.deepEqual(codes!.value, { kind: 'list', items: ['password never expires', 'as logged: %%2089'] });
  // Codes met anywhere else read in words too.
  const [loose] = detailFields({ newUacValue: '%%2080' });
  assert.deepEqual(loose!.value, { kind: 'text', text: 'account disabled (%%2080)' });
});

test('follow-ups are one line each, times in the display zone', () => {
  const time = (iso: string) => formatTime(iso, 'Europe/Berlin');
  const [f] = detailFields(
    {
      followUps: [
        {
          kind: 'group-add',
          eventId: 4732,
          time: '2026-03-11T13:49:58Z',
          host: 'WS01',
          group: 'Administrators',
          privileged: true,
          logonType: null,
          ip: null,
          by: 'CORP\\jdoe',
          deltaSeconds: 41.955,
        },
        {
          kind: 'logon',
          eventId: 4624,
          time: '2026-03-11T13:59:05Z',
          host: 'WS01',
          group: null,
          privileged: false,
          logonType: 10,
          ip: '10.0.4.9',
          deltaSeconds: 588,
        },
      ],
    },
    time,
  );
  assert.deepEqual(f!.value, {
    kind: 'list',
    items: [
      '2026-03-11 14:49:58 GMT+1 · group-add to Administrators (privileged) · event 4732 · on WS01 · by CORP\\jdoe · +41.955 s',
      '2026-03-11 14:59:05 GMT+1 · logon · event 4624 · logon type 10 · from 10.0.4.9 · on WS01 · +588 s',
    ],
  });
});

test('lists stay lists, objects nest, booleans read yes/no, and empty values are left out', () => {
  const fields = detailFields({
    signalKinds: ['process-start', 'user-lookup'],
    creator: { user: 'CORP\\jdoe', sid: null, logonId: '0x40c341' },
    domainWide: false,
    unusualLauncher: null,
    logonIds: [],
    link: { method: null },
    artifacts: [{ kind: 'redirect', path: 'C:\\Users\\Public\\u.txt', time: null }],
  });
  assert.deepEqual(
    fields.map((f) => [f.label, f.value]),
    [
      ['Signal kinds', { kind: 'list', items: ['process-start', 'user-lookup'] }],
      [
        'Creator',
        {
          kind: 'fields',
          fields: [
            { key: 'user', label: 'User', value: { kind: 'text', text: 'CORP\\jdoe' } },
            { key: 'logonId', label: 'Logon ID', value: { kind: 'text', text: '0x40c341' } },
          ],
        },
      ],
      ['Domain wide', { kind: 'text', text: 'no' }],
      ['Artifacts', { kind: 'list', items: ['kind redirect · path C:\\Users\\Public\\u.txt'] }],
    ],
  );
});
