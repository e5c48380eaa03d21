// Sign-ins: Entra ID failures grouped by source IP, to spot username enumeration and password spraying.
import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { EmptyState } from '../../common/EmptyState';
import { ErrorNote } from '../../common/ErrorNote';
import { SigninSourceTable } from './SigninSourceTable';
import { SigninSourceDetailView } from './SigninSourceDetailView';
import './signins.css';

export function SigninsScreen() {
  const { focus, navigate } = useApp();
  const sources = useApiQuery('signin-sources', (api) => api.signinSources({}));
  const [selected, setSelected] = useState<string | undefined>(focus.ip);
  const rows = useMemo(() => sources.data ?? [], [sources.data]);

  // A source chosen here, or given by the address (Back, Forward, a pivot).
  useEffect(() => {
    if (focus.ip) setSelected(focus.ip);
  }, [focus.ip]);

  useEffect(() => {
    if (!selected && rows.length > 0) setSelected(rows[0]!.ip);
  }, [selected, rows]);

  return (
    <div className="screen-signins">
      <div className="screen-title">
        <h1>Sign-ins by source IP</h1>
        <p className="muted">
          Failed Entra ID sign-ins per source address. Many distinct usernames from one address, mostly “user
          does not exist” (50034), is username enumeration.
        </p>
      </div>
      {sources.error && <ErrorNote message={sources.error} />}
      {sources.data && rows.length === 0 && (
        <EmptyState
          title="No Entra ID sign-ins in this case"
          action={{ label: 'Go to Import', screen: 'import' }}
        >
          Import sign-in logs (Graph API JSON, a Log Analytics SigninLogs export, or diagnostic-settings
          output) to see failures per source IP.
        </EmptyState>
      )}
      {rows.length > 0 && (
        <div className="signins-layout">
          <SigninSourceTable
            sources={rows}
            selected={selected}
            onSelect={(ip) => navigate('signins', { ip })}
          />
          {selected && <SigninSourceDetailView ip={selected} />}
        </div>
      )}
    </div>
  );
}
