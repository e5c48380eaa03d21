// What the "Event" column shows: the Windows event id, or for Entra rows (which have none) what they are.
import type { RawEvent } from '../../../shared/api';

export function eventLabel(table: RawEvent['table'] | undefined, eventId: number | null | undefined): string {
  if (eventId != null) return String(eventId);
  if (table === 'signins') return 'sign-in';
  if (table === 'audits') return 'audit';
  return '—';
}
