// Conversions from event text to typed column values. Each returns `undefined` when the text is present
// but does not convert, so the caller can keep the original in `data` rather than lose it; null means
// "no value" (empty, or the '-' Windows writes for "not applicable").

const HEX = /^0[xX]([0-9a-fA-F]+)$/;
const DECIMAL = /^[0-9]+$/;

function isAbsent(text: string): boolean {
  return text === '' || text === '-';
}

/** Process ids and logon ids: `0x3e7` (Security events) or `4` (Sysmon), any width or case. */
export function toBigIntId(text: string): bigint | null | undefined {
  const t = text.trim();
  if (isAbsent(t)) return null;
  const hex = t.length > 2 && t.charCodeAt(0) === 0x30 && (t.charCodeAt(1) | 0x20) === 0x78;
  // Summed as a double while it stays exact (13 hex or 15 decimal digits): BigInt's own parser is slow.
  let value = 0;
  let significant = 0;
  for (let i = hex ? 2 : 0; i < t.length; i++) {
    const digit = hex ? hexDigit(t.charCodeAt(i)) : decimalDigit(t.charCodeAt(i));
    if (digit < 0) return undefined;
    if (significant > 0 || digit > 0) significant++;
    value = value * (hex ? 16 : 10) + digit;
  }
  if (significant <= (hex ? 13 : 15)) return BigInt(value);
  return BigInt(hex ? `0x${t.slice(2)}` : t);
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

function decimalDigit(c: number): number {
  return c >= 0x30 && c <= 0x39 ? c - 0x30 : -1;
}

/** Small decimal numbers: event id, version, level, task, logon type, port. */
export function toSmallInt(text: string): number | null | undefined {
  const t = text.trim();
  if (isAbsent(t)) return null;
  if (!DECIMAL.test(t) || t.length > 10) return undefined;
  const n = Number(t);
  return n <= 0x7fffffff ? n : undefined;
}

/**
 * NTSTATUS and Kerberos codes, canonical so that the same code compares equal from every exporter:
 * lower case, `0x` prefix, no leading zeros (`0xC000006D` -> `0xc000006d`, `0x00000006` -> `0x6`).
 */
export function toCanonicalHex(text: string): string | null | undefined {
  // Most codes (and every one an .evtx value gives) are canonical already.
  if (isCanonicalHex(text)) return text;
  const t = text.trim();
  if (isAbsent(t)) return null;
  const m = HEX.exec(t);
  if (m === null) return undefined;
  const digits = m[1]!.replace(/^0+(?=.)/, '').toLowerCase();
  return `0x${digits}`;
}

/** `0x` and lower-case hex digits without a leading zero (or just `0x0`). */
function isCanonicalHex(t: string): boolean {
  if (t.length < 3 || t.charCodeAt(0) !== 0x30 || t.charCodeAt(1) !== 0x78) return false;
  if (t.charCodeAt(2) === 0x30 && t.length > 3) return false;
  for (let i = 2; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/** Text columns: the value as written, except that an empty element means no value. */
export function toText(text: string): string | null {
  return text === '' ? null : text;
}

/** IpAddress and friends: '-' means none; an IPv4-mapped IPv6 address is the IPv4 address. */
export function toIp(text: string): string | null {
  const t = text.trim();
  if (isAbsent(t)) return null;
  return /^::ffff:/i.test(t) && t.includes('.') ? t.slice(7) : t;
}

/** Sysmon's `User` ("NT AUTHORITY\SYSTEM") as [domain, name]; a name without a domain has none. */
export function splitDomainUser(text: string): [string | null, string | null] {
  if (isAbsent(text)) return [null, null];
  const slash = text.indexOf('\\');
  if (slash < 0) return [null, text];
  return [toText(text.slice(0, slash)), toText(text.slice(slash + 1))];
}

/** Sysmon GUIDs differ in case between versions; lower case makes them joinable. */
export function toGuid(text: string): string | null {
  const t = text.trim();
  return isAbsent(t) ? null : t.toLowerCase();
}
