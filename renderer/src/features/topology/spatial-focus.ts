export interface Rect {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Direction = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

const centre = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/**
 * The box an arrow key moves focus to: the nearest one whose centre lies that way, favouring boxes
 * straight ahead over ones off to the side. Null at the edge of the diagram.
 */
export function nextInDirection(rects: readonly Rect[], fromId: string, direction: Direction): string | null {
  const from = rects.find((r) => r.id === fromId);
  if (!from) return rects[0]?.id ?? null;
  const a = centre(from);
  let best: { id: string; score: number } | null = null;
  for (const r of rects) {
    if (r.id === fromId) continue;
    const b = centre(r);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const [ahead, aside] = direction === 'ArrowRight' ? [dx, dy] : direction === 'ArrowLeft' ? [-dx, dy] : direction === 'ArrowDown' ? [dy, dx] : [-dy, dx];
    if (ahead <= 1) continue;
    const score = ahead + 2 * Math.abs(aside);
    if (!best || score < best.score) best = { id: r.id, score };
  }
  return best?.id ?? null;
}
