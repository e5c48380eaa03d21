// The parameters an analytic's SQL binds, with their values for this run (starting from the saved settings).
// One block per parameter, the input full width: values can be long lists of regular expressions.
import type { ParamSpec } from '../../../../shared/api';
import { ParamInput } from '../../common/ParamInput';
import { ShortValue } from '../../common/ValueText';
import './sql.css';

interface SqlParamTableProps {
  specs: ParamSpec[];
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
}

export function SqlParamTable({ specs, values, onChange }: SqlParamTableProps) {
  return (
    <section className="panel sql-params" data-testid="sql-params">
      <h2>Parameters ({specs.length})</h2>
      <p className="muted small">
        Changes here apply to this run only; Settings saves them for the analytics.
      </p>
      {specs.length === 0 ? (
        <p className="muted">This analytic takes no parameters.</p>
      ) : (
        <ul className="param-list">
          {specs.map((spec) => (
            <li key={spec.name}>
              <div className="mono strong">${spec.name}</div>
              <div className="muted small">{spec.description}</div>
              <ParamInput
                spec={spec}
                value={values[spec.name]}
                onChange={(v) => onChange({ ...values, [spec.name]: v })}
                testId={`sql-param-${spec.name}`}
              />
              <div className="muted small">
                default: <ShortValue value={spec.default} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
