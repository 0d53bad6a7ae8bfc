import { describe, expect, it } from 'vitest';
import { decide } from '../engine/decide.js';
import { VERDICT_LABELS } from '../engine/labels.js';
import { EstateBuilder } from '../engine/test-support/estate-builder.js';
import { defaultAssumptions } from '../model/assumptions.js';
import { buildPlan } from '../plan/build-plan.js';
import { defaultPlanSettings, emptyPlanEdits } from '../plan/plan-schema.js';
import { buildReport } from './build-report.js';
import { escapeHtml, html, trusted } from './html.js';
import { reportDetail, type ReportInput } from './report-input.js';
import { generateLargeEstate } from '../engine/test-support/large-estate.js';
import { count } from '../engine/format.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

function input(over: Partial<ReportInput> = {}): ReportInput {
  const inventory = new EstateBuilder()
    .forest('contoso.com')
    .domain('contoso.com', { users: 900, groups: 50, contacts: 0 })
    .agents(3)
    .connect('sync01.contoso.com')
    .ou('contoso.com', 'OU=Staff,DC=contoso,DC=com', { users: 400 })
    .ou('contoso.com', `OU=${HOSTILE},DC=contoso,DC=com`, { users: 40 })
    .forest('woodgrovebank.com', { features: { merge_across_forests: true } })
    .domain('woodgrovebank.com')
    .connect('sync01.woodgrovebank.com')
    .build();
  const decisions = decide(inventory, defaultAssumptions());
  const plan = buildPlan({ inventory, decisions, settings: { ...defaultPlanSettings(), start: '2027-01-04' }, edits: emptyPlanEdits(), today: '2027-01-04' });
  return {
    workshopName: 'Contoso <workshop>',
    details: { customer: `Contoso ${HOSTILE}`, author: 'Ada & Co', date: '2026-11-30' },
    paper: 'a4',
    inventory,
    decisions,
    plan,
    appVersion: 'test',
    ...over,
  };
}

