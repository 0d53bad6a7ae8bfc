import { html, type SafeHtml } from '../html.js';
import { dateRange, longDate } from '../format.js';
import { FONT_STACK } from '../report-css.js';
import { PAGE_MARGINS } from '../page-setup.js';
import { MOVING_TRACKS, type Chapter, type ForestEntry, type ReportInput } from '../report-input.js';
import { count } from '../../engine/format.js';

export const REPORT_TITLE = 'Migration from Entra Connect Sync to Entra Cloud Sync';

export function cover(input: ReportInput, forests: ForestEntry[]): SafeHtml {
  const { details, plan } = input;
  const moving = forests.filter((f) => f.planned && MOVING_TRACKS.has(f.planned.track)).length;
  return html`<section class="cover" aria-label="Cover">
  <div class="cover-band">
    <p class="cover-kicker">Migration plan</p>
    <h1>${REPORT_TITLE}</h1>
    <p class="cover-customer">${details.customer}</p>
    <p class="muted">Workshop: ${input.workshopName}</p>
    <div class="cover-figures">
      <div><strong>${count(forests.length)}</strong>forests assessed</div>
      <div><strong>${count(moving)}</strong>forests moving</div>
      <div><strong>${dateRange(plan.start, plan.end)}</strong>plan window</div>
    </div>
  </div>
  <table class="cover-details">
    <tbody>
      <tr><th scope="row">Prepared for</th><td>${details.customer}</td></tr>
      <tr><th scope="row">Prepared by</th><td>${details.author || 'not named'}</td></tr>
      <tr><th scope="row">Date</th><td>${longDate(details.date)}</td></tr>
      <tr><th scope="row">Produced with</th><td>SyncPlan ${input.appVersion}</td></tr>
    </tbody>
  </table>
</section>`;
}

/**
 * The contents: every chapter and its second-level entries, linked (which also makes Chromium emit a
 * named destination per target, from which the printed pages are read back). Until the pages are
 * known the page column stays empty at its final width, so filling it in moves nothing.
 */
export function contents(chapters: Chapter[], pages: ReadonlyMap<string, number> | null): SafeHtml {
  const line = (id: string, title: string, level: 1 | 2) =>
    html`<li class="toc-${level}"><a href="#${id}"><span class="toc-title">${title}</span><span class="toc-fill"></span><span class="toc-page">${pages?.get(id) ?? ''}</span></a></li>`;
  return html`<nav class="toc chapter" aria-labelledby="contents"><h1 id="contents">Contents</h1><ol>${chapters.map(
    (c) => html`${line(c.id, c.title, 1)}${c.entries.length > 0 ? html`<li><ol>${c.entries.map((e) => line(e.id, e.title, 2))}</ol></li>` : ''}`,
  )}</ol></nav>`;
}

const templateStyle = (align: string) =>
  `font-family:${FONT_STACK};font-size:7.5pt;color:#5b6470;width:100%;margin:0 ${PAGE_MARGINS.right}in 0 ${PAGE_MARGINS.left}in;display:flex;justify-content:${align};`;

/** Chromium's running header: the customer and the document on every page. */
export function headerTemplate(input: ReportInput): string {
  return html`<div style="${templateStyle('space-between')}"><span>${input.details.customer} · Cloud Sync migration plan</span><span>${longDate(input.details.date)}</span></div>`.value;
}

/** Chromium's footer: who prepared it and "Page n of N" (Chromium fills the two spans). */
export function footerTemplate(input: ReportInput): string {
  const by = input.details.author ? `Prepared by ${input.details.author} with SyncPlan` : 'Prepared with SyncPlan';
  return html`<div style="${templateStyle('space-between')}"><span>${by}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`.value;
}
