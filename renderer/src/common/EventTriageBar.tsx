// A responder's tags, note and bookmark on one event, in the raw viewer: the event is named the way the
// viewer names it (table, file SHA-256, record), and every change is saved in the case at once (the note
// on "Save note").
import { useEffect, useState } from 'react';
import type { EventTriageChange } from '../../../shared/api';
import type { EventRef, EventTriage } from '../../../shared/report';
import { useApp } from '../app/AppContext';
import { useApiQuery } from '../app/useApiQuery';
import { errorText } from '../format/errorText';
import { ErrorNote } from './ErrorNote';
import { TagPicker } from './TagPicker';
import { useTriageTags } from './useTriageTags';
import './triage.css';

export function EventTriageBar({ eventRef }: { eventRef: EventRef }) {
  const { api, triageChanged } = useApp();
  const offered = useTriageTags();
  const key = `event-triage:${eventRef.table}:${eventRef.source}:${eventRef.recordNo}`;
  const loaded = useApiQuery(key, (client) => client.eventTriage({ refs: [eventRef] }));
  const [triage, setTriage] = useState<Pick<EventTriage, 'tags' | 'note' | 'bookmarked'>>({
    tags: [],
    note: '',
    bookmarked: false,
  });
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const found = loaded.data?.[0] ?? { tags: [], note: '', bookmarked: false };
    setTriage(found);
    setNote(found.note);
  }, [loaded.data]);

  const save = async (change: Omit<EventTriageChange, 'ref'>) => {
    setSaving(true);
    setError(undefined);
    try {
      const saved = await api.setEventTriage({ ref: eventRef, ...change });
      setTriage(saved);
      if (change.note !== undefined) setNote(saved.note);
      triageChanged();
    } catch (e) {
      setError(`Not saved: ${errorText(e)}`);
    } finally {
      setSaving(false);
    }
  };

  if (loaded.error) return <ErrorNote message={loaded.error} />;
  const busy = saving || loaded.loading;
  return (
    <section
      className="event-triage"
      aria-label="Triage of this event"
      data-testid="event-triage"
      data-saving={busy}
    >
      <div className="triage-row">
        <button
          type="button"
          className={triage.bookmarked ? 'bookmark-toggle on' : 'bookmark-toggle'}
          aria-pressed={triage.bookmarked}
          disabled={busy}
          onClick={() => void save({ bookmarked: !triage.bookmarked })}
          data-testid="event-bookmark"
        >
          {triage.bookmarked ? '★ Bookmarked' : '☆ Bookmark'}
        </button>
        <TagPicker
          tags={triage.tags}
          offered={offered}
          disabled={busy}
          onChange={(tags) => void save({ tags })}
          testId="event-tags"
        />
      </div>
      <div className="triage-row">
        <textarea
          className="triage-note"
          value={note}
          aria-label="Note on this event"
          placeholder="Note on this event"
          onChange={(e) => setNote(e.target.value)}
          data-testid="event-note"
        />
        <button
          type="button"
          className="btn small"
          disabled={busy || note === triage.note}
          onClick={() => void save({ note })}
          data-testid="event-note-save"
        >
          Save note
        </button>
      </div>
      {error && <ErrorNote message={error} />}
    </section>
  );
}
