import type { RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/** Rows kept in the page beyond the visible ones, so scrolling and Tab find the next rows already there. */
const OVERSCAN = 12;

/**
 * The rows of a table that its scroll box (`scroller`) shows: only those (and a few either side) are in the page;
 * a spacer row above and below keeps the scroll height. Rows carry `data-index` and `ref={measure}`,
 * so rows taller than the estimate (a wrapped title) are measured.
 */
export function useTableWindow(
  scroller: RefObject<HTMLDivElement | null>,
  count: number,
  estimate: (index: number) => number,
  keyOf: (index: number) => string,
  /** Told the last row on screen whenever the window moves: what lies beyond it may be asked for later. */
  onReach?: (lastIndex: number) => void,
) {
  // eslint-disable-next-line react-hooks/incompatible-library -- the rows re-render on every scroll by design; nothing here needs the compiler's memoizing
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: estimate,
    overscan: OVERSCAN,
    getItemKey: keyOf,
    onChange: (instance) => {
      if (instance.range && onReach) onReach(instance.range.endIndex);
    },
  });
  const items = virtualizer.getVirtualItems();
  return {
    virtualizer,
    items,
    measure: virtualizer.measureElement,
    above: items[0]?.start ?? 0,
    below: Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)),
  };
}

/** The room the rows not in the page take, above or below the window of rows. */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr className="spacer-row" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}
