// How the HTML report writes a time: in the case's display time zone, the way the screens do
// (shared/displayTime.ts), so a client reads the same clock the responder worked in.
import { formatMs, isValidTimeZone, parseTime } from '../../../shared/displayTime.js';

export interface ReportClock {
  /** The zone the report's times are in (UTC when the case's zone is not one the runtime knows). */
  zone: string;
  /** `2026-03-14 10:12:03 CET`. */
  full(iso: string): string;
  /** `2026-03-14 10:12:03`, for tables whose heading names the zone. */
  short(iso: string): string;
}

export function reportClock(timeZone: string): ReportClock {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const as = (iso: string, withZone: boolean): string => {
    const ms = parseTime(iso);
    return Number.isNaN(ms) ? iso : formatMs(ms, zone, withZone);
  };
  return { zone, full: (iso) => as(iso, true), short: (iso) => as(iso, false) };
}

/** The clock of a report written before the time zone was set: UTC. */
export const UTC_CLOCK: ReportClock = reportClock('UTC');
