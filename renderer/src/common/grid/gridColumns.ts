// How the grid draws its columns: each one's label and starting width, and a cell's value as text. The
// column list itself is the contract's (shared/eventGrid.ts), so the engine and the page agree on it.
import {
  DATA_COLUMN_PREFIX,
  GRID_COLUMNS,
  gridColumnSpec,
  type GridColumnSpec,
  type GridRef,
  type GridScopeKind,
  type GridValue,
} from '../../../../shared/eventGrid';
import { eventLabel } from '../../format/eventLabel';
import { formatTime } from '../../format/formatTime';

const WIDTHS: Record<string, number> = {
  time: 200,
  host: 170,
  channel: 150,
  provider: 220,
  event_id: 90,
  category: 120,
  role: 150,
  tags: 160,
  note: 260,
  summary: 520,
  user: 170,
  target: 170,
  logon_type: 96,
  ip: 130,
  workstation: 130,
  process: 260,
  command_line: 420,
  parent_process: 240,
  pid: 80,
  parent_pid: 96,
  logon_id: 110,
  target_logon_id: 130,
  status: 110,
  sub_status: 110,
  member: 200,
  object_type: 130,
  object_name: 240,
  caller_process: 240,
  logon_process: 130,
  auth_package: 130,
  script: 420,
  user_sid: 250,
  target_sid: 250,
  app: 180,
  record_id: 90,
  source: 200,
};

export const MIN_WIDTH = 48;

export function columnWidth(id: string): number {
  return WIDTHS[id] ?? (id.startsWith(DATA_COLUMN_PREFIX) ? 180 : 150);
}

export function columnSpec(id: string): GridColumnSpec {
  return gridColumnSpec(id) ?? { id, label: id, kind: 'text' };
}

export function columnLabel(id: string): string {
  return columnSpec(id).label;
}

/**
 * The columns a grid shows when its screen names none: the standard ones, and the scope's own (a finding's
 * or a pivot page's roles, a bookmark's tags and note).
 */
export function standardColumns(scope: GridScopeKind): string[] {
  return GRID_COLUMNS.filter((c) => c.standard || c.scopes?.includes(scope)).map((c) => c.id);
}

/** Columns that rows can be grouped by: any but the exact time and the summary. */
export function groupable(id: string): boolean {
  const spec = columnSpec(id);
  return spec.kind !== 'time' && !spec.derived;
}

/** A cell as text: times in the display zone, an Entra row's event id in words, no value as a dash. */
export function cellText(id: string, value: GridValue, ref: GridRef, timeZone: string): string {
  if (id === 'time') return formatTime(typeof value === 'string' ? value : null, timeZone);
  if (id === 'event_id') return eventLabel(ref.table, typeof value === 'number' ? value : null);
  return value === null ? '—' : String(value);
}

/** A value in a filter's list or a group's heading. */
export function valueText(value: GridValue): string {
  return value === null ? '(no value)' : String(value);
}
