// One allowlist: value and reason rows. The reason is required in spirit: it is shown on every finding the
// entry lowers, so a reviewer can see why the analyst trusted it.
import type { Allowlist, AllowlistEntry } from '../../../../shared/report';
import './settings.css';

export const ALLOWLIST_KINDS: Array<keyof Allowlist> = [
  'accounts',
  'tools',
  'sourceIps',
  'hosts',
  'properties',
];

const TITLES: Record<keyof Allowlist, { title: string; example: string }> = {
  accounts: { title: 'Accounts', example: 'CORP\\svc-provisioning' },
  tools: { title: 'Tools (image names)', example: 'inventory-agent.exe' },
  sourceIps: { title: 'Source IPs', example: '10.0.9.15' },
  hosts: { title: 'Hosts', example: 'DC01' },
  properties: { title: 'Properties', example: 'created-during-setup' },
};

interface AllowlistEditorProps {
  kind: keyof Allowlist;
  entries: AllowlistEntry[];
  onChange: (entries: AllowlistEntry[]) => void;
}

export function AllowlistEditor({ kind, entries, onChange }: AllowlistEditorProps) {
  const { title, example } = TITLES[kind];
  const update = (i: number, patch: Partial<AllowlistEntry>) =>
    onChange(entries.map((e, j) => (j === i ? { ...e, ...patch } : e)));

  return (
    <div className="allowlist" data-testid={`allowlist-${kind}`}>
      <h3>
        {title} <span className="muted small">({entries.length})</span>
      </h3>
      {entries.length === 0 && (
        <p className="muted small">Empty. Add an entry for anything known to be legitimate.</p>
      )}
      {entries.map((entry, i) => (
        <div key={i} className="allow-row">
          <input
            type="text"
            value={entry.value}
            placeholder={example}
            onChange={(e) => update(i, { value: e.target.value })}
            aria-label={`${title} value`}
            data-testid={`allowlist-${kind}-value`}
          />
          <input
            type="text"
            value={entry.reason}
            placeholder="why it is trusted (shown on findings)"
            onChange={(e) => update(i, { reason: e.target.value })}
            aria-label={`${title} reason`}
            data-testid={`allowlist-${kind}-reason`}
          />
          <button
            type="button"
            className="btn small"
            onClick={() => onChange(entries.filter((_, j) => j !== i))}
            aria-label="Remove entry"
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn small"
        onClick={() => onChange([...entries, { value: '', reason: '' }])}
        data-testid={`allowlist-${kind}-add`}
      >
        + Add
      </button>
    </div>
  );
}
