import { html, thead, type SafeHtml } from '../html.js';
import { PHASE_KIND_LABELS, PHASE_KIND_ORDER } from '../../plan/labels.js';
import { group as groupBy } from '../../engine/estate-index.js';
import { reportDetail, type Chapter, type ForestEntry, type ReportInput } from '../report-input.js';
import { count } from '../../engine/format.js';
import type { Finding } from '../../engine/decision-schema.js';
import { cite } from '../../engine/sources.js';

/** Tracks that move with the manual pilot, no-flow rules and waves while Connect still runs. */
const PILOT_TRACKS = new Set(['migrate', 'coexist']);

/** Risks every manual move carries (the migration guide's warnings), with how the plan contains them. */
function migrationRisks(input: ReportInput, forests: ForestEntry[]): { risk: string; mitigation: string }[] {
  const moving = forests.filter((f) => f.planned && PILOT_TRACKS.has(f.planned.track));
  if (moving.length === 0) return [];
  const usesGroupWritebackV2 = moving.some((f) => input.inventory.forests.find((x) => x.forest === f.forest)?.features.group_writeback_v2 === true);
  return [
    {
      risk: `Objects taken out of Connect Sync's scope before cutover are deleted in Entra ID: users soft-deleted, groups hard-deleted, memberships lost (${cite('PILOT')}).`,
      mitigation: 'Every pilot and wave keeps its OUs in Connect scope, behind the no-flow rules, until the cutover of the whole forest.',
    },
    {
      risk: `After the scheduler is re-enabled, a change to a reference attribute (member, manager) makes Connect export the object despite cloudNoFlow (${cite('PILOT')}).`,
      mitigation: "Every object stays in Connect scope until cutover, so Connect keeps flowing member and manager; where the inventory records them, waves keep a group's members and a user's manager in the same or an earlier wave.",
    },
    {
      risk: "Connect's accidental-delete protection, left on after the move, blocks Cloud Sync's deletes.",
      mitigation: 'The cutover turns it off (Disable-AADCloudSyncToolsDirSyncAccidentalDeletionPrevention) once Connect no longer exports.',
    },
    ...(usesGroupWritebackV2
      ? [{
          risk: `Turning group writeback v2 off in Connect cannot be undone; afterwards Microsoft 365 groups are written back with v1 behaviour (${cite('GWB')}).`,
          mitigation: 'The switch is its own task after the group provisioning configuration is tested, with the customer sponsor signing it off.',
        }]
      : []),
  ];
}

/** Each kind of phase with the distinct ways its tasks roll back: the same steps recur across forests. */
function rollbackByPhase(input: ReportInput): SafeHtml[] {
  return PHASE_KIND_ORDER.flatMap((kind) => {
    const tasks = input.plan.phases.filter((p) => p.kind === kind).flatMap((p) => p.tasks);
    const texts = [...new Set(tasks.map((t) => t.rollback).filter((r): r is string => Boolean(r)))];
    if (texts.length === 0) return [];
    return [html`<tr><td>${PHASE_KIND_LABELS[kind]}</td><td>${texts.length === 1 ? texts[0] : html`<ul>${texts.map((t) => html`<li>${t}</li>`)}</ul>`}</td></tr>`];
  });
}

const NAMED_FORESTS = 8;

/** Large estates: one line per rule, with how many forests it concerns and the first of them by name. */
function risksByRule(findings: { forest: string; finding: Finding }[]): SafeHtml {
  const byRule = groupBy(findings, (f) => `${f.finding.severity}|${f.finding.rule}`);
  const order = ['blocker', 'remediation', 'warning'];
  const rows = [...byRule.values()].sort((a, b) => order.indexOf(a[0]?.finding.severity ?? '') - order.indexOf(b[0]?.finding.severity ?? '') || b.length - a.length);
  return html`<p>Each line is one kind of finding; the decision of each forest gives its own wording and evidence.</p><table>
${thead([{ label: 'Severity', width: 14 }, { label: 'Risk (first forest)', width: 34 }, { label: 'Forests', width: 22 }, { label: 'Mitigation', width: 30 }])}
<tbody>${rows.map((list) => {
  const first = list[0]?.finding;
  if (!first) return '';
  const forests = [...new Set(list.map((f) => f.forest))];
  const named = forests.slice(0, NAMED_FORESTS).join(', ');
  return html`<tr><td><span class="severity severity-${first.severity}">${first.severity}</span></td><td>${first.message}</td><td><strong>${count(forests.length)}</strong>: ${named}${forests.length > NAMED_FORESTS ? ` and ${count(forests.length - NAMED_FORESTS)} more` : ''}</td><td>${first.remediation}</td></tr>`;
})}</tbody></table>`;
}

export function risksChapter(input: ReportInput, forests: ForestEntry[]): Chapter {
  const general = migrationRisks(input, forests);
  const findings = forests.flatMap((f) => (f.decision?.findings ?? []).filter((x) => x.severity !== 'info').map((x) => ({ forest: f.forest, finding: x })));
  const brief = !reportDetail(input).fullTasks;
  const body = html`
${general.length > 0 ? html`<h2 id="risks-migration">Risks of the move</h2>
<table>${thead([{ label: 'Risk', width: 50 }, { label: 'How the plan contains it', width: 50 }])}
<tbody>${general.map((r) => html`<tr><td>${r.risk}</td><td>${r.mitigation}</td></tr>`)}</tbody></table>` : ''}
<h2 id="risks-forests">Risks found in the forests</h2>
${findings.length === 0 ? html`<p>The decision engine found nothing beyond information.</p>` : brief ? risksByRule(findings) : html`<table>
${thead([{ label: 'Forest', width: 15 }, { label: 'Severity', width: 14 }, { label: 'Risk', width: 39 }, { label: 'Mitigation', width: 32 }])}
<tbody>${findings.map(({ forest, finding }) => html`<tr><td>${forest}</td><td><span class="severity severity-${finding.severity}">${finding.severity}</span></td><td>${finding.message}</td><td>${finding.remediation}</td></tr>`)}</tbody>
</table>`}
<h2 id="rollback">Rollback by phase</h2>
<p>Until cutover, rolling back a pilot or wave means: disable its Cloud Sync configuration, disable its no-flow rules in Connect (a full sync follows)
and let Connect export the OUs again (${cite('PILOT')}). After cutover, Connect is kept disabled or in staging mode for the validation period so it can take over again.</p>
<table>${thead([{ label: 'Phase', width: 20 }, { label: 'Rollback', width: 80 }])}
<tbody>${rollbackByPhase(input)}</tbody></table>
<p class="muted">Every task's own rollback is ${reportDetail(input).fullTasks ? 'with it in the checklists' : "in SyncPlan's Plan view and in syncplan plan --json"}.</p>`;
  return {
    id: 'risks',
    title: 'Risks and rollback',
    body,
    entries: [...(general.length > 0 ? [{ id: 'risks-migration', title: 'Risks of the move' }] : []), { id: 'risks-forests', title: 'Risks found in the forests' }, { id: 'rollback', title: 'Rollback by phase' }],
  };
}
