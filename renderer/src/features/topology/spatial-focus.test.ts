import { describe, expect, it } from 'vitest';
import { nextInDirection, type Rect } from './spatial-focus';

const box = (id: string, x: number, y: number): Rect => ({ id, x, y, width: 100, height: 50 });
// server   forest-a   agents-a
//          forest-b
const rects = [box('server', 0, 50), box('forest-a', 200, 0), box('agents-a', 400, 0), box('forest-b', 200, 120)];

describe('arrow keys between the boxes of the diagram', () => {
  it('moves to the nearest box that way, straight ahead first', () => {
    expect(nextInDirection(rects, 'server', 'ArrowRight')).toBe('forest-a');
    expect(nextInDirection(rects, 'forest-a', 'ArrowRight')).toBe('agents-a');
    expect(nextInDirection(rects, 'forest-a', 'ArrowDown')).toBe('forest-b');
    expect(nextInDirection(rects, 'forest-b', 'ArrowUp')).toBe('forest-a');
    expect(nextInDirection(rects, 'agents-a', 'ArrowLeft')).toBe('forest-a');
  });

  it('stays put at the edge, and starts at the first box when none has focus', () => {
    expect(nextInDirection(rects, 'server', 'ArrowLeft')).toBeNull();
    expect(nextInDirection(rects, 'agents-a', 'ArrowRight')).toBeNull();
    expect(nextInDirection(rects, 'nowhere', 'ArrowRight')).toBe('server');
  });
});
