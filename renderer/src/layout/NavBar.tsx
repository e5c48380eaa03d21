// The left navigation. Each entry carries the count that tells the user whether it is worth opening.
import type { ScreenId } from '../app/AppContext';
import { useApp } from '../app/AppContext';
import { formatCount } from '../format/formatNumbers';

interface NavEntry {
  id: ScreenId;
  label: string;
  hint: string;
}

const ENTRIES: NavEntry[] = [
  { id: 'import', label: 'Import', hint: 'Add log files to the case' },
  { id: 'findings', label: 'Findings', hint: 'What the analytics found' },
  { id: 'accounts', label: 'Accounts', hint: 'One story per account' },
  { id: 'timeline', label: 'Timeline', hint: 'Event volume and markers' },
  { id: 'signins', label: 'Sign-ins', hint: 'Entra ID sources by IP' },
  { id: 'sql', label: 'SQL', hint: 'The analytics as SQL' },
  { id: 'coverage', label: 'Coverage', hint: 'Telemetry, gaps and blind spots' },
  { id: 'settings', label: 'Settings', hint: 'Thresholds, allowlists, time zone' },
];

export function NavBar() {
  const { screen, navigate, caseInfo } = useApp();
  const countFor = (id: ScreenId): number | null => {
    if (!caseInfo) return null;
    if (id === 'findings') return caseInfo.counts.findings;
    if (id === 'signins') return caseInfo.counts.signins;
    return null;
  };

  return (
    <nav className="nav" aria-label="Screens">
      <ul>
        {ENTRIES.map((entry) => {
          const count = countFor(entry.id);
          return (
            <li key={entry.id}>
              <button
                type="button"
                className={entry.id === screen ? 'nav-item active' : 'nav-item'}
                aria-current={entry.id === screen ? 'page' : undefined}
                onClick={() => navigate(entry.id)}
                data-testid={`nav-${entry.id}`}
                title={entry.hint}
              >
                <span className="nav-label">{entry.label}</span>
                {count != null && <span className="nav-count">{formatCount(count)}</span>}
                <span className="nav-hint">{entry.hint}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
