// One account's story, in the order a responder tells it: what it is, which process chain made or found it,
// from which session, what happened to it next, and which findings say so.
import { useApp } from '../../app/AppContext';
import { useApiQuery } from '../../app/useApiQuery';
import { ErrorNote } from '../../common/ErrorNote';
import { PivotLink } from '../../common/PivotLink';
import { EventGrid } from '../../common/grid/EventGrid';
import { SeverityBadge } from '../../common/SeverityBadge';
import { formatTime } from '../../format/formatTime';
import { KindBadges } from './AccountList';
import { LineageTree } from './LineageTree';
import { SessionCard } from './SessionCard';
import { FollowUpTimeline } from './FollowUpTimeline';
import { StoryEventsTable } from './StoryEventsTable';
import { StoryFindings } from './StoryFindings';
import './accounts.css';

export function AccountStoryView({ accountKey }: { accountKey: string }) {
  const { timeZone } = useApp();
  const story = useApiQuery(`story:${accountKey}`, (api) => api.accountStory({ key: accountKey }));

  if (story.error) return <ErrorNote message={story.error} />;
  const s = story.data;
  if (!s || s.key !== accountKey) return <p className="muted">Loading the story…</p>;

  return (
    <article className="story" data-testid="account-story" data-account-key={s.key}>
      <header className="detail-head">
        <div className="row">
          <h2 className="story-name" data-testid="story-name">
            {s.display}
          </h2>
          <SeverityBadge severity={s.severity} />
          <KindBadges kinds={s.kinds} />
        </div>
        <div className="muted">
          {s.hosts.join(', ') || 'no host'} · {formatTime(s.first, timeZone)}
          {s.last !== s.first && <> → {formatTime(s.last, timeZone)}</>}
        </div>
        <div className="small">
          <PivotLink kind="user" value={s.display}>
            Everything the case holds about {s.display} →
          </PivotLink>
          {s.session?.user && s.session.user !== s.display && (
            <>
              {' '}
              · by{' '}
              <PivotLink kind="user" value={s.session.user}>
                {s.session.user} (its whole story) →
              </PivotLink>
            </>
          )}
        </div>
      </header>
      <section className="panel">
        <h3>Session and source</h3>
        <SessionCard session={s.session} />
      </section>
      <section className="panel">
        <h3>Process chain</h3>
        <LineageTree lineage={s.lineage} />
      </section>
      <section className="panel">
        <h3>What happened next</h3>
        <FollowUpTimeline events={s.events} />
        <StoryEventsTable events={s.events} />
      </section>
      <EventGrid
        scope={{ kind: 'account', key: s.key }}
        title="Every event naming this account"
        columns={['time', 'host', 'event_id', 'category', 'summary', 'user', 'target']}
        rowTestId="account-event-row"
        testId="account-events"
        height={420}
        emptyText="No event in the case names this account as actor or target."
      />
      <section className="panel">
        <h3>Findings in this story ({s.findings.length})</h3>
        <StoryFindings findings={s.findings} />
      </section>
    </article>
  );
}
