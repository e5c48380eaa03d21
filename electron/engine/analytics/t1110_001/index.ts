// Password guessing (ATT&CK T1110.001): many failures against one account from one source in a short
// window — Windows 4625 (wrong password, locked out), 4771 0x18, 4776 0xC000006A; Entra ID 50126 — High
// when a success for that account from the same source follows, or an answer says the password was right.
import type { AnalyticModule } from '../module.js';
import { explainGuessing, guessingTitle } from './explain.js';
import { PARAMS } from './params.js';
import { guessingEvents } from './story.js';
import { guessingSteps } from './triage.js';

export const t1110_001: AnalyticModule = {
  id: 'T1110_001',
  name: 'Password guessing',
  reads: ['windows', 'entra'],
  folder: new URL('.', import.meta.url),
  params: PARAMS,
  commonParams: [],
  // Its SQL lowers a finding whose guessed account is allowlisted (a service with a stale password).
  allowlistsNamedAccounts: 'the guessed account',
  title: guessingTitle,
  explain: explainGuessing,
  triage: guessingSteps,
  // Guessing comes from outside the account's sessions; a success that follows is told by its own logon.
  story: { chainRank: 4, tellsSession: false, events: guessingEvents },
};
