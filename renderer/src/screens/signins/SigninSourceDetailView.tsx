// One source IP in detail: how its distinct usernames grew over time, its error-code mix, and every user it
// tried, with the ones that later signed in successfully called out (a guessed account that worked).
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useApp } from '../../app/AppContext';
import { PivotLink } from '../../common/PivotLink';
import { useApiQuery } from '../../app/useApiQuery';
import { ErrorNote } from '../../common/ErrorNote';
import { formatCount } from '../../format/formatNumbers';
import { formatAxisTime, formatMs, formatTime, parseTime } from '../../format/formatTime';
import { ErrorCodeMix } from './ErrorCodeBars';
import { SigninUserTable } from './SigninUserTable';
import './signins.css';

export function SigninSourceDetailView({ ip }: { ip: string }) {
  const { timeZone } = useApp();
  const detail = useApiQuery(`signin:${ip}`, (api) => api.signinSource({ ip }));
  if (detail.error) return <ErrorNote message={detail.error} />;
  const d = detail.data;
  if (!d || d.ip !== ip) return <p className="muted">Loading {ip}…</p>;

  const series = d.series.map((p) => ({ ...p, t: parseTime(p.t) }));
  const span = series.length > 1 ? series[series.length - 1]!.t - series[0]!.t : 3600_000;
  const succeeded = d.users.filter((u) => u.succeededLater).length;

  return (
    <section className="signin-detail" data-testid="signin-detail">
      <div className="panel">
        <div className="panel-head">
          <h2 className="mono">
            <PivotLink kind="ip" value={d.ip} />
          </h2>
          <span className="muted">
            {formatCount(d.failures)} failures · {formatCount(d.distinctUsers)} usernames ·{' '}
            {formatTime(d.first, timeZone)} → {formatTime(d.last, timeZone)}
          </span>
        </div>
        {d.allowlisted && (
          <p className="note">This address is on the source-IP allowlist: its findings are lowered.</p>
        )}
        {succeeded > 0 && (
          <p className="alert-line" data-testid="succeeded-later-note">
            {succeeded} of the tried usernames signed in successfully later — check those accounts first.
          </p>
        )}
        <h3>Distinct usernames over time</h3>
        {series.length === 0 ? (
          <p className="muted">No time series for this address.</p>
        ) : (
          <div data-testid="signin-chart">
            <ResponsiveContainer width="100%" height={220}>
              {/* Bars for usernames and a line for failures: the two are often equal (one try per name), and
                  two lines would hide one under the other. */}
              <ComposedChart
                data={series}
                margin={{ top: 8, right: 24, bottom: 4, left: 4 }}
                barCategoryGap={1}
              >
                <CartesianGrid stroke="#2c3440" vertical={false} />
                <XAxis
                  dataKey="t"
                  tickFormatter={(v: number) => formatAxisTime(v, timeZone, span)}
                  stroke="#9aa7b4"
                  minTickGap={40}
                />
                <YAxis stroke="#9aa7b4" allowDecimals={false} width={48} />
                <Tooltip
                  labelFormatter={(v) => formatMs(Number(v), timeZone)}
                  contentStyle={{ background: '#1b222c', border: '1px solid #3a4656', color: '#e6edf3' }}
                />
                <Legend wrapperStyle={{ color: '#c9d4df' }} />
                <Bar
                  dataKey="distinctUsers"
                  name="distinct usernames"
                  fill="#ff7a7a"
                  isAnimationActive={false}
                />
                <Line
                  type="linear"
                  dataKey="failures"
                  name="failures"
                  stroke="#5fb3f9"
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        )}
        <h3>Error codes</h3>
        <ErrorCodeMix codes={d.errorCodes} />
      </div>
      <div className="panel">
        <h3>Usernames tried ({d.users.length})</h3>
        <SigninUserTable users={d.users} />
      </div>
    </section>
  );
}
