// The responder's review of one finding: its status, a bookmark, tags from the case's set and a note, each
// saved in the case as soon as it is set (the note on "Save note"); and "Allowlist this…".
import { useState } from 'react';
import type { FindingReviewChange } from '../../../../shared/api';
import { FINDING_STATUSES, type Finding, type FindingReview } from '../../../../shared/report';
import { useApp } from '../../app/AppContext';
import { ErrorNote } from '../../common/ErrorNote';
import { TagPicker } from '../../common/TagPicker';
import { useTriageTags } from '../../common/useTriageTags';
import { errorText } from '../../format/errorText';
import { formatTime } from '../../format/formatTime';
import { STATUS_LABELS } from '../../format/reviewWords';
import '../../common/triage.css';

const BLANK: FindingReview = { status: 'new', tags: [], note: '', bookmarked: false, updatedAt: '' };

interface FindingReviewPanelProps {
  finding: Finding;
  /** After a change is saved: the table beside it shows statuses and tags too. */
  onSaved?: () => void;
  onAllowlist: () => void;
}

export function FindingReviewPanel({ finding, onSaved, onAllowlist }: FindingReviewPanelProps) {
  const { api, timeZone, triageChanged } = useApp();
  const offered = useTriageTags();
  const [review, setReview] = useState<FindingReview>(finding.review ?? BLANK);
  const [note, setNote] = useState(review.note);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const save = async (change: Omit<FindingReviewChange, 'id'>) => {
    setSaving(true);
    setError(undefined);
    try {
      const saved = await api.setFindingReview({ id: finding.id, ...change });
      setReview(saved);
      if (change.note !== undefined) setNote(saved.note);
      onSaved?.();
      triageChanged();
    } catch (e) {
      setError(`Not saved: ${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="review-panel" data-testid="finding-review" data-saving={saving} aria-label="Review">
      <div className="status-choice" role="group" aria-label="Review status">
        {FINDING_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            aria-pressed={review.status === status}
            disabled={saving}
            onClick={() => review.status !== status && void save({ status })}
            data-testid={`review-status-${status}`}
          >
            {STATUS_LABELS[status]}
          </button>
        ))}
      </div>
      <div className="triage-row">
        <button
          type="button"
          className={review.bookmarked ? 'bookmark-toggle on' : 'bookmark-toggle'}
          aria-pressed={review.bookmarked}
          disabled={saving}
          onClick={() => void save({ bookmarked: !review.bookmarked })}
          data-testid="review-bookmark"
        >
          {review.bookmarked ? '★ Bookmarked' : '☆ Bookmark'}
        </button>
        <button type="button" className="btn small" onClick={onAllowlist} data-testid="allowlist-this">
          Allowlist this…
        </button>
      </div>
      {review.statusAt && (
        <p className="muted small" data-testid="review-status-set">
          {STATUS_LABELS[review.status]} since {formatTime(review.statusAt, timeZone)}
          {review.statusBy && <> by {review.statusBy}</>}
        </p>
      )}
      <TagPicker
        tags={review.tags}
        offered={offered}
        disabled={saving}
        onChange={(tags) => void save({ tags })}
        testId="review-tags"
      />
      <textarea
        className="triage-note"
        value={note}
        aria-label="Note"
        placeholder="Note: what you checked, who you asked, what is left"
        onChange={(e) => setNote(e.target.value)}
        data-testid="review-note"
      />
      <div className="triage-row">
        <button
          type="button"
          className="btn small"
          disabled={saving || note === review.note}
          onClick={() => void save({ note })}
          data-testid="review-note-save"
        >
          Save note
        </button>
        {saving ? (
          <span className="muted small">Saving…</span>
        ) : (
          note !== review.note && <span className="warn-text small">Unsaved note</span>
        )}
      </div>
      {error && <ErrorNote message={error} />}
    </section>
  );
}
