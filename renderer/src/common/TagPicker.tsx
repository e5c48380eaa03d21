// Tags as toggles: every tag of the case's set, and any other tag the item already carries (a tag taken out
// of the set stays on what has it). Pressing one adds or removes it.
import './triage.css';

interface TagPickerProps {
  tags: readonly string[];
  /** The case's set; undefined while it is being read. */
  offered: readonly string[] | undefined;
  onChange: (tags: string[]) => void;
  disabled?: boolean;
  testId?: string;
}

export function TagPicker({ tags, offered: set, onChange, disabled, testId }: TagPickerProps) {
  const offered = set ?? [];
  const has = (t: string) => tags.some((x) => x.toLowerCase() === t.toLowerCase());
  const shown = [
    ...offered,
    ...tags.filter((t) => !offered.some((o) => o.toLowerCase() === t.toLowerCase())),
  ];
  return (
    <div className="tag-picker" role="group" aria-label="Tags" data-testid={testId}>
      {shown.map((tag) => (
        <button
          key={tag}
          type="button"
          className={has(tag) ? 'tag-toggle on' : 'tag-toggle'}
          aria-pressed={has(tag)}
          disabled={disabled}
          onClick={() =>
            onChange(has(tag) ? tags.filter((t) => t.toLowerCase() !== tag.toLowerCase()) : [...tags, tag])
          }
          data-testid="tag-toggle"
          data-tag={tag}
        >
          {tag}
        </button>
      ))}
      {set && shown.length === 0 && (
        <span className="muted small">No tags in this case’s set (Settings).</span>
      )}
    </div>
  );
}

/** Tags as read-only chips, for tables. */
export function TagChips({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <span className="tag-chips">
      {tags.map((t) => (
        <span key={t} className="tag-chip" data-testid="tag-chip">
          {t}
        </span>
      ))}
    </span>
  );
}
