// The user-account-control flags of a 4720 in words: the decoding is shared with the UI, which meets the
// same codes in a finding's details (shared/accountControlFlags.ts).
export { accountControlFlagNames } from '../../../shared/accountControlFlags.js';
