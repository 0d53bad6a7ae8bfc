import { z } from 'zod';

/** Paper sizes the report is laid out for. */
export const Paper = z.enum(['a4', 'letter']);
export type Paper = z.infer<typeof Paper>;

/** Inches, as both Chromium's DevTools protocol and Electron's printToPDF take them. */
export const PAPER_SIZES: Record<Paper, { width: number; height: number }> = {
  a4: { width: 8.27, height: 11.69 },
  letter: { width: 8.5, height: 11 },
};

/** Inches. Top and bottom leave room for the running header and the page-number footer. */
export const PAGE_MARGINS = { top: 0.8, bottom: 0.75, left: 0.65, right: 0.65 } as const;

/** The printable width in CSS pixels (96 per inch): wide drawings (the timeline) are laid out to it. */
export function contentWidthPx(paper: Paper): number {
  return Math.floor((PAPER_SIZES[paper].width - PAGE_MARGINS.left - PAGE_MARGINS.right) * 96);
}

export function contentHeightPx(paper: Paper): number {
  return Math.floor((PAPER_SIZES[paper].height - PAGE_MARGINS.top - PAGE_MARGINS.bottom) * 96);
}
