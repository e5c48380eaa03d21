// Builds the whole sample case in memory: a week of noise on every host and in Entra ID, the stories on
// top, and the files they are exported to. Same seed, same bytes.
import { SeededRandom } from '../random.js';
import { MICROS_PER_DAY, MICROS_PER_HOUR } from '../timeFormat.js';
import { domainAccount, kerberosProbe, rdpBackdoor, ws02Cleanup } from './attackStories.js';
import {
  adminBrowsesLocalUsers,
  copierBurst,
  explorerListsLocalUsers,
  inventoryRun,
} from './benignStories.js';
import { WEEK_START } from './company.js';
import { renderEntraFiles } from './entraFiles.js';
import { entraAuditNoise } from './entraAuditNoise.js';
import { entraSigninNoise } from './entraNoise.js';
import { entraStories } from './entraStories.js';
import type { EntraStoryFacts } from './entraStories.js';
import { healthCheckScript, provisioningRun } from './provisioningStory.js';
import type { ProvisioningFacts } from './provisioningStory.js';
import type { SampleFile } from './sampleFile.js';
import { createSampleHosts } from './sampleHosts.js';
import { TIMELINE } from './timeline.js';
import { renderWindowsFiles } from './windowsFiles.js';
import { simulateWindowsNoise } from './windowsNoise.js';

export const SAMPLE_SEED = 'accountscope-sample-2026';

export interface SampleFacts {
  kerberos: ReturnType<typeof kerberosProbe>;
  backdoor: ReturnType<typeof rdpBackdoor>;
  /** When jdoe's net user /domain reached DC01 (the 4661s). */
  samQueryTime: number;
  domainAccount: ReturnType<typeof domainAccount>;
  ws02: ReturnType<typeof ws02Cleanup>;
  provisioning: ProvisioningFacts;
  inventoryLogonIds: number[];
  copierNames: string[];
  explorer4798Time: number;
  mmcBrowseTime: number;
  entra: EntraStoryFacts;
}

export interface SampleCase {
  files: SampleFile[];
  facts: SampleFacts;
}

function requireDesktop<T>(map: Map<number, T>, day: number): T {
  const d = map.get(day);
  if (!d) throw new Error(`no desktop on day ${day}`);
  return d;
}

export function buildSampleCase(seed = SAMPLE_SEED): SampleCase {
  const hosts = createSampleHosts(seed);
  const noise = simulateWindowsNoise(hosts, TIMELINE.ws02SecurityCleared);

  const explorer4798Time = explorerListsLocalUsers(hosts.ws01, requireDesktop(noise.ws01Desktops, 0));
  const mmcBrowseTime = adminBrowsesLocalUsers(hosts.adm01, requireDesktop(noise.adminDesktops, 1));
  const inventoryLogonIds = TIMELINE.inventoryRuns.map((t) => inventoryRun(hosts.fs01, t).logonId);
  const copier = copierBurst(hosts.fs01);
  const provisioning = provisioningRun(hosts.prov);
  for (let d = 0; d < 7; d++)
    healthCheckScript(hosts.prov, WEEK_START + d * MICROS_PER_DAY + 2 * MICROS_PER_HOUR + 17_000_000);

  const kerberos = kerberosProbe(hosts);
  let samQueryTime = 0;
  const backdoor = rdpBackdoor(hosts, (t) => (samQueryTime = t));
  const created = domainAccount(hosts, requireDesktop(noise.adminDesktops, 3));
  const ws02 = ws02Cleanup(hosts);

  const rng = new SeededRandom(`${seed}/entra`);
  const stories = entraStories(rng.fork('stories'));
  const signins = [...entraSigninNoise(rng.fork('signins')), ...stories.signins];
  const audits = [...entraAuditNoise(rng.fork('audits')), ...stories.audits];

  const files = [
    ...renderWindowsFiles(hosts, TIMELINE.ws02SecurityCleared),
    ...renderEntraFiles(signins, audits),
  ];
  return {
    files,
    facts: {
      kerberos,
      backdoor,
      samQueryTime,
      domainAccount: created,
      ws02,
      provisioning,
      inventoryLogonIds,
      copierNames: copier.names,
      explorer4798Time,
      mmcBrowseTime,
      entra: stories.facts,
    },
  };
}
