import { describe, expect, it } from 'vitest';
import { historyKey } from './edits-text';

const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) =>
  historyKey({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('undo and redo keys', () => {
  it('Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo; Cmd works as Ctrl', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('z', { metaKey: true })).toBe('undo');
  });

  it('leaves other keys alone', () => {
    expect(key('z')).toBeNull();
    expect(key('z', { ctrlKey: true, altKey: true })).toBeNull();
    expect(key('y', { ctrlKey: true, shiftKey: true })).toBeNull();
    expect(key('s', { ctrlKey: true })).toBeNull();
  });
});
