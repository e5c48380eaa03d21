// The six hosts of the sample case as simulations, each with its own random stream so that a change
// to one host's activity leaves the others' bytes alone.
import { SeededRandom } from '../random.js';
import { MICROS_PER_DAY } from '../timeFormat.js';
import { HostSim } from '../windows/hostSim.js';
import { CHANNEL_POWERSHELL, CHANNEL_SECURITY, CHANNEL_SYSMON, CHANNEL_SYSTEM } from '../windows/winEvent.js';
import { DOMAIN, HOSTS, WEEK_START } from './company.js';
import type { HostPlan } from './company.js';
import { TIMELINE } from './timeline.js';

export interface SampleHosts {
  dc01: HostSim;
  fs01: HostSim;
  prov: HostSim;
  adm01: HostSim;
  ws01: HostSim;
  ws02: HostSim;
}

function makeHost(
  seed: string,
  plan: HostPlan,
  bootDaysBefore: number,
  firstIds: Record<string, number>,
  silentPeriods: Array<readonly [number, number]> = [],
): HostSim {
  return new HostSim(
    {
      name: plan.name,
      dnsDomain: DOMAIN.dns,
      netbiosDomain: DOMAIN.netbios,
      ip: plan.ip,
      processAuditing: plan.processAuditing,
      sysmon: plan.sysmon,
      bootTime: WEEK_START - bootDaysBefore * MICROS_PER_DAY - 4_321_000_000,
      firstRecordIds: firstIds,
      silentPeriods,
    },
    new SeededRandom(`${seed}/host/${plan.name}`),
  );
}

export function createSampleHosts(seed: string): SampleHosts {
  return {
    dc01: makeHost(seed, HOSTS.DC01, 21, { [CHANNEL_SECURITY]: 3_482_117 }),
    fs01: makeHost(seed, HOSTS.FS01, 13, { [CHANNEL_SECURITY]: 912_554 }),
    prov: makeHost(seed, HOSTS.PROV, 9, { [CHANNEL_SECURITY]: 204_391, [CHANNEL_POWERSHELL]: 18_220 }),
    adm01: makeHost(seed, HOSTS.ADM01, 4, { [CHANNEL_SECURITY]: 77_310, [CHANNEL_SYSMON]: 120_448 }),
    ws01: makeHost(seed, HOSTS.WS01, 2, { [CHANNEL_SECURITY]: 148_806, [CHANNEL_SYSMON]: 392_177 }, [
      TIMELINE.ws01Gap,
    ]),
    ws02: makeHost(seed, HOSTS.WS02, 6, { [CHANNEL_SECURITY]: 61_934, [CHANNEL_SYSTEM]: 9_812 }),
  };
}
