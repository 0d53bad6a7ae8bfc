import { z } from 'zod';

/** Paper sizes the report is laid out for. */
export const Paper = z.enum(['a4', 'letter']);
export type Paper = z.infer<typeof Paper>;

/** Inches, as both Chromium's DevTools protocol and Electron's printToPDF take them. */
export const PAPER_SIZES: Record<Paper, { width: number; height: number }> = {
  a4: { width: 8.27, height: 11.69 },
  letter: { width: 8.5, height: 11 },
};

/** CSS's names of the papers: exact sizes, where inches rounded to two places are not. */
const CSS_PAPER: Record<Paper, string> = { a4: 'A4', letter: 'letter' };

/** Inches. Top and bottom leave room for the running header and the page-number footer. */
export const PAGE_MARGINS = { top: 0.8, bottom: 0.75, left: 0.65, right: 0.65 } as const;

/** The printable width in CSS pixels (96 per inch): wide drawings (the timeline) are laid out to it. */
export function contentWidthPx(paper: Paper): number {
  return Math.floor((PAPER_SIZES[paper].width - PAGE_MARGINS.left - PAGE_MARGINS.right) * 96);
}

export function contentHeightPx(paper: Paper): number {
  return Math.floor((PAPER_SIZES[paper].height - PAGE_MARGINS.top - PAGE_MARGINS.bottom) * 96);
}

/**
 * The page boxes as CSS: the paper upright, and a `landscape` page for drawings wider than tall (the
 * topology). The printers prefer these to their own paper size so one document can hold both.
 */
export function pageRulesCss(paper: Paper): string {
  const m = PAGE_MARGINS;
  return `@page { size: ${CSS_PAPER[paper]}; margin: ${m.top}in ${m.right}in ${m.bottom}in ${m.left}in; }
@page landscape { size: ${CSS_PAPER[paper]} landscape; }`;
}

/** The printable height of a landscape page in CSS pixels. */
export function landscapeContentHeightPx(paper: Paper): number {
  return Math.floor((PAPER_SIZES[paper].width - PAGE_MARGINS.top - PAGE_MARGINS.bottom) * 96);
}
