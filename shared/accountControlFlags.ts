// The user-account-control flags a 4720 records, in words. Windows writes them twice: NewUacValue, a hex
// bit mask, and UserAccountControl, message codes %%2080 … %%2094 where %%(2080 + n) is bit n. Shared:
// the analytics name them in a finding's details, and the finding's detail view decodes codes it meets.
const FLAG_NAMES: readonly string[] = [
  'account disabled',
  'home directory required',
  'password not required',
  'temporary duplicate account',
  'normal account',
  'MNS logon account',
  'interdomain trust account',
  'workstation trust account',
  'server trust account',
  'password never expires',
  'account auto-locked',
  'encrypted text password allowed',
  'smartcard required',
  'trusted for delegation',
  'not delegated',
  'use DES key only',
  'pre-authentication not required',
  'password expired',
  'trusted to authenticate for delegation',
];

/** Flag names from the bit mask, else from the message codes; empty when the event carries neither. */
export function accountControlFlagNames(value: unknown, codes: unknown): string[] {
  const bits =
    typeof value === 'string' && /^0x[0-9a-f]+$/i.test(value.trim()) ? Number.parseInt(value, 16) : NaN;
  if (!Number.isNaN(bits)) return FLAG_NAMES.filter((_, i) => (bits & (1 << i)) !== 0);
  return accountControlCodeNames(codes);
}

/** The flags named by `%%2080`-style message codes in a text (`%%2082 %%2084`); empty when there are none. */
export function accountControlCodeNames(codes: unknown): string[] {
  const found = typeof codes === 'string' ? [...codes.matchAll(/%%(20[89]\d)/g)] : [];
  return found.map((m) => FLAG_NAMES[Number(m[1]) - 2080]).filter((n): n is string => n !== undefined);
}
