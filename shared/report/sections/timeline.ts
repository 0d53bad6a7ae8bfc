import { html, thead, type SafeHtml } from '../html.js';
import { monthLabel } from '../format.js';
import { dayNumber, isoDate, spanOf } from '../../plan/calendar.js';
import { PHASE_KIND_LABELS, PHASE_KIND_ORDER } from '../../plan/labels.js';
import { contentHeightPx, contentWidthPx } from '../page-setup.js';
import { reportDetail, type Chapter, type ForestEntry, type ReportInput } from '../report-input.js';
import { count } from '../../engine/format.js';
import type { PhaseKind, Plan } from '../../plan/plan-schema.js';

export const PHASE_COLOURS: Record<PhaseKind, string> = {
  readiness: '#9dbbe6',
  pilot: '#5c8fd6',
  wave: '#2b63b3',
  cutover: '#e09a2d',
  validation: '#5fb17e',
  decommission: '#98a2ae',
  coexistence: '#b9a3e0',
};

interface Segment {
  start: string;
  end: string;
  kind: PhaseKind;
  critical: boolean;
}

interface Row {
  label: string;
  forestRow: boolean;
  start: string | null;
  end: string | null;
  kind: PhaseKind | null;
  critical: boolean;
  /** A forest drawn on one row: its phases as coloured segments. */
  segments: Segment[];
}

const ROW = 14;
const AXIS = 24;
const LABEL_WIDTH = 190;
/** Room the chapter title, introduction and legend take above the first chart (CSS pixels). */
const FIRST_PAGE_HEADROOM = 150;
const CHAR_WIDTH = 4.6;

/** A forest's summary row (or the whole estate's), then one row per phase; or, for large estates, the forest alone with its phases as segments. */
function rowsOf(label: string, span: { start: string | null; end: string | null }, phases: readonly Plan['phases'][number][], critical: ReadonlySet<string>, phaseRows: boolean): Row[] {
  const isCritical = (p: Plan['phases'][number]) => p.tasks.some((t) => critical.has(t.id));
  const forestRow: Row = {
    label,
    forestRow: true,
    start: span.start,
    end: span.end,
    kind: null,
    critical: phases.some(isCritical),
    segments: phaseRows ? [] : phases.map((p) => ({ start: p.start, end: p.end, kind: p.kind, critical: isCritical(p) })),
  };
  if (!phaseRows) return [forestRow];
  return [forestRow, ...phases.map((p) => ({ label: p.name, forestRow: false, start: p.start, end: p.end, kind: p.kind, critical: isCritical(p), segments: [] }))];
}

/** The whole estate's phases (a Connect server to upgrade), above the forests. */
function estateRows(plan: Plan, critical: ReadonlySet<string>, phaseRows: boolean): Row[][] {
  const phases = plan.phases.filter((p) => p.forest === null);
  const span = spanOf(phases);
  return span ? [rowsOf('Whole estate', span, phases, critical, phaseRows)] : [];
}

/** Whole forests per chart where they fit, so a forest's phases stay on one page. */
function paginate(groups: Row[][], firstCapacity: number, capacity: number): Row[][] {
  const pages: Row[][] = [[]];
  for (const group of groups) {
    let page = pages[pages.length - 1] as Row[];
    const room = () => (pages.length === 1 ? firstCapacity : capacity) - page.length;
    if (group.length > room() && page.length > 0 && group.length <= capacity) {
      page = [];
      pages.push(page);
    }
    for (const row of group) {
      if (room() <= 0) {
        page = [];
        pages.push(page);
      }
      page.push(row);
    }
  }
  return pages.filter((p) => p.length > 0);
}

