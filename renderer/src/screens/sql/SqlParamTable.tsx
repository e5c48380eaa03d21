// The parameters an analytic's SQL binds, with their values for this run (starting from the saved settings).
import type { ParamSpec } from '../../../../shared/api';
import { ParamInput } from '../../common/ParamInput';
import { valueToText } from '../../common/ValueText';

interface SqlParamTableProps {
  specs: ParamSpec[];
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
}

export function SqlParamTable({ specs, values, onChange }: SqlParamTableProps) {
  return (
    <section className="panel sql-params" data-testid="sql-params">
      <h2>Parameters</h2>
      {specs.length === 0 ? (
        <p className="muted">This analytic takes no parameters.</p>
      ) : (
        <table className="kv params">
          <tbody>
            {specs.map((spec) => (
              <tr key={spec.name}>
                <th>
                  <div className="mono">${spec.name}</div>
                  <div className="muted small">{spec.description}</div>
                  <div className="muted small">default: {valueToText(spec.default)}</div>
                </th>
                <td>
                  <ParamInput
                    spec={spec}
                    value={values[spec.name]}
                    onChange={(v) => onChange({ ...values, [spec.name]: v })}
                    testId={`sql-param-${spec.name}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">Changes here apply to this run only; Settings saves them for the analytics.</p>
    </section>
  );
}
