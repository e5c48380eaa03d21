// Rows that select on click also select from the keyboard (Tab to the row, Enter or Space), so a responder
// can walk a long table without the mouse.
import type { KeyboardEvent } from 'react';

export function selectableRow(onSelect: () => void) {
  return {
    tabIndex: 0,
    onClick: onSelect,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect();
      }
    },
  };
}