function clip(text: string, width: number): string {
  const max = Math.floor(width / CHAR_WIDTH);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

function chart(rows: Row[], plan: Plan, width: number, index: number, total: number): SafeHtml {
  const first = dayNumber(plan.start);
  const last = dayNumber(plan.end) + 1;
  const span = Math.max(1, last - first);
  const chartWidth = width - LABEL_WIDTH - 4;
  const x = (day: number) => LABEL_WIDTH + ((day - first) / span) * chartWidth;
  const height = AXIS + rows.length * ROW + 2;
  const f = (n: number) => n.toFixed(1);

  const months: number[] = [];
  const [year = 1970, month = 1] = plan.start.split('-').map(Number);
  for (let m = 0; ; m++) {
    const day = dayNumber(new Date(Date.UTC(year, month - 1 + m, 1)).toISOString().slice(0, 10));
    if (day >= last) break;
    months.push(day);
  }
  const monthWidth = (30.4 / span) * chartWidth;
  const labelEvery = Math.max(1, Math.ceil(48 / monthWidth));
  const hatch = `freeze-${index}`;
  const frozen = plan.settings.freezeWindows.filter((w) => dayNumber(w.end) >= first && dayNumber(w.start) < last);

  const rowY = (i: number) => AXIS + i * ROW;
  return html`<figure class="gantt"><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="gantt-title-${index}" font-family="inherit" font-size="8">
<title id="gantt-title-${index}">Timeline ${total > 1 ? `(part ${index + 1} of ${total})` : ''}: ${rows.filter((r) => r.forestRow).map((r) => r.label).join(', ')}</title>
<defs><pattern id="${hatch}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="4" fill="#c6ccd4"/></pattern></defs>
${months.map((day, i) => {
  const left = Math.max(x(day), LABEL_WIDTH);
  return html`<line x1="${f(left)}" y1="${AXIS - 6}" x2="${f(left)}" y2="${height}" stroke="#e3e7ec" stroke-width="0.6"/>${
    i % labelEvery === 0 ? html`<text x="${f(left + 2)}" y="${AXIS - 9}" fill="#5b6470">${monthLabel(isoDate(Math.max(day, first)))}</text>` : ''
  }`;
})}
${frozen.map((w) => {
  const left = x(Math.max(dayNumber(w.start), first));
  const right = x(Math.min(dayNumber(w.end) + 1, last));
  return html`<rect x="${f(left)}" y="${AXIS - 4}" width="${f(Math.max(1, right - left))}" height="${height - AXIS + 4}" fill="url(#${hatch})" opacity="0.55"><title>Freeze ${w.start} – ${w.end}${w.reason ? `: ${w.reason}` : ''}</title></rect>`;
})}
<line x1="${LABEL_WIDTH}" y1="${AXIS - 2}" x2="${width}" y2="${AXIS - 2}" stroke="#b9c2ce" stroke-width="0.8"/>
${rows.map((row, i) => {
  const y = rowY(i);
  const indent = row.forestRow ? 0 : 10;
  const label = html`<text x="${indent + 2}" y="${y + ROW - 4}" ${row.forestRow ? html`font-weight="600"` : ''} fill="#1b1f24">${clip(row.label, LABEL_WIDTH - indent - 8)}</text>`;
  const separator = row.forestRow && i > 0 && row.segments.length === 0 ? html`<line x1="0" y1="${y}" x2="${width}" y2="${y}" stroke="#d5dae1" stroke-width="0.6"/>` : '';
  if (!row.start || !row.end) return html`${separator}${label}<text x="${LABEL_WIDTH + 4}" y="${y + ROW - 4}" fill="#5b6470" font-style="italic">not scheduled</text>`;
  const left = x(dayNumber(row.start));
  const barWidth = Math.max(1.5, x(dayNumber(row.end) + 1) - left);
  if (row.segments.length > 0) {
    return html`${separator}${label}${row.segments.map((seg) => {
      const from = x(dayNumber(seg.start));
      return html`<rect x="${f(from)}" y="${y + 3}" width="${f(Math.max(1.5, x(dayNumber(seg.end) + 1) - from))}" height="${ROW - 6}" fill="${PHASE_COLOURS[seg.kind]}"${seg.critical ? html` stroke="#b3261e" stroke-width="1.2"` : ''}/>`;
    })}`;
  }
  const bar = row.forestRow
    ? html`<rect x="${f(left)}" y="${y + 5}" width="${f(barWidth)}" height="4" fill="#3d444d"${row.critical ? html` stroke="#b3261e" stroke-width="1"` : ''}/>`
    : html`<rect x="${f(left)}" y="${y + 3}" width="${f(barWidth)}" height="${ROW - 6}" rx="1.5" fill="${PHASE_COLOURS[row.kind ?? 'wave']}"${row.critical ? html` stroke="#b3261e" stroke-width="1.6"` : ''}/>`;
  return html`${separator}${label}${bar}`;
})}
</svg></figure>`;
}

function legend(plan: Plan): SafeHtml {
  const kinds = PHASE_KIND_ORDER.filter((k) => plan.phases.some((p) => p.kind === k));
  return html`<div class="legend" aria-label="Legend">${kinds.map((k) => html`<span><i style="background:${PHASE_COLOURS[k]}"></i>${PHASE_KIND_LABELS[k]}</span>`)}
<span><i class="critical-key"></i>Critical path</span>${plan.settings.freezeWindows.length > 0 ? html`<span><i class="freeze-key"></i>Freeze window</span>` : ''}</div>`;
}

export function timelineChapter(input: ReportInput, forests: ForestEntry[]): Chapter {
  const { plan, paper } = input;
  const critical = new Set(plan.criticalPath);
  const available = contentHeightPx(paper) - 24;
  const detail = reportDetail(input);
  const groups = [
    ...estateRows(plan, critical, detail.phaseRows),
    ...forests.map((f) => rowsOf(f.forest, { start: f.planned?.start ?? null, end: f.planned?.end ?? null }, f.phases, critical, detail.phaseRows)),
  ];
  const pages = paginate(groups, Math.floor((available - FIRST_PAGE_HEADROOM - AXIS) / ROW), Math.floor((available - AXIS) / ROW));
  const width = contentWidthPx(paper);
  const criticalPhases = new Set(plan.phases.filter((p) => p.tasks.some((t) => critical.has(t.id))));
  const body = html`<p>From ${plan.start} to ${plan.end}, on working days only${plan.settings.holidays.length > 0 ? ', skipping holidays' : ''}${
    plan.settings.freezeWindows.length > 0 ? ' and freeze windows' : ''
  }. The critical path (outlined in red) is the chain of tasks that sets the end date: a day lost on it moves the end of the plan.</p>
${legend(plan)}
${pages.map((rows, i) => chart(rows, plan, width, i, pages.length))}
${detail.phaseRows ? html`<h2 id="schedule">Schedule</h2>
<table>
  ${thead([{ label: 'Forest', width: 26 }, { label: 'Phase', width: 26 }, { label: 'Start', width: 14 }, { label: 'End', width: 14 }, { label: 'Tasks', width: 8, numeric: true }, { label: 'Critical', width: 12 }])}
  <tbody>${plan.phases.map(
    (p) => html`<tr><td>${p.forest ?? 'Whole estate'}</td><td>${p.name}</td><td class="date">${p.start}</td><td class="date">${p.end}</td><td class="num">${count(p.tasks.length)}</td><td>${criticalPhases.has(p) ? html`<span class="critical-tag">critical path</span>` : ''}</td></tr>`,
  )}</tbody>
</table>` : html`<p class="muted">Each forest is one row, its phases in their colours; the dates of every phase head its checklist.</p>`}`;
  return { id: 'timeline', title: 'Timeline', body, entries: detail.phaseRows ? [{ id: 'schedule', title: 'Schedule' }] : [] };
}
