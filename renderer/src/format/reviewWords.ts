// A finding's review status in words, the same on every screen.
import type { FindingStatus } from '../../../shared/report';

export const STATUS_LABELS: Record<FindingStatus, string> = {
  new: 'New',
  reviewed: 'Reviewed',
  'false-positive': 'False positive',
  confirmed: 'Confirmed',
};
