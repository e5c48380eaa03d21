// Display time zone and analytic profile. Times are stored in UTC; the zone only changes how they read.
import type { Settings } from '../../../../shared/api';
import { isValidTimeZone, formatMs } from '../../format/formatTime';
import './settings.css';

// Offered as suggestions; any IANA name the browser knows is accepted.
const ZONES: string[] = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];

export function DisplaySettings({ draft, onChange }: { draft: Settings; onChange: (s: Settings) => void }) {
  const valid = isValidTimeZone(draft.timeZone);
  return (
    <section className="panel display-settings">
      <h2>Display and profile</h2>
      <div className="settings-grid">
        <label className="field">
          <span>Display time zone</span>
          <input
            type="text"
            list="time-zones"
            value={draft.timeZone}
            onChange={(e) => onChange({ ...draft, timeZone: e.target.value })}
            className={valid ? undefined : 'invalid'}
            aria-invalid={!valid}
            data-testid="settings-timezone"
          />
          <datalist id="time-zones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <span className={valid ? 'muted small' : 'error-text small'}>
            {valid
              ? `Now reads as ${formatMs(Date.now(), draft.timeZone)}. Every time on every screen uses this zone.`
              : 'Not a time zone name. Use an IANA name such as UTC, Europe/Berlin or America/New_York.'}
          </span>
        </label>
        <fieldset className="field">
          <legend>Profile</legend>
          <label className="check">
            <input
              type="radio"
              name="profile"
              checked={draft.profile === 'default'}
              onChange={() => onChange({ ...draft, profile: 'default' })}
              data-testid="profile-default"
            />
            default — the detections as specified, including 50126 and the extra Kerberos/NTLM codes
          </label>
          <label className="check">
            <input
              type="radio"
              name="profile"
              checked={draft.profile === 'seed'}
              onChange={() => onChange({ ...draft, profile: 'seed' })}
              data-testid="profile-seed"
            />
            seed — reproduces the published seed queries exactly (for comparison and teaching)
          </label>
        </fieldset>
      </div>
    </section>
  );
}
