// Shows an analytic's parameter or detail value as text: lists joined, objects as indented JSON.
import './ValueText.css';
export function valueToText(value: unknown): string {
  if (value == null) return '—';
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}

/** A value for a narrow place: the first `max` characters, with the whole text available on hover. */
export function ShortValue({ value, max = 90 }: { value: unknown; max?: number }) {
  const text = valueToText(value);
  const count = Array.isArray(value) ? `${value.length} items: ` : '';
  if (text.length + count.length <= max) return <span className="value-text">{text}</span>;
  return (
    <span className="value-text" title={text}>
      {count}
      {text.slice(0, max - count.length)}…
    </span>
  );
}

export function ValueText({ value }: { value: unknown }) {
  const text = valueToText(value);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (
    <pre className="value-json">{text}</pre>
  ) : (
    <span className="value-text">{text}</span>
  );
}

export function KeyValueTable({ values, testId }: { values: Record<string, unknown>; testId?: string }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return <p className="muted">None recorded.</p>;
  return (
    <table className="kv" data-testid={testId}>
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key}>
            <th className="mono">{key}</th>
            <td>
              <ValueText value={value} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
