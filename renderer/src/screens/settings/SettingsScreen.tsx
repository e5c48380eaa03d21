// Settings: every analytic parameter, the allowlists, the display time zone and the profile. Saving stores
// them in the case and re-runs the analytics, so findings always match what is shown here.
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/api';
import type { Allowlist } from '../../../../shared/report';
import { useApp } from '../../app/AppContext';
import { useCaseJobs } from '../../app/CaseJobs';
import { useApiQuery } from '../../app/useApiQuery';
import { errorText } from '../../format/errorText';
import { ErrorNote } from '../../common/ErrorNote';
import { isValidTimeZone } from '../../format/formatTime';
import { ParamSettings } from './ParamSettings';
import { paramProblem } from '../../common/ParamInput';
import { AllowlistEditor, ALLOWLIST_KINDS } from './AllowlistEditor';
import { DisplaySettings } from './DisplaySettings';
import { TagSetEditor } from './TagSetEditor';
import './settings.css';

export function SettingsScreen() {
  const { api, setTimeZone } = useApp();
  const { runAnalytics, analysis } = useCaseJobs();
  const loaded = useApiQuery('settings', async (client) => {
    const [settings, specs] = await Promise.all([client.getSettings({}), client.paramSpecs({})]);
    return { settings, specs };
  });
  const [draft, setDraft] = useState<Settings>();
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();

  useEffect(() => {
    if (loaded.data) setDraft(structuredClone(loaded.data.settings));
  }, [loaded.data]);

  if (loaded.error) return <ErrorNote message={loaded.error} />;
  if (!draft || !loaded.data) return <p className="muted">Loading settings…</p>;

  const dirty = JSON.stringify(draft) !== JSON.stringify(loaded.data.settings);
  const zoneOk = isValidTimeZone(draft.timeZone);
  // The engine refuses these too (setSettings); saying so here keeps the user from a failed save.
  const badParams = loaded.data.specs.filter(
    (spec) => spec.name in draft.params && paramProblem(spec, draft.params[spec.name]) !== null,
  );
  const setAllowlist = (kind: keyof Allowlist, entries: Allowlist[keyof Allowlist]) =>
    setDraft({ ...draft, allowlist: { ...draft.allowlist, [kind]: entries } });

  const save = async () => {
    setSaving(true);
    setStatus(undefined);
    try {
      const saved = await api.setSettings(draft);
      setDraft(structuredClone(saved));
      setTimeZone(saved.timeZone);
      setStatus({ ok: true, text: 'Saved. Re-running the analytics with these settings…' });
      await runAnalytics();
      loaded.reload();
    } catch (e) {
      setStatus({ ok: false, text: `Not saved: ${errorText(e)}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="screen-settings">
      <div className="screen-title row sticky-head">
        <h1>Settings</h1>
        <button
          type="button"
          className="btn primary"
          disabled={!dirty || saving || !zoneOk || badParams.length > 0}
          onClick={() => void save()}
          data-testid="settings-save"
        >
          {saving ? 'Saving…' : 'Save and re-run analytics'}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!dirty || saving}
          onClick={() => setDraft(structuredClone(loaded.data!.settings))}
        >
          Discard changes
        </button>
        {dirty && <span className="warn-text">Unsaved changes</span>}
        {badParams.length > 0 && (
          <span className="error-text" data-testid="settings-invalid">
            Fix {badParams.length === 1 ? badParams[0]!.name : `${badParams.length} values`} to save
          </span>
        )}
        {status && (
          <span className={status.ok ? 'ok' : 'error-text'} role="status" data-testid="settings-status">
            {status.ok && analysis.state === 'done'
              ? `Saved; analytics re-ran: ${analysis.findings} findings.`
              : status.text}
          </span>
        )}
      </div>
      <DisplaySettings draft={draft} onChange={setDraft} />
      <ParamSettings
        specs={loaded.data.specs}
        values={draft.params}
        onChange={(params) => setDraft({ ...draft, params })}
      />
      <section className="panel">
        <h2>Allowlists</h2>
        <p className="muted">
          Known-good accounts, tools, source IPs and hosts (pen-test ranges, provisioning scripts, inventory
          tools), and properties that make a finding routine (<code>created-during-setup</code>: an account
          Windows setup created). A match lowers a finding’s severity and says why; it never hides it.
        </p>
        <div className="allowlists">
          {ALLOWLIST_KINDS.map((kind) => (
            <AllowlistEditor
              key={kind}
              kind={kind}
              entries={draft.allowlist[kind] ?? []}
              onChange={(e) => setAllowlist(kind, e)}
            />
          ))}
        </div>
      </section>
      <TagSetEditor />
    </div>
  );
}
