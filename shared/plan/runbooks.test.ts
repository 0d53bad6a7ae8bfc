import { describe, expect, it } from 'vitest';
import { decide } from '../engine/decide.js';
import { estate } from '../engine/test-support/estate-builder.js';
import { defaultAssumptions } from '../model/assumptions.js';
import { buildPlan } from './build-plan.js';
import { defaultPlanSettings, emptyPlanEdits, type WaveOu } from './plan-schema.js';
import { psString } from './powershell.js';
import { NO_FLOW_OBJECT_TYPES, noFlowRunbook, waveRunbook } from './runbooks.js';

/** Reads a PowerShell single-quoted literal back (doubled quotes, typographic ones included). */
const unquote = (literal: string) => literal.slice(1, -1).replace(/(['\u2018\u2019\u201A\u201B])\1/g, '$1');
const LITERAL = "'(?:[^'\u2018\u2019\u201A\u201B]|['\u2018\u2019\u201A\u201B]{2})*'";

function scopeOus(script: string): string[] {
  return [...script.matchAll(new RegExp(`Ou = (${LITERAL});`, 'g'))].map((m) => unquote(m[1] as string));
}

interface Rule {
  name: string;
  direction: string;
  precedence: number;
  source: string;
  target: string;
  connector: string;
  linkType: string;
  scope: string;
}

/** Every New-ADSyncRule with the scope condition lines that follow it. */
function rules(script: string): Rule[] {
  const lines = script.split('\n');
  const found: Rule[] = [];
  let adConnector = '';
  for (const [i, line] of lines.entries()) {
    const connector = line.match(new RegExp(`^\\$adConnector = Get-ADSyncConnector -Name (${LITERAL})$`));
    if (connector) adConnector = unquote(connector[1] as string);
    const m = line.match(
      new RegExp(`^New-ADSyncRule -Name (${LITERAL}) .*-Direction '(\\w+)' -Precedence (\\d+) -SourceObjectType '(\\w+)' -TargetObjectType '(\\w+)' -Connector \\$(\\w+)\\.Identifier -LinkType '(\\w+)'`),
    );
    if (!m) continue;
    found.push({
      name: unquote(m[1] as string),
      direction: m[2] as string,
      precedence: Number(m[3]),
      source: m[4] as string,
      target: m[5] as string,
      connector: m[6] === 'adConnector' ? adConnector : 'entra',
      linkType: m[7] as string,
      scope: lines[i + 1] ?? '',
    });
  }
  return found;
}

const HOSTILE = "OU=O'Brien \u2019s team $(Remove-Item C:\\ -Recurse),DC=contoso,DC=com";

describe('the no-flow runbooks', () => {
  const ous: WaveOu[] = [
    { distinguishedName: 'OU=Pilot,OU=Sales,DC=contoso,DC=com', domain: 'contoso.com', objects: 42 },
    { distinguishedName: HOSTILE, domain: 'contoso.com', objects: 7 },
  ];

  it('names exactly the pilot OUs and object types, once per AD connector, with unique precedences', () => {
    const connectors = ['contoso.com', 'corp.contoso.com'];
    const script = noFlowRunbook({ label: 'pilot', forest: 'contoso.com', connectors, firstPrecedence: 40 }, ous).script;
    expect(scopeOus(script)).toEqual(ous.map((o) => o.distinguishedName));

    const all = rules(script);
    const inbound = all.filter((r) => r.direction === 'Inbound');
    const outbound = all.filter((r) => r.direction === 'Outbound');
    expect(inbound).toHaveLength(connectors.length * NO_FLOW_OBJECT_TYPES.length);
    expect(outbound).toHaveLength(connectors.length * NO_FLOW_OBJECT_TYPES.length);
    for (const connector of connectors) {
      expect(inbound.filter((r) => r.connector === connector).map((r) => r.source).sort()).toEqual(['contact', 'group', 'user']);
    }
    for (const r of inbound) {
      expect(r.linkType).toBe('Join');
      expect(r.scope).toMatch(/^foreach \(\$row in \$scope\) \{ Add-ADSyncScopeConditionGroup .*'dn', \$row\.Ou, 'ENDSWITH'/);
    }
    for (const r of outbound) {
      expect(r.connector).toBe('entra');
      expect(r.linkType).toBe('JoinNoFlow');
      expect(r.scope).toContain("'cloudNoFlow', 'True', 'EQUAL'");
    }
    const precedences = all.map((r) => r.precedence);
    expect(new Set(precedences).size).toBe(precedences.length);
    expect(script).toContain(`$precedences = @(${precedences.join(', ')})`);
    expect(new Set(all.map((r) => r.name)).size).toBe(all.length);
  });

  it('is headed "review before running" and stops the scheduler before any rule changes', () => {
    const book = noFlowRunbook({ label: 'pilot', forest: 'contoso.com', connectors: ['contoso.com'], firstPrecedence: 1 }, ous);
    expect(book.heading.toLowerCase()).toBe('review before running');
    expect(book.script).toMatch(/^# SyncPlan runbook\. REVIEW BEFORE RUNNING/);
    const stop = book.script.indexOf('Set-ADSyncScheduler -SyncCycleEnabled $false');
    expect(stop).toBeGreaterThan(0);
    expect(stop).toBeLessThan(book.script.indexOf('New-ADSyncRule'));
  });

  it('keeps a hostile OU name inside one single-quoted string', () => {
    const script = waveRunbook({ label: 'wave 1', forest: 'contoso.com', connectors: ['contoso.com'], firstPrecedence: 1 }, ous).script;
    expect(script).toContain(psString(HOSTILE));
    expect(psString(HOSTILE)).toBe("'OU=O''Brien \u2019\u2019s team $(Remove-Item C:\\ -Recurse),DC=contoso,DC=com'");
    // Outside single-quoted literals nothing of the OU name remains.
    const outside = script.replace(new RegExp(LITERAL, 'g'), "''");
    expect(outside).not.toContain('Remove-Item');
    expect(outside).not.toContain('Brien');
  });

  it('in a plan: the pilot runbook of each forest scopes that pilot OU, and precedences never repeat on a server', () => {
    const inventory = estate()
      .healthyForest('contoso.com', {}, { users: 3_000, groups: 100, contacts: 0 })
      .ou('contoso.com', 'OU=Pilot,DC=contoso,DC=com', { users: 20, groups: 2, contacts: 0 })
      .ou('contoso.com', 'OU=Staff,DC=contoso,DC=com', { users: 2_000, groups: 100, contacts: 0 })
      .ou('contoso.com', 'OU=Sales,DC=contoso,DC=com', { users: 980, groups: 0, contacts: 0 })
      .healthyForest('fabrikam.com', {}, { users: 900, groups: 10, contacts: 0 })
      .ou('fabrikam.com', 'OU=Lab,DC=fabrikam,DC=com', { users: 9, groups: 1, contacts: 0 })
      .ou('fabrikam.com', 'OU=Users,DC=fabrikam,DC=com', { users: 890, groups: 9, contacts: 0 })
      .build();
    const plan = buildPlan({ inventory, decisions: decide(inventory, defaultAssumptions()), settings: { ...defaultPlanSettings(), maxWaveObjects: 2_100 }, edits: emptyPlanEdits(), today: '2027-01-04' });
    const scripts = plan.phases.flatMap((p) => p.tasks).flatMap((t) => (t.runbook && t.kind !== 'pilot-verify' ? [{ t, script: t.runbook.script }] : []));
    for (const phase of plan.phases.filter((p) => p.kind === 'pilot' || p.kind === 'wave')) {
      const rulesTask = phase.tasks.find((t) => t.kind === 'pilot-rules' || t.kind === 'wave');
      expect(scopeOus(rulesTask?.runbook?.script ?? '')).toEqual(phase.ous.map((o) => o.distinguishedName));
    }
    expect(plan.phases.find((p) => p.id === 'contoso.com/pilot')?.ous.map((o) => o.distinguishedName)).toEqual(['OU=Pilot,DC=contoso,DC=com']);
    expect(plan.phases.find((p) => p.id === 'fabrikam.com/pilot')?.ous.map((o) => o.distinguishedName)).toEqual(['OU=Lab,DC=fabrikam,DC=com']);
    const precedences = scripts.flatMap(({ script }) => rules(script).map((r) => r.precedence));
    expect(precedences.length).toBeGreaterThan(12);
    expect(new Set(precedences).size).toBe(precedences.length);
  });
});
