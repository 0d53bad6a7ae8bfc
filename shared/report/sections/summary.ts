import { html, thead, type SafeHtml } from '../html.js';
import { countOrUnknown } from '../format.js';
import { dayNumber } from '../../plan/calendar.js';
import { TRACK_LABELS } from '../../plan/labels.js';
import { reportDetail, type Chapter, type ForestEntry, type ReportInput } from '../report-input.js';
import { VERDICT_LABELS, VERDICT_ORDER } from '../../engine/labels.js';
import { count, plural } from '../../engine/format.js';
import type { Verdict } from '../../engine/decision-schema.js';

export function verdictBadge(verdict: Verdict): SafeHtml {
  return html`<span class="badge verdict-${verdict}">${VERDICT_LABELS[verdict]}</span>`;
}

function sum(values: (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);
}

/** One line: the engine's reason, except for a list of missing values, which the decision page spells out. */
function summaryReason(f: ForestEntry): string {
  const decision = f.decision;
  if (decision?.verdict === 'insufficient-data') {
    const missing = new Set(decision.findings.flatMap((x) => x.collect.map((c) => `${c.field}|${c.key}`))).size;
    return `The inventory lacks ${plural(missing, 'value', 'values')} a verdict needs; the forest's decision page lists what to collect.`;
  }
  return f.planned?.reason ?? decision?.reason ?? '';
}

export function summaryChapter(input: ReportInput, forests: ForestEntry[]): Chapter {
  const { plan, details } = input;
  const tracks = (track: string) => forests.filter((f) => f.planned?.track === track).length;
  const full = tracks('migrate') + tracks('migrate-guided') + tracks('onboard');
  const weeks = Math.ceil((dayNumber(plan.end) - dayNumber(plan.start) + 1) / 7);
  const cutovers = plan.phases.filter((p) => p.kind === 'cutover').map((p) => p.end).sort();
  const verdictCounts = VERDICT_ORDER.map((v) => [v, forests.filter((f) => f.decision?.verdict === v).length] as const).filter(([, n]) => n > 0);

  const body = html`
<p class="lead">${details.customer} has ${plural(forests.length, 'forest', 'forests')} in scope. ${plural(full, 'forest moves', 'forests move')} fully to
Entra Cloud Sync, ${plural(tracks('coexist'), 'forest moves', 'forests move')} in part while the rest stays on Connect Sync,
${plural(tracks('stay-on-connect'), 'forest stays', 'forests stay')} on Connect Sync, and ${plural(tracks('not-planned'), 'forest needs', 'forests need')}
more data before it can be planned. The plan runs from ${plan.start} to ${plan.end} (about ${plural(weeks, 'week', 'weeks')}),
with up to ${plural(plan.settings.teamCapacity, 'forest', 'forests')} worked on at a time, least risk first.</p>
<div class="verdict-counts">${verdictCounts.map(([v, n]) => html`<span>${verdictBadge(v)} ${count(n)}</span>`)}</div>
<table>
  <caption class="muted" style="text-align:left">One line per forest, in the order the plan moves them.</caption>
  ${thead([{ label: '#', width: 4, numeric: true }, { label: 'Forest', width: 21 }, { label: 'Verdict', width: 19 }, { label: 'Plan', width: 11 }, { label: 'When', width: 12 }, { label: 'Why', width: 33 }])}
  <tbody>${forests.map(
    (f) => html`<tr>
    <td class="num">${f.planned ? count(f.planned.order) : ''}</td>
    <td><a href="#${f.anchor}">${f.forest}</a></td>
    <td>${f.decision ? verdictBadge(f.decision.verdict) : html`<span class="unknown">not decided</span>`}</td>
    <td>${f.planned ? TRACK_LABELS[f.planned.track] : html`<span class="unknown">not in the plan</span>`}</td>
    <td class="date">${f.planned?.start && f.planned.end ? html`${f.planned.start} –<br>${f.planned.end}` : 'not scheduled'}</td>
    <td>${summaryReason(f)}</td>
  </tr>`,
  )}</tbody>
</table>
<h2 id="key-dates">Key dates</h2>
<table class="key-dates"><tbody>
  <tr><td>Plan starts</td><td class="date">${plan.start}</td></tr>
  <tr><td>First cutover</td><td class="date">${cutovers[0] ?? 'none planned'}</td></tr>
  <tr><td>Last cutover</td><td class="date">${cutovers[cutovers.length - 1] ?? 'none planned'}</td></tr>
  <tr><td>Plan ends</td><td class="date">${plan.end}</td></tr>
</tbody></table>
${plan.notes.length > 0 ? html`<p>The planner left ${plural(plan.notes.length, 'note', 'notes')} on what it could not do or had to assume; they are listed under <a href="#assumptions-plan">Planning settings</a>.</p>` : ''}`;
  return { id: 'summary', title: 'Executive summary', body, entries: [] };
}

/**
 * The estate at a glance. When the topology view's drawing is given (issue 9) it takes this place;
 * until then a table of the forests, their tenants, sizes, Connect servers and agents.
 */
export function topologyChapter(input: ReportInput, forests: ForestEntry[]): Chapter {
  const { inventory } = input;
  if (input.topologySvg) {
    return {
      id: 'topology',
      title: 'Topology',
      body: html`<figure class="topology" role="img" aria-label="Topology of the forests, tenants and sync servers">${input.topologySvg}</figure>`,
      entries: [],
      landscape: true,
    };
  }
  const byName = new Map(inventory.forests.map((f) => [f.forest, f]));
  // Large estates count the Connect servers here; the appendix names them.
  const nameServers = reportDetail(input).fullTasks;
  const body = html`
<p>The forests, their tenants and what synchronises them today.</p>
<table class="dense">
  ${thead([
    { label: 'Forest', width: 17 },
    { label: 'Tenant', width: 17 },
    { label: 'Today', width: 10 },
    { label: 'Domains', width: 7, numeric: true },
    { label: 'Users', width: 8, numeric: true },
    { label: 'Groups', width: 7, numeric: true },
    { label: 'Computers', width: 8, numeric: true },
    { label: 'Connect servers', width: 20 },
    { label: 'Agents', width: 6, numeric: true },
  ])}
  <tbody>${forests.map((f) => {
    const forest = byName.get(f.forest);
    const servers = inventory.connectServers.filter((s) => s.forests.includes(f.forest)).map((s) => `${s.server}${s.mode === 'staging' ? ' (staging)' : ''}`);
    return html`<tr>
    <td>${f.forest}</td>
    <td>${forest?.tenant ?? html`<span class="unknown">unknown</span>`}</td>
    <td>${forest?.currentEngine ?? html`<span class="unknown">unknown</span>`}${forest?.network === 'disconnected' ? html`<br><span class="muted">disconnected</span>` : ''}</td>
    <td class="num">${count(f.domains.length)}</td>
    <td class="num">${countOrUnknown(sum(f.domains.map((d) => d.users)))}</td>
    <td class="num">${countOrUnknown(sum(f.domains.map((d) => d.groups)))}</td>
    <td class="num">${countOrUnknown(sum(f.domains.map((d) => d.computers)))}</td>
    <td>${servers.length === 0 ? html`<span class="muted">none</span>` : nameServers ? servers.map((name, i) => html`${i > 0 ? html`<br>` : ''}${name}`) : count(servers.length)}</td>
    <td class="num">${count(inventory.agents.filter((a) => a.forest === f.forest).length)}</td>
  </tr>`;
  })}</tbody>
</table>`;
  return { id: 'topology', title: 'Forests', body, entries: [] };
}
