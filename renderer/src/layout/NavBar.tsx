// The left navigation: every screen of shared/screens.ts, in its order. Each entry carries the count that
// tells the user whether it is worth opening.
import { SCREENS, type ScreenId } from '../../../shared/screens';
import { useApp } from '../app/AppContext';
import { formatCount } from '../format/formatNumbers';
import './NavBar.css';

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
        {SCREENS.map((entry) => {
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
