// The window's remembered size and place: restored when its title bar would be on a screen that exists,
// the default size otherwise; a damaged state file is no state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  initialBounds,
  readWindowState,
  writeWindowState,
} from '../../../electron/main/windowState.js';
import { tempDir } from '../../support/paths.js';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

test('saved bounds come back on a screen that still exists', () => {
  const bounds = { x: 2100, y: 80, width: 1600, height: 1000 };
  assert.deepEqual(initialBounds({ bounds, maximized: false }, [laptop, rightMonitor]), bounds);
});

test('a window saved on a monitor that is gone opens at the default size', () => {
  const bounds = { x: 2100, y: 80, width: 1600, height: 1000 };
  assert.deepEqual(initialBounds({ bounds, maximized: false }, [laptop]), { ...DEFAULT_SIZE });
  // Title bar above the top of every screen: unreachable with the mouse.
  assert.deepEqual(
    initialBounds({ bounds: { x: 100, y: -500, width: 1200, height: 800 }, maximized: false }, [laptop]),
    {
      ...DEFAULT_SIZE,
    },
  );
  // Only a sliver of the title bar on the screen's edge.
  assert.deepEqual(
    initialBounds({ bounds: { x: 1900, y: 10, width: 1200, height: 800 }, maximized: false }, [laptop]),
    {
      ...DEFAULT_SIZE,
    },
  );
  assert.deepEqual(initialBounds({ maximized: false }, [laptop]), { ...DEFAULT_SIZE });
});

test('restored bounds are at least the minimum size and no bigger than their screen', () => {
  assert.deepEqual(
    initialBounds({ bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false }, [laptop]),
    {
      x: 10,
      y: 10,
      ...MIN_SIZE,
    },
  );
  assert.deepEqual(
    initialBounds({ bounds: { x: 10, y: 10, width: 5000, height: 3000 }, maximized: false }, [laptop]),
    {
      x: 10,
      y: 10,
      width: laptop.width,
      height: laptop.height,
    },
  );
});

test('the state file round-trips, and a damaged one is no state', (t) => {
  const { dir, cleanup } = tempDir('accountscope-window-');
  t.after(cleanup);
  const file = join(dir, 'window-state.json');
  assert.deepEqual(readWindowState(file), { maximized: false });
  writeWindowState(file, { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true });
  assert.deepEqual(readWindowState(file), {
    bounds: { x: 1, y: 2, width: 1000, height: 700 },
    maximized: true,
  });
  writeFileSync(file, '{"bounds": {"x": "1e309", "y": 0, "width": 10, "height": 10}, "maximized": "yes"}');
  assert.deepEqual(readWindowState(file), { maximized: false });
  writeFileSync(file, 'garbage');
  assert.deepEqual(readWindowState(file), { maximized: false });
});
