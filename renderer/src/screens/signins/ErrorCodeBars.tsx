// The mix of sign-in error codes from one source, as a small stacked bar (table cells) or as labelled
// bars with counts and meanings (detail pane).
import { entraCodeName } from '../../format/securityTerms';
import { formatCount } from '../../format/formatNumbers';
import './signins.css';

const CODE_COLORS: Record<string, string> = {
  '0': '#7bd88f',
  '50034': '#ff7a7a',
  '50126': '#f7d154',
  '50053': '#b392f0',
  '50057': '#a3b1c2',
  '50055': '#4fd1c5',
  '50072': '#5fb3f9',
  '50076': '#6c8cff',
};
const OTHER = ['#d4a373', '#e36bd3', '#8fb9a8'];

export function codeColor(code: string, index: number): string {
  return CODE_COLORS[code] ?? OTHER[index % OTHER.length]!;
}

function sortedCodes(codes: Record<string, number>): Array<[string, number]> {
  return Object.entries(codes).sort((a, b) => b[1] - a[1]);
}

export function ErrorCodeMiniBar({ codes }: { codes: Record<string, number> }) {
  const entries = sortedCodes(codes);
  const total = entries.reduce((n, [, c]) => n + c, 0);
  if (total === 0) return <span className="muted">—</span>;
  const text = entries.map(([code, n]) => `${code} ${entraCodeName(code)}: ${n}`).join('\n');
  return (
    <div className="mini-bar" title={text} aria-label={text}>
      {entries.map(([code, n], i) => (
        <span
          key={code}
          className="mini-seg"
          style={{ width: `${(n / total) * 100}%`, background: codeColor(code, i) }}
        />
      ))}
    </div>
  );
}

export function ErrorCodeMix({ codes }: { codes: Record<string, number> }) {
  const entries = sortedCodes(codes);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  if (entries.length === 0) return <p className="muted">No error codes recorded.</p>;
  return (
    <ul className="code-mix" data-testid="error-code-mix">
      {entries.map(([code, n], i) => (
        <li key={code}>
          <span className="mono code-id">{code}</span>
          <span className="code-name">{entraCodeName(code)}</span>
          <span className="code-track">
            <span
              className="code-fill"
              style={{ width: `${(n / max) * 100}%`, background: codeColor(code, i) }}
            />
          </span>
          <span className="num">{formatCount(n)}</span>
        </li>
      ))}
    </ul>
  );
}
