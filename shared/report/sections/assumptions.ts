import { html, thead } from '../html.js';
import { assumptionLines } from '../labels.js';
import { TASK_KIND_LABELS } from '../../plan/labels.js';
import type { Chapter, ReportInput } from '../report-input.js';
import { count } from '../../engine/format.js';
import type { AssumptionReading } from '../../engine/decision-schema.js';
import type { TaskKind } from '../../plan/plan-schema.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function assumptionsChapter(input: ReportInput): Chapter {
  const { settings } = input.plan;
  const readings = new Map<string, AssumptionReading>();
  for (const forest of input.decisions.forests) {
    for (const finding of forest.findings) if (finding.assumption) readings.set(`${finding.assumption.name}|${finding.assumption.reading}`, finding.assumption);
  }
  const durations = Object.entries(settings.durations) as [TaskKind, number][];
  const body = html`
<h2 id="assumptions-decisions">Decision settings</h2>
<table><tbody>${assumptionLines(input.decisions.assumptions).map((a) => html`<tr><th scope="row" style="width:55%">${a.label}</th><td>${a.value}</td></tr>`)}</tbody></table>
${readings.size > 0 ? html`<h3>Where Microsoft's pages disagree</h3>
<table>${thead([{ label: 'Question', width: 30 }, { label: 'Reading used', width: 35 }, { label: 'Other reading', width: 35 }])}
<tbody>${[...readings.values()].map((r) => html`<tr><td>${r.name}</td><td>${r.reading}</td><td>${r.alternative}</td></tr>`)}</tbody></table>` : ''}
<h2 id="assumptions-plan">Planning settings</h2>
<table><tbody>
  <tr><th scope="row" style="width:55%">Start</th><td>${input.plan.start}</td></tr>
  <tr><th scope="row">Working days</th><td>${settings.workingDays.map((d) => WEEKDAYS[d - 1]).join(', ')}</td></tr>
  <tr><th scope="row">Holidays</th><td>${settings.holidays.length > 0 ? settings.holidays.join(', ') : 'none'}</td></tr>
  <tr><th scope="row">Freeze windows</th><td>${settings.freezeWindows.length > 0 ? html`<ul>${settings.freezeWindows.map((w) => html`<li>${w.start} – ${w.end}${w.reason ? `: ${w.reason}` : ''}</li>`)}</ul>` : 'none'}</td></tr>
  <tr><th scope="row">Largest wave</th><td>${count(settings.maxWaveObjects)} objects</td></tr>
  <tr><th scope="row">Forests worked on at a time</th><td>${count(settings.teamCapacity)}</td></tr>
  <tr><th scope="row">Validation period after cutover</th><td>${count(settings.validationDays)} working days</td></tr>
  <tr><th scope="row">Durations changed from the defaults</th><td>${durations.length > 0 ? durations.map(([kind, days]) => `${TASK_KIND_LABELS[kind]}: ${days} days`).join('; ') : 'none'}</td></tr>
</tbody></table>
${input.plan.notes.length > 0 ? html`<h3>Notes from the planner</h3><ul>${input.plan.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}`;
  return {
    id: 'assumptions',
    title: 'Assumptions',
    body,
    entries: [{ id: 'assumptions-decisions', title: 'Decision settings' }, { id: 'assumptions-plan', title: 'Planning settings' }],
  };
}
