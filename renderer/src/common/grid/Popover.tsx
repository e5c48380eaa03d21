// A small panel under a button (a column's filter, the column chooser): Escape or a click outside closes
// it and gives focus back to the button that opened it.
import { useEffect, useRef, type ReactNode } from 'react';

interface PopoverProps {
  label: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  align?: 'left' | 'right';
  /** Pixels from the grid's left edge (under a column's heading). */
  left?: number;
}

export function Popover({ label, onClose, children, testId, align = 'left', left }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      onClose();
      opener?.focus();
    };
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('mousedown', onDown);
    const first = ref.current?.querySelector<HTMLElement>('input, select, button');
    first?.focus();
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('mousedown', onDown);
    };
  }, [onClose]);
  return (
    <div
      ref={ref}
      className={`egrid-popover egrid-popover-${align}`}
      role="dialog"
      aria-label={label}
      data-testid={testId}
      style={left !== undefined ? { left } : undefined}
    >
      {children}
    </div>
  );
}
