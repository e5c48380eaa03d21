// "Raw" next to an event: opens the stored record, or explains why this row has none.
import type { RawEvent } from '../../../shared/api';
import { useApp } from '../app/AppContext';

interface RawButtonProps {
  table?: RawEvent['table'];
  source?: string;
  recordNo?: number;
  label?: string;
}

export function RawButton({ table, source, recordNo, label = 'Raw' }: RawButtonProps) {
  const { openRawEvent } = useApp();
  if (!table || !source || recordNo == null) {
    return (
      <button
        type="button"
        className="btn small"
        disabled
        title="The engine gave no record reference for this event"
      >
        {label}
      </button>
    );
  }
  return (
    <button
      type="button"
      className="btn small"
      data-testid="open-raw"
      onClick={(e) => {
        e.stopPropagation();
        openRawEvent({ table, source, recordNo });
      }}
    >
      {label}
    </button>
  );
}
