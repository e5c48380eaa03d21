// A panel of events the engine serves a page at a time: a heading with the pager (and the screen's own
// actions), then the page's events in an EventTable. A new query starts again at its first page; while a
// page loads the old one stays, dimmed, and the heading says so.
import { useEffect, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../../shared/api';
import { useApiQuery } from '../app/useApiQuery';
import { ErrorNote } from './ErrorNote';
import { EventTable, type EventColumn } from './EventTable';
import { Pager } from './Pager';

export interface EventPage<Row> {
  total: number;
  rows: Row[];
}

interface PagedEventTableProps<Row> {
  /** Names the query, not the page: when it changes the table goes back to the first page. */
  queryKey: string;
  load: (api: ApiClient, page: { offset: number; limit: number }) => Promise<EventPage<Row>>;
  title: ReactNode;
  /** Buttons beside the pager (Close). */
  actions?: ReactNode;
  /** Said when a page has no events. */
  emptyText: ReactNode;
  columns: readonly EventColumn<Row>[];
  rowKey: (row: Row, index: number) => string;
  rowTestId: string;
  testId: string;
  /** data-* attributes on the panel, naming what it shows (tests wait on them). */
  dataAttributes?: Record<`data-${string}`, string>;
  pageSize?: number;
}

export function PagedEventTable<Row>({
  queryKey,
  load,
  title,
  actions,
  emptyText,
  columns,
  rowKey,
  rowTestId,
  testId,
  dataAttributes,
  pageSize = 50,
}: PagedEventTableProps<Row>) {
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [queryKey]);
  const events = useApiQuery(`${queryKey}:${offset}`, (api) => load(api, { offset, limit: pageSize }));
  const pager = events.data && (
    <Pager offset={offset} limit={pageSize} total={events.data.total} onChange={setOffset} />
  );

  return (
    <section
      className={events.loading ? 'panel loading' : 'panel'}
      data-testid={testId}
      aria-busy={events.loading}
      {...dataAttributes}
    >
      <div className="panel-head">
        <h2>
          {title}
          {events.loading && <span className="muted small"> · loading…</span>}
        </h2>
        {actions ? (
          <div className="row">
            {pager}
            {actions}
          </div>
        ) : (
          pager
        )}
      </div>
      {events.error && <ErrorNote message={events.error} />}
      {events.data && events.data.rows.length === 0 && <p className="muted">{emptyText}</p>}
      {events.data && events.data.rows.length > 0 && (
        <EventTable rows={events.data.rows} columns={columns} rowKey={rowKey} rowTestId={rowTestId} />
      )}
    </section>
  );
}
