import { html, thead, type SafeHtml } from '../html.js';
import { dateRange } from '../format.js';
import { OWNER_ROLE_LABELS, TRACK_LABELS } from '../../plan/labels.js';
import { reportDetail, type Chapter, type ForestEntry, type ReportInput } from '../report-input.js';
import { count, plural } from '../../engine/format.js';
import type { PlanPhase, PlanTask } from '../../plan/plan-schema.js';

type TaskIndex = ReadonlyMap<string, PlanTask>;

function criteria(title: string, items: string[]): SafeHtml {
  return items.length === 0 ? html`` : html`<div><h4>${title}</h4><ul>${items.map((i) => html`<li>${i}</li>`)}</ul></div>`;
}

function dependency(id: string, tasks: TaskIndex, forest: string | null): string {
  const task = tasks.get(id);
  if (!task) return id;
  return task.forest && task.forest !== forest ? `${task.title} (${task.forest})` : task.title;
}

function task(t: PlanTask, tasks: TaskIndex): SafeHtml {
  return html`<div class="task${t.runbook ? ' has-runbook' : ''}">
  <div class="task-head"><span class="box" aria-hidden="true"></span><span class="title">${t.title}</span>${t.critical ? html`<span class="critical-tag">critical path</span>` : ''}</div>
  <p class="task-meta"><span>${OWNER_ROLE_LABELS[t.ownerRole]}</span><span>${dateRange(t.start, t.end)} (${plural(t.duration, 'working day', 'working days')})</span>${
    t.domain ? html`<span>Domain ${t.domain}</span>` : ''
  }${t.findings.length > 0 ? html`<span>Resolves <code>${t.findings.join(', ')}</code></span>` : ''}</p>
  ${t.dependsOn.length > 0 ? html`<p class="task-meta">After: ${t.dependsOn.map((d) => dependency(d, tasks, t.forest)).join('; ')}</p>` : ''}
  ${t.entryCriteria.length + t.exitCriteria.length > 0 ? html`<div class="criteria">${criteria('Entry criteria', t.entryCriteria)}${criteria('Exit criteria', t.exitCriteria)}</div>` : ''}
  ${t.rollback ? html`<p class="rollback"><strong>Rollback:</strong> ${t.rollback}</p>` : ''}
  ${t.runbook ? html`<div class="runbook"><p class="runbook-head">Runbook (PowerShell) · ${t.runbook.heading}</p><pre>${t.runbook.script}</pre></div>` : ''}
</div>`;
}

/**
 * Large estates: one table per forest, a line per task (its phase named on the phase's first line,
 * the critical path marked in red); criteria, rollback and runbooks stay in the Plan view.
 */
function taskLines(phases: PlanPhase[]): SafeHtml {
  return html`<table class="task-lines dense">
${thead([{ label: '', width: 3 }, { label: 'Phase', width: 14 }, { label: 'Task', width: 47 }, { label: 'Owner', width: 15 }, { label: 'When', width: 17 }, { label: 'Days', width: 4, numeric: true }])}
<tbody>${phases.map((p) =>
  p.tasks.map(
    (t, i) => html`<tr${t.critical ? html` class="critical"` : ''}><td><span class="box" aria-hidden="true"></span></td><td>${i === 0 ? html`<strong>${p.name}</strong>${p.ous.length > 0 ? html`<br>${plural(p.ous.length, 'OU', 'OUs')}` : ''}` : ''}</td><td>${t.title}</td><td>${OWNER_ROLE_LABELS[t.ownerRole]}</td><td class="date">${dateRange(t.start, t.end)}</td><td class="num">${count(t.duration)}</td></tr>`,
  ),
)}</tbody></table>`;
}

function phase(p: PlanPhase, tasks: TaskIndex): SafeHtml {
  return html`<div class="phase-head"><h3>${p.name}</h3><span class="date">${dateRange(p.start, p.end)}</span></div>
${p.ous.length > 0 ? html`<table class="ous">${thead([{ label: 'OU moved in this phase', width: 60 }, { label: 'Domain', width: 28 }, { label: 'Objects', width: 12, numeric: true }])}
<tbody>${p.ous.map((o) => html`<tr><td class="dn">${o.distinguishedName}</td><td>${o.domain}</td><td class="num">${count(o.objects)}</td></tr>`)}</tbody></table>` : ''}
${p.tasks.map((t) => task(t, tasks))}`;
}

export function checklistsChapter(input: ReportInput, forests: ForestEntry[]): Chapter {
  const detail = reportDetail(input);
  const tasks = new Map(input.plan.phases.flatMap((p) => p.tasks.map((t) => [t.id, t] as const)));
  const planned = forests.filter((f) => f.phases.length > 0);
  const estate = input.plan.phases.filter((p) => p.forest === null);
  const body = html`<p>Tick each task off as it is done. A task starts when its entry criteria hold and ends when its exit criteria do;
runbooks are starting points to review with the customer's administrators before anything is run.</p>
${detail.fullTasks ? '' : html`<p>This plan has ${plural(detail.taskCount, 'task', 'tasks')}: to keep the document readable each task is one line here. The entry and exit criteria,
rollback and runbook of every task are in SyncPlan's Plan view (with a copy button) and in <code>syncplan plan --json</code>.
Tasks on the critical path have a red mark at the left.</p>`}
${estate.length > 0 ? html`<h2 id="tasks-estate">Whole estate</h2>${detail.fullTasks ? estate.map((p) => phase(p, tasks)) : taskLines(estate)}` : ''}
${planned.map(
  (f) => html`<h2 id="${f.anchor}-tasks">${f.forest}</h2>
<p class="muted">${f.planned ? TRACK_LABELS[f.planned.track] : ''} · ${dateRange(f.planned?.start ?? null, f.planned?.end ?? null)}</p>
${detail.fullTasks ? f.phases.map((p) => phase(p, tasks)) : taskLines(f.phases)}`,
)}`;
  return {
    id: 'checklists',
    title: 'Checklists and runbooks',
    body,
    entries: [...(estate.length > 0 ? [{ id: 'tasks-estate', title: 'Whole estate' }] : []), ...(detail.fullTasks ? planned.map((f) => ({ id: `${f.anchor}-tasks`, title: f.forest })) : [])],
  };
}
