import { getDocumentProxy } from 'unpdf';

/**
 * The page (1-based) each anchor landed on in a printed report. Chromium turns every in-document link
 * target into a named destination pointing at its page, so the contents' own links tell where each
 * section starts; no text has to be searched.
 */
export async function sectionPages(pdf: Uint8Array, anchors: readonly string[]): Promise<{ pages: Map<string, number>; pageCount: number }> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy so the caller's bytes stay usable.
  const document = await getDocumentProxy(pdf.slice());
  try {
    const pages = new Map<string, number>();
    for (const anchor of anchors) {
      const destination = await document.getDestination(anchor);
      const ref = destination?.[0];
      if (ref && typeof ref === 'object' && 'num' in ref) pages.set(anchor, (await document.getPageIndex(ref)) + 1);
    }
    return { pages, pageCount: document.numPages };
  } finally {
    await document.loadingTask.destroy();
  }
}
