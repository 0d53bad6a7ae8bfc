import { html, trusted } from './html.js';
import { reportCss } from './report-css.js';
import { forestEntries, type Chapter, type ReportInput } from './report-input.js';
import { contents, cover, footerTemplate, headerTemplate, REPORT_TITLE } from './sections/front-matter.js';
import { summaryChapter, topologyChapter } from './sections/summary.js';
import { decisionsChapter } from './sections/decisions.js';
import { timelineChapter } from './sections/timeline.js';
import { checklistsChapter } from './sections/checklists.js';
import { risksChapter } from './sections/risks.js';
import { assumptionsChapter } from './sections/assumptions.js';
import { appendixChapter } from './sections/appendix.js';
import { signOffChapter } from './sections/sign-off.js';

/** A report ready to print, and the anchors whose printed pages the contents list. */
export interface ReportDocument {
  html: string;
  headerTemplate: string;
  footerTemplate: string;
  targets: string[];
}

/** No scripts, no fetches: the page can only show what is written into it. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * The one report definition, for the app and the CLI alike: workshop details, inventory, decisions and
 * plan to a print-styled HTML document. `pages` (anchor to page number) comes from a first print;
 * without it the contents leave their page column empty.
 */
export function buildReport(input: ReportInput, pages: ReadonlyMap<string, number> | null = null): ReportDocument {
  const forests = forestEntries(input);
  const chapters: Chapter[] = [
    summaryChapter(input, forests),
    topologyChapter(input, forests),
    decisionsChapter(input, forests),
    timelineChapter(input, forests),
    checklistsChapter(input, forests),
    risksChapter(input, forests),
    assumptionsChapter(input),
    appendixChapter(input, forests),
    signOffChapter(input),
  ];
  const document = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${REPORT_TITLE} — ${input.details.customer}</title>
<meta name="author" content="${input.details.author}">
<style>${trusted(reportCss(input.paper))}</style>
</head><body>
${cover(input, forests)}
${contents(chapters, pages)}
<main>${chapters.map((c) => html`<section class="${c.landscape ? 'chapter landscape' : 'chapter'}" aria-labelledby="${c.id}"><h1 id="${c.id}">${c.title}</h1>${c.body}</section>`)}</main>
</body></html>`;
  return {
    html: document.value,
    headerTemplate: headerTemplate(input),
    footerTemplate: footerTemplate(input),
    targets: chapters.flatMap((c) => [c.id, ...c.entries.map((e) => e.id)]),
  };
}
