import { html, thead, type SafeHtml } from '../html.js';
import { dateRange } from '../format.js';
import type { Chapter, ForestEntry, ReportInput } from '../report-input.js';
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
      mitigation: "Waves keep a group's members and a user's manager in the same or an earlier wave; both ends stay in Connect scope until cutover.",
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

function rollbackRows(forests: ForestEntry[]): SafeHtml[] {
  return forests.flatMap((f) =>
    f.phases.map((p) => {
      const texts = [...new Set(p.tasks.map((t) => t.rollback).filter((r): r is string => Boolean(r)))];
      return texts.length === 0
        ? html``
        : html`<tr><td>${f.forest}</td><td>${p.name}</td><td class="date">${dateRange(p.start, p.end)}</td><td>${texts.length === 1 ? texts[0] : html`<ul>${texts.map((t) => html`<li>${t}</li>`)}</ul>`}</td></tr>`;
    }),
  );
}

export function risksChapter(input: ReportInput, forests: ForestEntry[]): Chapter {
  const general = migrationRisks(input, forests);
  const findings = forests.flatMap((f) => (f.decision?.findings ?? []).filter((x) => x.severity !== 'info').map((x) => ({ forest: f.forest, finding: x })));
  const body = html`
${general.length > 0 ? html`<h2 id="risks-migration">Risks of the move</h2>
<table>${thead([{ label: 'Risk', width: 50 }, { label: 'How the plan contains it', width: 50 }])}
<tbody>${general.map((r) => html`<tr><td>${r.risk}</td><td>${r.mitigation}</td></tr>`)}</tbody></table>` : ''}
<h2 id="risks-forests">Risks found in the forests</h2>
${findings.length === 0 ? html`<p>The decision engine found nothing beyond information.</p>` : html`<table>
${thead([{ label: 'Forest', width: 16 }, { label: 'Severity', width: 11 }, { label: 'Risk', width: 40 }, { label: 'Mitigation', width: 33 }])}
<tbody>${findings.map(({ forest, finding }) => html`<tr><td>${forest}</td><td><span class="severity severity-${finding.severity}">${finding.severity}</span></td><td>${finding.message}</td><td>${finding.remediation}</td></tr>`)}</tbody>
</table>`}
<h2 id="rollback">Rollback by phase</h2>
<p>Until cutover, rolling back a pilot or wave means: disable its Cloud Sync configuration, disable its no-flow rules in Connect (a full sync follows)
and let Connect export the OUs again (${cite('PILOT')}). After cutover, Connect is kept disabled or in staging mode for the validation period so it can take over again.</p>
<table>${thead([{ label: 'Forest', width: 18 }, { label: 'Phase', width: 16 }, { label: 'When', width: 18 }, { label: 'Rollback', width: 48 }])}
<tbody>${rollbackRows(forests)}</tbody></table>`;
  return {
    id: 'risks',
    title: 'Risks and rollback',
    body,
    entries: [...(general.length > 0 ? [{ id: 'risks-migration', title: 'Risks of the move' }] : []), { id: 'risks-forests', title: 'Risks found in the forests' }, { id: 'rollback', title: 'Rollback by phase' }],
  };
}
