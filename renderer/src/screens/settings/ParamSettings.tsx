// Every analytic parameter grouped by analytic, each with its description, its default, and a reset.
import type { ParamSpec } from '../../../../shared/api';
import { ParamInput } from '../../common/ParamInput';
import { ShortValue } from '../../common/ValueText';
import { useAnalytics } from '../../app/AppContext';
import './settings.css';

interface ParamSettingsProps {
  specs: ParamSpec[];
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
}

/** Specs for saved parameters the engine did not describe, so no setting is ever invisible. */
function undeclaredSpecs(specs: ParamSpec[], values: Record<string, unknown>): ParamSpec[] {
  const known = new Set(specs.map((s) => s.name));
  return Object.entries(values)
    .filter(([name]) => !known.has(name))
    .map(([name, value]) => ({
      name,
      analytic: 'common' as const,
      type: Array.isArray(value)
        ? 'string[]'
        : typeof value === 'number'
          ? 'number'
          : typeof value === 'boolean'
            ? 'boolean'
            : 'string',
      default: value,
      description: 'Saved in the case; not described by this version of the analytics.',
    }));
}

function groupByAnalytic(specs: ParamSpec[]): Array<[string, ParamSpec[]]> {
  const groups = new Map<string, ParamSpec[]>();
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.name)) continue; // a common parameter is declared by every analytic that uses it
    seen.add(spec.name);
    const list = groups.get(spec.analytic) ?? [];
    list.push(spec);
    groups.set(spec.analytic, list);
  }
  return [...groups.entries()].sort(([a], [b]) =>
    a === 'common' ? -1 : b === 'common' ? 1 : a.localeCompare(b),
  );
}

export function ParamSettings({ specs, values, onChange }: ParamSettingsProps) {
  const analytics = useAnalytics();
  const groups = groupByAnalytic([...specs, ...undeclaredSpecs(specs, values)]);
  return (
    <section className="panel" data-testid="settings-params">
      <h2>Analytic parameters</h2>
      {groups.length === 0 && <p className="muted">The engine describes no parameters.</p>}
      {groups.map(([analytic, list]) => (
        <div key={analytic} className="param-group">
          <h3>
            {analytic === 'common'
              ? 'Read by several analytics'
              : `${analytic} · ${analytics.name(analytic)}`}
          </h3>
          <table className="kv params">
            <tbody>
              {list.map((spec) => {
                const value = spec.name in values ? values[spec.name] : spec.default;
                const changed = JSON.stringify(value) !== JSON.stringify(spec.default);
                return (
                  <tr key={spec.name} className={changed ? 'changed' : undefined}>
                    <th>
                      <div className="mono">{spec.name}</div>
                      <div className="muted small">{spec.description}</div>
                    </th>
                    <td>
                      <ParamInput
                        spec={spec}
                        value={value}
                        onChange={(v) => onChange({ ...values, [spec.name]: v })}
                      />
                    </td>
                    <td className="param-default">
                      <div className="muted small">default</div>
                      <div className="small">
                        <ShortValue value={spec.default} max={60} />
                      </div>
                      {changed && (
                        <button
                          type="button"
                          className="btn small"
                          onClick={() => onChange({ ...values, [spec.name]: spec.default })}
                        >
                          Reset
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
