import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WINDOW_STATE, loadWindowState, placeOnScreen, saveWindowState } from './window-state.js';

describe('window size and position', () => {
  it('restores what was saved', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'syncplan-ws-')), 'state.json');
    saveWindowState(file, { x: 100, y: 80, width: 1400, height: 900, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 100, y: 80, width: 1400, height: 900, maximized: true });
  });

  it('falls back to defaults for a missing or corrupt file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'syncplan-ws-')), 'state.json');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(file, '{"width": 10');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('drops a position that no longer lands on any display', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    const offScreen = { x: 2500, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeOnScreen(offScreen, displays)).toEqual({ width: 1200, height: 800, maximized: false });
    const onScreen = { x: 100, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeOnScreen(onScreen, displays)).toEqual(onScreen);
  });
});
