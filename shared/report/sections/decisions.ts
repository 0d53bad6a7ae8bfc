import { html, thead, type SafeHtml } from '../html.js';
import { TRACK_LABELS } from '../../plan/labels.js';
import { reportDetail, type Chapter, type ForestEntry, type ReportInput } from '../report-input.js';
import { verdictBadge } from './summary.js';
import { SEVERITY_LABELS, SEVERITY_ORDER } from '../../engine/labels.js';
import type { DecisionResult, Finding, SourceRef } from '../../engine/decision-schema.js';

const ENGINE_LABELS = { 'cloud-sync': 'Cloud Sync', 'connect-sync': 'Connect Sync', unknown: 'unknown' } as const;

function evidenceValue(value: unknown): string {
  if (value === null) return 'unknown';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(evidenceValue).join(', ');
  return JSON.stringify(value);
}

function finding(f: Finding): SafeHtml {
  const evidence = Object.entries(f.evidence);
  return html`<div class="finding finding-${f.severity}">
  <p><span class="severity severity-${f.severity}">${f.severity}</span> ${f.message}</p>
  ${evidence.length > 0 ? html`<p class="evidence"><strong>Evidence:</strong> ${evidence.map(([k, v]) => html`<span><code>${k}</code> = ${evidenceValue(v)}</span>`)}</p>` : ''}
  ${f.remediation ? html`<p><strong>What to do:</strong> ${f.remediation}</p>` : ''}
  ${f.collect.length > 0 ? html`<p><strong>Collect:</strong> ${f.collect.map((c) => `${c.template}.csv, column ${c.column}, row ${c.key}`).join('; ')}</p>` : ''}
  ${f.assumption ? html`<p class="meta">Assumes: ${f.assumption.reading} (other reading: ${f.assumption.alternative})</p>` : ''}
  <p class="meta">Rule <code>${f.rule}</code> · Source: ${f.source}</p>
</div>`;
}

/** Large estates: message, what to do and source; the evidence is in the app and in syncplan decide --json. */
function briefFinding(f: Finding): SafeHtml {
  return html`<div class="finding finding-${f.severity}"><p><span class="severity severity-${f.severity}">${f.severity}</span> ${f.message}
${f.remediation ? html`<strong>What to do:</strong> ${f.remediation}` : ''} <span class="meta">(${f.source})</span></p></div>`;
}

function domainsTable(decision: NonNullable<ForestEntry['decision']>): SafeHtml {
  return html`<table>
  ${thead([{ label: 'Domain', width: 30 }, { label: 'Engine', width: 15 }, { label: 'Because of', width: 30 }, { label: 'Stays on Connect', width: 25 }])}
  <tbody>${decision.domains.map(
    (d) => html`<tr><td>${d.domain}</td><td>${ENGINE_LABELS[d.engine]}</td><td>${d.because.length > 0 ? html`<code>${d.because.join(', ')}</code>` : ''}</td><td>${d.partsOnConnect.join(', ')}</td></tr>`,
  )}</tbody>
</table>`;
}

/** Large estates: the domains' engines in one sentence. */
function domainsLine(decision: NonNullable<ForestEntry['decision']>): SafeHtml {
  return html`<p><strong>Domains:</strong> ${decision.domains.map((d, i) => html`${i > 0 ? ', ' : ''}${d.domain} (${ENGINE_LABELS[d.engine]}${d.because.length > 0 ? `: ${d.because.join(', ')}` : ''})`)}</p>`;
}

/**
 * A forest's verdict and findings. For large estates (`brief`) the domains take one sentence and the
 * information findings (nothing to change) are named by rule; the app's Decisions view has their text.
 */
function forestDecision(entry: ForestEntry, brief: boolean): SafeHtml {
  const decision = entry.decision;
  if (!decision) {
    return html`<div class="forest-head"><h2 id="${entry.anchor}">${entry.forest}</h2></div><p class="unknown">The decision engine has no result for this forest.</p>`;
  }
  const bySeverity = SEVERITY_ORDER.map((s) => [s, decision.findings.filter((f) => f.severity === s)] as const).filter(([, list]) => list.length > 0);
  return html`
<div class="forest-head"><h2 id="${entry.anchor}">${entry.forest}</h2>${verdictBadge(decision.verdict)}</div>
<p>${decision.reason}</p>
${entry.planned ? html`<p><strong>In the plan:</strong> ${TRACK_LABELS[entry.planned.track]}${entry.planned.reason && entry.planned.reason !== decision.reason ? html` — ${entry.planned.reason}` : ''}</p>` : ''}
${brief ? domainsLine(decision) : domainsTable(decision)}
${bySeverity.map(([severity, list]) =>
  brief && severity === 'info'
    ? html`<p class="muted"><strong>${SEVERITY_LABELS[severity]} (${list.length}):</strong> ${list.map((f) => f.rule).join(', ')}</p>`
    : html`<h3>${SEVERITY_LABELS[severity]} (${list.length})</h3>${list.map(brief ? briefFinding : finding)}`,
)}`;
}

/** Every page the findings cite, spelled out for a reader on paper: title, address and dates. */
function sourcesList(decisions: DecisionResult): SafeHtml {
  const cited = new Map<string, SourceRef>();
  for (const f of [...decisions.estate.findings, ...decisions.forests.flatMap((forest) => forest.findings)]) {
    for (const source of f.sources) cited.set(source.id, source);
  }
  const pages = [...cited.values()].sort((a, b) => a.title.localeCompare(b.title));
  return html`<h2 id="sources">Sources</h2>
<p>The Microsoft Learn pages the findings cite, with each page's own date; SyncPlan's facts were checked against them on ${decisions.estate.sourcesChecked}.</p>
<table>
  ${thead([{ label: 'Page', width: 38 }, { label: 'Address', width: 48 }, { label: 'Page date', width: 14 }])}
  <tbody>${pages.map((p) => html`<tr><td>${p.title} <span class="meta">(${p.id})</span></td><td class="dn">${p.url}</td><td class="date">${p.date ?? 'undated'}</td></tr>`)}</tbody>
</table>`;
}

export function decisionsChapter(input: ReportInput, forests: ForestEntry[]): Chapter {
  const brief = !reportDetail(input).fullTasks;
  const body = html`<p>Per forest: the verdict, the engine for each domain, and every finding with ${brief ? "what to do and its source (the evidence of each is in SyncPlan's Decisions view and in syncplan decide --json)" : 'its evidence, what to do and its source'}.
Severity: blockers decide what cannot move, remediation items must be fixed first, warnings need attention.</p>
<div${brief ? html` class="brief"` : ''}>${forests.map((f) => forestDecision(f, brief))}</div>
${sourcesList(input.decisions)}`;
  // Large estates list their forests in the bookmarks, not in the contents.
  const forestEntries = brief ? [] : forests.map((f) => ({ id: f.anchor, title: f.forest }));
  return { id: 'decisions', title: 'Decisions per forest', body, entries: [...forestEntries, { id: 'sources', title: 'Sources' }] };
}
