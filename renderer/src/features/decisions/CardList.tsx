import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { ForestDecision, Severity } from '../../../../shared/engine/decision-schema';
import type { Features } from '../../../../shared/model/inventory';
import { ForestCard, type CardActions, type ForestHighlight } from './ForestCard';

interface Props {
  decisions: readonly ForestDecision[];
  severities: ReadonlySet<Severity>;
  highlights: ReadonlyMap<string, ForestHighlight>;
  features: Readonly<Record<string, Features>>;
  saved: ReadonlyMap<string, Features>;
  expanded: ReadonlySet<string>;
  actions: CardActions;
  /** Bring this forest's card into view and focus its title; `seq` repeats the request. */
  reveal: { forest: string; seq: number } | null;
}

/** A card is rarely shorter; the first measure corrects it. */
const ESTIMATED_HEIGHT = 480;

/**
 * The open forest cards, virtualised against the window's scroll: only the cards on screen (and two
 * either side) are in the page, however many forests are open.
 */
export const CardList = memo(function CardList({ decisions, severities, highlights, features, saved, expanded, actions, reveal }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  // The list starts below the overview, whose height changes with its filter: measured again whenever the page resizes.
  useLayoutEffect(() => {
    const measure = () => {
      const offset = (list.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setTop((was) => (Math.abs(offset - was) > 1 ? offset : was));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: decisions.length,
    estimateSize: () => ESTIMATED_HEIGHT,
    overscan: 2,
    scrollMargin: top,
    getItemKey: (index) => decisions[index]?.forest ?? index,
  });

  const revealed = reveal ? decisions.findIndex((d) => d.forest === reveal.forest) : -1;
  useLayoutEffect(() => {
    if (!reveal || revealed < 0) return;
    virtualizer.scrollToIndex(revealed, { align: 'start' });
    // The card renders once scrolled to; focus its title then, for keyboard and screen-reader users.
    const frame = requestAnimationFrame(() => document.getElementById(`card-${reveal.forest}`)?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(frame);
  }, [reveal, revealed, virtualizer]);

  return (
    <div ref={list} className="forest-cards" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const decision = decisions[item.index];
        if (!decision) return null;
        const forest = decision.forest;
        return (
          <div key={item.key} ref={virtualizer.measureElement} data-index={item.index} className="forest-card-slot" style={{ transform: `translateY(${item.start - top}px)` }}>
            <ForestCard
              decision={decision}
              severities={severities}
              highlight={highlights.get(forest)}
              features={features[forest] ?? saved.get(forest)}
              saved={saved.get(forest)}
              expanded={expanded.has(forest)}
              actions={actions}
            />
          </div>
        );
      })}
    </div>
  );
});
