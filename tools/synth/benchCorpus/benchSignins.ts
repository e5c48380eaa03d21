// Writes the benchmark corpus's Entra sign-ins: an hour at a time, ordinary sign-ins for the user base
// plus the occasional username enumeration burst from one address, as one Graph JSON array and one
// diagnostic-settings JSON-lines file. Nothing larger than one hour of records is held in memory.
import { join } from 'node:path';
import { playEnumerationBurst } from '../entra/reconPlays.js';
import type { ProbedName } from '../entra/reconPlays.js';
import { LOCATIONS, makeSignin, managedDevice } from '../entra/signinFactory.js';
import type { SigninRecord } from '../entra/signinRecord.js';
import { diagnosticSignin, graphSignin } from '../entra/signinShapes.js';
import { JsonRecordWriter } from '../entra/jsonWriters.js';
import { SeededRandom } from '../random.js';
import { openFileSink } from '../textSink.js';
import { isWeekend, MICROS_PER_HOUR } from '../timeFormat.js';
import type { DomainUser } from '../windows/directoryActivity.js';
import type { BenchFileResult } from './benchWindows.js';

const TENANT = { domain: 'contoso.example', id: '0d6f4b21-3c7e-4a58-9e1f-6b2a8c4d7e90' };
const APPS = ['windowsSignIn', 'officeHome', 'teams', 'office', 'oneDrive'] as const;

function ordinarySignin(rng: SeededRandom, t: number, u: DomainUser, userId: string): SigninRecord {
  const app = rng.pick(APPS);
  const interactive = app === 'windowsSignIn' || app === 'officeHome' || rng.chance(0.2);
  const code = rng.weighted<number>([
    [0, 950],
    [50126, 8],
    [50140, 15],
    [50076, 12],
    [70044, 15],
  ]);
  const office = rng.chance(0.7);
  return makeSignin(rng, {
    time: t,
    upn: `${u.account.name}@${TENANT.domain}`,
    displayName: u.account.name,
    userId,
    ip: office ? '192.0.2.10' : `198.51.100.${100 + (userId.charCodeAt(0) % 100)}`,
    app,
    resource: app === 'teams' ? 'teamsService' : app === 'oneDrive' ? 'sharePoint' : 'exchange',
    errorCode: code,
    interactive,
    device: managedDevice(userId, u.lanHost),
    location: office ? LOCATIONS.amsterdam : LOCATIONS.utrecht,
  });
}

function enumerationBurst(rng: SeededRandom, t: number, users: DomainUser[]): SigninRecord[] {
  const names: ProbedName[] = [];
  const size = rng.int(20, 160);
  for (let i = 0; i < size; i++) {
    const real = rng.chance(0.3);
    const u = rng.pick(users);
    names.push(
      real
        ? {
            upn: `${u.account.name}@${TENANT.domain}`,
            displayName: u.account.name,
            userId: rng.guid(),
            errorCode: 50126,
          }
        : {
            upn: `guess${i}.${rng.hex(3)}@${TENANT.domain}`,
            displayName: null,
            userId: '',
            errorCode: 50034,
          },
    );
  }
  return playEnumerationBurst(rng, {
    ip: `203.0.113.${rng.int(1, 99)}`,
    start: t,
    pace: 12,
    names,
    app: 'aadPowerShell',
    resource: 'aadGraph',
    location: LOCATIONS.bucharest,
    retryShare: 0.1,
  });
}

/** Writes `count` sign-ins: 80% to a Graph array, 20% as diagnostic-settings lines. */
export function writeBenchSignins(
  dir: string,
  count: number,
  seed: string,
  start: number,
  users: DomainUser[],
): BenchFileResult[] {
  const rng = new SeededRandom(`${seed}/signins`);
  const userIds = users.map(() => rng.guid());
  const graphSink = openFileSink(join(dir, 'entra-signins-graph.json'), 'utf8', false);
  const linesSink = openFileSink(join(dir, 'entra-signins-diagnostic.jsonl'), 'utf8', false);
  const graph = new JsonRecordWriter(graphSink, { kind: 'array' });
  const lines = new JsonRecordWriter(linesSink, { kind: 'lines' });
  let written = 0;
  let graphCount = 0;
  for (let hour = start; written < count; hour += MICROS_PER_HOUR) {
    const hourOfDay = new Date(hour / 1000).getUTCHours();
    const busy = !isWeekend(hour) && hourOfDay >= 6 && hourOfDay < 19;
    const n = Math.round(users.length * (busy ? 0.9 : 0.08));
    const batch: SigninRecord[] = [];
    for (let i = 0; i < n; i++) {
      const k = rng.int(0, users.length - 1);
      batch.push(ordinarySignin(rng, hour + rng.int(0, 3_599_999_999), users[k]!, userIds[k]!));
    }
    if (rng.chance(0.02)) batch.push(...enumerationBurst(rng, hour + rng.int(0, 600) * 1e6, users));
    batch.sort((a, b) => a.createdDateTime - b.createdDateTime);
    for (const r of batch) {
      if (written >= count) break;
      // Every fifth record goes to the diagnostic-settings lines, in its own shape.
      if (written % 5 === 4) lines.write(diagnosticSignin(r, TENANT.id));
      else {
        graph.write(graphSignin(r));
        graphCount++;
      }
      written++;
    }
  }
  graph.finish();
  lines.finish();
  graphSink.close();
  linesSink.close();
  return [
    { name: 'entra-signins-graph.json', events: graphCount, bytes: graphSink.bytesWritten },
    { name: 'entra-signins-diagnostic.jsonl', events: written - graphCount, bytes: linesSink.bytesWritten },
  ];
}
