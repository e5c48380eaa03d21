// A time in a narrow table column: the date over the clock time, both in the display zone.
import { useApp } from '../app/AppContext';
import { formatTime } from '../format/formatTime';
import './TimeCell.css';

export function TimeCell({ iso }: { iso: string | null | undefined }) {
  const { timeZone } = useApp();
  const text = formatTime(iso, timeZone);
  const space = text.indexOf(' ');
  if (space < 0) return <>{text}</>;
  return (
    <span className="time-cell" title={text}>
      <span>{text.slice(0, space)}</span>
      <span className="muted">{text.slice(space + 1)}</span>
    </span>
  );
}
