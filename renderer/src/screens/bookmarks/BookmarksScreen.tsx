// Bookmarks: what the responder marked as part of the story. The bookmarked findings (status, tags, note;
// each opens on Findings), then the bookmarked events in the event grid, with their tags and note, to
// filter, sort and export exactly them (CSV or JSON lines). Both are read again whenever a bookmark, a tag
// or a note changes (in the raw viewer over this screen, too).
import type { GridScope } from '../../../../shared/eventGrid';
import { useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { EmptyState } from '../../common/EmptyState';
import { ErrorNote } from '../../common/ErrorNote';
import { EventGrid } from '../../common/grid/EventGrid';
import { formatCount } from '../../format/formatNumbers';
import { BookmarkedFindings } from './BookmarkedFindings';
import './bookmarks.css';

const SCOPE: GridScope = { kind: 'bookmarks' };
// What happened, and what the responder made of it, side by side in the width of the screen; the category
// and every other column are in the column chooser.
const COLUMNS = ['time', 'host', 'event_id', 'summary', 'note', 'tags'];
const WIDTHS = { time: 200, host: 130, event_id: 80, summary: 340, note: 210, tags: 120 };
/** More bookmarked findings than this are listed up to this many (the Findings screen filters them all). */
const MOST_FINDINGS = 500;

const HOW_FINDING = (
  <>
    A finding: open it on <strong>Findings</strong> and press <strong>☆ Bookmark</strong> in its review.
  </>
);
const HOW_EVENT = (
  <>
    An event: open it raw from any list of events (its <strong>Raw</strong> button, or Enter on its row) and
    press <strong>☆ Bookmark</strong> in the viewer. Tags and a note go with it.
  </>
);

export function BookmarksScreen() {
  const { triageVersion } = useApp();
  const findings = useApiQuery(`bookmarked-findings:${triageVersion}`, (api) =>
    api.listFindings({ bookmarked: true, sort: 'severity', desc: true, limit: MOST_FINDINGS }),
  );
  // How many events are bookmarked, to tell an empty screen from an empty list.
  const events = useApiQuery(`bookmarked-events:${triageVersion}`, (api) =>
    api.eventGrid({ scope: SCOPE, columns: ['time'], offset: 0, limit: 1 }),
  );
  const error = findings.error ?? events.error;
  const f = findings.data;
  const eventCount = events.data?.total;
  const nothing = f?.total === 0 && eventCount === 0;

  return (
    <div className="screen-bookmarks" data-testid="bookmarks">
      <div className="screen-title row">
        <h1>Bookmarks</h1>
        {f && eventCount !== undefined && !nothing && (
          <span className="muted" data-testid="bookmarks-counts">
            {formatCount(f.total)} {f.total === 1 ? 'finding' : 'findings'} · {formatCount(eventCount)}{' '}
            {eventCount === 1 ? 'event' : 'events'}
          </span>
        )}
      </div>
      {error && <ErrorNote message={error} />}
      {nothing && (
        <EmptyState
          title="Nothing is bookmarked yet"
          action={{ label: 'Go to Findings', screen: 'findings' }}
          testId="bookmarks-empty"
        >
          <p>
            Bookmark the findings and events that tell the story of the incident, and they are gathered here,
            to read together and to export the events as CSV or JSON lines.
          </p>
          <p>
            {HOW_FINDING} {HOW_EVENT}
          </p>
        </EmptyState>
      )}
      {f && !nothing && (
        <section className="panel" aria-labelledby="bookmarked-findings-head">
          <h2 id="bookmarked-findings-head">Findings</h2>
          {f.total === 0 ? (
            <p className="muted" data-testid="bookmarked-findings-none">
              No finding is bookmarked: open one on Findings and press ☆ Bookmark in its review.
            </p>
          ) : (
            <>
              <BookmarkedFindings rows={f.rows} />
              {f.total > f.rows.length && (
                <p className="muted small">
                  The first {formatCount(f.rows.length)} of {formatCount(f.total)}, most severe first; the
                  Findings screen filters them all (Bookmarked).
                </p>
              )}
            </>
          )}
        </section>
      )}
      {eventCount !== undefined && !nothing && (
        <EventGrid
          scope={SCOPE}
          refresh={triageVersion}
          title="Events"
          columns={COLUMNS}
          widths={WIDTHS}
          rowTestId="bookmarked-event-row"
          testId="bookmarked-events"
          cellTestIds={{ note: 'bookmarked-event-note', tags: 'bookmarked-event-tags' }}
          height={520}
          emptyText={<>No event is bookmarked. {HOW_EVENT}</>}
        />
      )}
    </div>
  );
}
