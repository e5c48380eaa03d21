// A finding's `details` as fields a person reads (shared/detailFields.ts: flags decoded, follow-ups and other
// lists as lists, nested objects nested), with the JSON the analytic wrote behind a disclosure.
import type { DetailField } from '../../../../shared/detailFields';
import { detailFields } from '../../../../shared/detailFields';
import { useApp } from '../../app/AppContext';
import { formatTime } from '../../format/formatTime';
import './findings.css';

function Fields({ fields }: { fields: DetailField[] }) {
  return (
    <dl className="detail-fields">
      {fields.map((f) => (
        <div key={f.key} className="detail-field" data-testid="detail-field" data-key={f.key}>
          <dt>{f.label}</dt>
          <dd>
            {f.value.kind === 'text' && <span className="value-text">{f.value.text}</span>}
            {f.value.kind === 'list' && (
              <ul className="detail-list">
                {f.value.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            )}
            {f.value.kind === 'fields' && <Fields fields={f.value.fields} />}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function DetailFields({ details }: { details: Record<string, unknown> }) {
  const { timeZone } = useApp();
  const fields = detailFields(details, (iso) => formatTime(iso, timeZone));
  return (
    <>
      {fields.length > 0 ? <Fields fields={fields} /> : <p className="muted">None recorded.</p>}
      <details className="raw-json">
        <summary>As JSON</summary>
        <pre className="value-json" data-testid="details-json">
          {JSON.stringify(details, null, 2)}
        </pre>
      </details>
    </>
  );
}