/** The text a reader sees: tags dropped, entities decoded. */
function visibleText(markup: string): string {
  return markup
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('html templates', () => {
  it('escape every interpolated string, in text and in attributes', () => {
    const out = html`<p title="${'"><script>'}">${HOSTILE}</p>`.value;
    expect(out).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(escapeHtml(`a&b'c`)).toBe('a&amp;b&#39;c');
  });

  it('pass markup through only when it is marked as the report\'s own', () => {
    expect(html`<div>${trusted('<svg></svg>')}${['<b>', html`<i>x</i>`]}</div>`.value).toBe('<div><svg></svg>&lt;b&gt;<i>x</i></div>');
  });
});

describe('the report document', () => {
  it('shows a hostile OU name and customer as text, never as markup', () => {
    const report = buildReport(input());
    expect(report.html).not.toContain('<img');
    expect(report.headerTemplate).not.toContain('<img');
    expect(report.html).toContain('OU=&lt;img src=x onerror=alert(1)&gt;,DC=contoso,DC=com');
    expect(visibleText(report.html)).toContain(`OU=${HOSTILE},DC=contoso,DC=com`);
    expect(visibleText(report.headerTemplate)).toContain(`Contoso ${HOSTILE}`);
    expect(report.html).not.toMatch(/<script|onerror=alert\(1\)>/);
    expect(report.html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;`);
  });

  it('has every chapter the customer signs off, in order, with every forest, phase and date', () => {
    const data = input();
    const report = buildReport(data).html;
    const headings = [...report.matchAll(/<h1[^>]*>([^<]*)<\/h1>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Migration from Entra Connect Sync to Entra Cloud Sync',
      'Contents',
      'Executive summary',
      'Forests',
      'Decisions per forest',
      'Timeline',
      'Checklists and runbooks',
      'Risks and rollback',
      'Assumptions',
      'Appendix: inventory',
      'Sign-off',
    ]);
    const text = visibleText(report);
    for (const decision of data.decisions.forests) {
      expect(text).toContain(decision.forest);
      expect(text).toContain(VERDICT_LABELS[decision.verdict]);
    }
    expect(new Set(data.decisions.forests.map((f) => f.verdict)).size).toBe(2);
    for (const phase of data.plan.phases) {
      expect(text).toContain(phase.name);
      expect(text).toContain(phase.start);
      expect(text).toContain(phase.end);
    }
    const runbook = data.plan.phases.flatMap((p) => p.tasks).find((t) => t.runbook)?.runbook;
    expect(runbook).toBeDefined();
    expect(text).toContain(runbook?.heading);
    expect(text).toContain(runbook?.script.split('\n')[0]);
  });

  it('links every contents line to its target and prints its page once known', () => {
    const first = buildReport(input());
    for (const target of first.targets) {
      expect(first.html).toContain(`href="#${target}"`);
      expect(first.html).toContain(`id="${target}"`);
    }
    expect(first.html).toContain('<span class="toc-page"></span>');
    const pages = new Map(first.targets.map((t, i) => [t, i + 3]));
    const second = buildReport(input(), pages);
    expect(second.html).not.toContain('<span class="toc-page"></span>');
    expect(second.html).toContain(`<a href="#timeline"><span class="toc-title">Timeline</span><span class="toc-fill"></span><span class="toc-page">${pages.get('timeline')}</span>`);
  });

  it('draws the timeline to the printable width of the paper', () => {
    const a4 = buildReport(input()).html;
    const letter = buildReport(input({ paper: 'letter' })).html;
    expect(a4).toMatch(/<svg [^>]*width="669"/);
    expect(letter).toMatch(/<svg [^>]*width="691"/);
  });

  it('shows the topology drawing in place of the forest table when one is given', () => {
    const withDrawing = buildReport(input({ topologySvg: trusted('<svg id="topology-drawing"></svg>') })).html;
    expect(withDrawing).toContain('<svg id="topology-drawing"></svg>');
    expect(visibleText(withDrawing)).toContain('Topology');
    expect(visibleText(buildReport(input()).html)).toContain('The forests, their tenants and what synchronises them today.');
    // The drawing is wide: its chapter is printed on landscape pages of the chosen paper, the rest upright.
    expect(withDrawing).toContain('<section class="chapter landscape" aria-labelledby="topology">');
    expect(withDrawing).toContain('@page { size: A4;');
    expect(withDrawing).toContain('@page landscape { size: A4 landscape; }');
    expect(buildReport(input({ paper: 'letter', topologySvg: trusted('<svg></svg>') })).html).toContain('@page landscape { size: letter landscape; }');
    expect(buildReport(input()).html).not.toContain('chapter landscape');
  });

  it("puts the whole estate's work first in the timeline, and its tasks in the checklists", () => {
    const data = input();
    const inventory = { ...data.inventory, connectServers: data.inventory.connectServers.map((s) => ({ ...s, version: '2.4.27.0' })) };
    const decisions = decide(inventory, defaultAssumptions());
    const plan = buildPlan({ inventory, decisions, settings: { ...defaultPlanSettings(), start: '2027-01-04' }, edits: emptyPlanEdits(), today: '2027-01-04' });
    const upgrades = plan.phases.filter((p) => p.forest === null).flatMap((p) => p.tasks);
    expect(upgrades.map((t) => t.title).join()).toContain('sync01.contoso.com');
    const report = buildReport({ ...data, inventory, decisions, plan }).html;
    const timeline = report.slice(report.indexOf('id="timeline"'), report.indexOf('id="checklists"'));
    expect(timeline.indexOf('>Whole estate<')).toBeGreaterThan(-1);
    expect(timeline.indexOf('>Whole estate<')).toBeLessThan(timeline.indexOf('>contoso.com<'));
    const checklists = visibleText(report.slice(report.indexOf('id="tasks-estate"')));
    for (const task of upgrades) expect(checklists).toContain(task.title);
  });

  it('keeps a large estate readable: one line per task, OUs per domain, and says where the rest is', () => {
    const inventory = generateLargeEstate({ forests: 30, domainsPerForest: 5, ousPerDomain: 20 });
    const decisions = decide(inventory, defaultAssumptions());
    const plan = buildPlan({ inventory, decisions, settings: { ...defaultPlanSettings(), start: '2027-01-04' }, edits: emptyPlanEdits(), today: '2027-01-04' });
    const large = input({ inventory, decisions, plan });
    const detail = reportDetail(large);
    expect(detail.fullTasks).toBe(false);
    expect(detail.everyOu).toBe(false);
    const report = buildReport(large).html;
    const text = visibleText(report);
    expect(text).toContain(`This plan has ${count(detail.taskCount)} tasks`);
    expect(text).toContain('syncplan plan --json');
    expect(text).toContain(`The estate has ${count(inventory.ous.length)} OUs`);
    expect(report).not.toContain('class="runbook"');
    for (const task of plan.phases.flatMap((p) => p.tasks)) expect(text).toContain(task.title);
    for (const forest of inventory.forests) expect(text).toContain(forest.forest);
  });
});
