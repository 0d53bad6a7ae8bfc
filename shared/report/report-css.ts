import { contentHeightPx, landscapeContentHeightPx, pageRulesCss, type Paper } from './page-setup.js';

export const FONT_STACK = `"Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif`;
const MONO_STACK = `"Cascadia Mono", Consolas, Menlo, "DejaVu Sans Mono", "Liberation Mono", monospace`;

/** Print styles: the page boxes (paper, margins, landscape pages) and everything on them. */
export function reportCss(paper: Paper): string {
  return `
${pageRulesCss(paper)}
:root { --ink: #1b1f24; --muted: #5b6470; --line: #d5dae1; --soft: #f3f5f8; --accent: #1d4f91; --critical: #b3261e; }
html { font-family: ${FONT_STACK}; font-size: 9.5pt; line-height: 1.38; color: var(--ink); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
/* Long names (DNS names, DNs, hostile strings) wrap instead of widening the page: Chromium would shrink every page to fit. */
body { margin: 0; overflow-wrap: anywhere; }
h1, h2, h3, h4 { line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 19pt; color: var(--accent); margin: 0 0 10pt; font-weight: 600; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1pt solid var(--line); font-weight: 600; }
h3 { font-size: 10.5pt; margin: 12pt 0 4pt; font-weight: 600; }
h4 { font-size: 9.5pt; margin: 8pt 0 2pt; font-weight: 600; }
p { margin: 0 0 6pt; }
a { color: var(--accent); text-decoration: none; }
.chapter { break-before: page; page-break-before: always; }
.lead { font-size: 10.5pt; }
.muted { color: var(--muted); }
.unknown { color: var(--muted); font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 8.5pt; }
th, td { text-align: left; vertical-align: top; padding: 2.5pt 4pt; border-bottom: 0.5pt solid var(--line); }
thead th { background: #e8edf4; font-weight: 600; border-bottom: 1pt solid #b9c2ce; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
ul { margin: 0 0 6pt; padding-left: 14pt; }
li { margin: 0 0 1.5pt; }
code, .dn { font-family: ${MONO_STACK}; font-size: 0.92em; }
.badge { display: inline-block; padding: 0.5pt 6pt; border-radius: 8pt; font-size: 8pt; font-weight: 600; white-space: nowrap; }
.verdict-migrate-now { background: #dcf1e2; color: #14532d; }
.verdict-migrate-after-remediation { background: #e2ecfb; color: #1d3f7a; }
.verdict-coexist { background: #fdf0d5; color: #7a4a06; }
.verdict-stay-on-connect { background: #ece7f6; color: #4b2f7f; }
.verdict-insufficient-data { background: #e9ebee; color: #3d444d; }
.severity { font-size: 7.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; }
.severity-blocker { color: var(--critical); }
.severity-remediation { color: #1d3f7a; }
.severity-warning { color: #8a5300; }
.severity-info { color: var(--muted); }
.critical-tag { color: var(--critical); font-weight: 600; font-size: 8pt; white-space: nowrap; }

/* Cover: one page, title block at the top, the details at the bottom. */
.cover { height: ${contentHeightPx(paper) - 4}px; display: flex; flex-direction: column; justify-content: space-between; }
.cover-band { border-top: 8pt solid var(--accent); padding-top: 28pt; }
.cover-kicker { font-size: 10pt; letter-spacing: 0.12em; text-transform: uppercase; color: var(--muted); margin-bottom: 8pt; }
.cover h1 { font-size: 28pt; color: var(--ink); margin-bottom: 14pt; }
.cover-customer { font-size: 18pt; color: var(--accent); font-weight: 600; margin-bottom: 4pt; }
.cover-figures { display: flex; gap: 18pt; margin-top: 26pt; }
.cover-figures div { border-left: 2pt solid var(--line); padding-left: 8pt; }
.cover-figures strong { display: block; font-size: 16pt; }
.cover-details { width: auto; font-size: 10pt; margin: 0; }
.cover-details th { width: 9em; color: var(--muted); font-weight: 400; border: none; padding-left: 0; }
.cover-details td { border: none; }

/* Contents with page numbers and dotted leaders. */
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc li { margin: 0; }
.toc a { display: flex; align-items: baseline; color: inherit; text-decoration: none; padding: 1.5pt 0; }
.toc .toc-1 > a { font-weight: 600; font-size: 10.5pt; margin-top: 7pt; }
.toc .toc-2 > a { padding-left: 14pt; font-size: 9pt; }
.toc .toc-fill { flex: 1; border-bottom: 1pt dotted #9aa4b1; margin: 0 4pt; min-width: 12pt; }
.toc .toc-page { width: 2.6em; text-align: right; font-variant-numeric: tabular-nums; }

.verdict-counts { display: flex; flex-wrap: wrap; gap: 6pt; margin: 6pt 0 10pt; }
.key-dates td:first-child { width: 16em; color: var(--muted); }

/* Decisions. */
.forest-head, .phase-head { break-after: avoid; page-break-after: avoid; }
.forest-head { display: flex; align-items: baseline; gap: 8pt; flex-wrap: wrap; }
.forest-head h2 { flex: 1; }
.finding { border-left: 2pt solid var(--line); padding: 1pt 0 1pt 7pt; margin: 0 0 7pt; break-inside: avoid; }
.finding-blocker { border-left-color: var(--critical); }
.finding-remediation { border-left-color: #3c6fc4; }
.finding-warning { border-left-color: #d18b12; }
.finding p { margin: 0 0 2pt; }
.finding .meta { font-size: 8pt; color: var(--muted); }
.evidence { font-size: 8pt; margin: 1pt 0 2pt; }
/* Large estates: the decisions in smaller type. */
.brief { font-size: 8.5pt; }
.brief h2 { font-size: 11.5pt; margin-top: 10pt; }
.brief h3 { font-size: 9pt; margin: 6pt 0 2pt; }
.brief .finding { margin-bottom: 4pt; }
.evidence span { margin-right: 8pt; }

/* Timeline. */
.gantt { margin: 0 0 6pt; break-inside: avoid; page-break-inside: avoid; }
.gantt + .gantt { break-before: page; page-break-before: always; }
.gantt svg { display: block; }
/* The topology drawing is wide: it gets a landscape page, and scales to it below the chapter's title; its viewBox keeps its proportions. */
.chapter.landscape { page: landscape; }
figure.topology { margin: 0; }
figure.topology svg { display: block; width: 100%; height: auto; max-height: ${landscapeContentHeightPx(paper) - 64}px; }
.legend { display: flex; flex-wrap: wrap; gap: 4pt 12pt; font-size: 8pt; margin: 0 0 8pt; }
.legend i { display: inline-block; width: 12pt; height: 7pt; margin-right: 3pt; vertical-align: -0.5pt; border-radius: 1.5pt; }
.legend i.critical-key { background: none; border: 1.5pt solid var(--critical); }
.legend i.freeze-key { background: repeating-linear-gradient(45deg, #c6ccd4 0 2pt, #eef0f3 2pt 4pt); }

/* Checklists. */
.phase-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8pt; }
.phase-head .date { font-size: 8.5pt; color: var(--muted); white-space: nowrap; }
.task { border: 0.75pt solid var(--line); border-radius: 3pt; padding: 5pt 7pt; margin: 0 0 6pt; break-inside: avoid; page-break-inside: avoid; }
.task.has-runbook { break-inside: auto; page-break-inside: auto; }
.task-head { display: flex; align-items: baseline; gap: 6pt; font-weight: 600; }
.task-head .title { flex: 1; }
.box { display: inline-block; width: 8pt; height: 8pt; border: 1pt solid var(--ink); border-radius: 1pt; flex: none; position: relative; top: 1pt; }
.task-meta { font-size: 8pt; color: var(--muted); margin: 2pt 0 3pt 14pt; }
.task-meta span { margin-right: 10pt; }
.criteria { display: flex; gap: 10pt; margin-left: 14pt; font-size: 8.5pt; }
.criteria > div { flex: 1; }
.criteria h4 { font-size: 8pt; margin: 2pt 0 1pt; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.rollback { margin: 2pt 0 0 14pt; font-size: 8.5pt; }
.runbook { margin: 4pt 0 0 14pt; }
.runbook-head { font-size: 8pt; font-weight: 700; color: var(--critical); text-transform: uppercase; letter-spacing: 0.04em; margin: 0 0 2pt; }
pre { font-family: ${MONO_STACK}; font-size: 7.2pt; line-height: 1.3; background: var(--soft); border: 0.5pt solid var(--line); border-radius: 2pt; padding: 4pt 5pt; margin: 0; white-space: pre-wrap; }
.ous { font-size: 8pt; }
.task-lines tr.critical td:first-child { box-shadow: inset 2.5pt 0 0 var(--critical); }
.task-lines td { padding-top: 1.5pt; padding-bottom: 1.5pt; }
/* Long lists (large estates, the appendix): smaller type, one line a row where the names allow. */
table.dense { font-size: 7.5pt; }
table.dense td, table.dense th { padding: 1.2pt 3pt; }

/* Sign-off. */
.signatures td { height: 34pt; }
.signatures th:first-child { width: 30%; }
`;
}
