import { describe, expect, it } from 'vitest';
import type { Effect, Finding } from './decision-schema.js';
import { deriveVerdict } from './verdict.js';

function finding(rule: string, effect: Effect, extra: Partial<Finding> = {}): Finding {
  return {
    rule,
    severity: 'info',
    message: '',
    evidence: {},
    source: 'DG (2025-02-17)',
    capability: rule,
    effect,
    couldBecome: null,
    remediation: '',
    domains: [],
    part: null,
    collect: [],
    assumption: null,
    subject: null,
    sources: [],
    link: null,
    ...extra,
  };
}

const unknown = (rule: string, couldBecome: Effect, domains: string[] = []) =>
  finding(rule, 'unknown-data', {
    couldBecome,
    domains,
    collect: [{ field: 'domains.users', template: 'domains', column: 'users', key: domains[0] ?? 'f' }],
  });

const DOMAINS = ['a.example', 'b.example'];

describe('deriveVerdict', () => {
  it.each<[string, Finding[], string]>([
    ['nothing', [], 'migrate-now'],
    ['only information', [finding('x', 'informational')], 'migrate-now'],
    ['a fixable item', [finding('agent-ram', 'needs-remediation')], 'migrate-after-remediation'],
    ['a part kept on Connect', [finding('device-writeback', 'keeps-part-on-connect', { part: 'device writeback' })], 'coexist'],
    ['one domain of two kept', [finding('domain-object-limit', 'keeps-domain-on-connect', { domains: ['a.example'] })], 'coexist'],
    [
      'every domain kept',
      [
        finding('domain-object-limit', 'keeps-domain-on-connect', { domains: ['a.example'] }),
        finding('domain-object-limit', 'keeps-domain-on-connect', { domains: ['b.example'] }),
      ],
      'stay-on-connect',
    ],
    ['a forest-wide blocker', [finding('custom-sync-rules', 'blocks-cloud-sync')], 'stay-on-connect'],
    [
      'a blocker outranks everything else',
      [
        finding('custom-sync-rules', 'blocks-cloud-sync'),
        finding('device-writeback', 'keeps-part-on-connect', { part: 'device writeback' }),
        finding('agent-ram', 'needs-remediation'),
      ],
      'stay-on-connect',
    ],
    [
      'coexistence outranks remediation',
      [finding('device-writeback', 'keeps-part-on-connect', { part: 'device writeback' }), finding('agent-ram', 'needs-remediation')],
      'coexist',
    ],
  ])('%s → %s', (_name, findings, verdict) => {
    expect(deriveVerdict(findings, DOMAINS).verdict).toBe(verdict);
  });

  it('waits for data an unknown could change the verdict with', () => {
    const d = deriveVerdict([unknown('custom-sync-rules', 'blocks-cloud-sync')], DOMAINS);
    expect(d.verdict).toBe('insufficient-data');
    expect(d.decidedBy).toEqual(['custom-sync-rules']);
    expect(d.reason).toContain('migrate-now into stay-on-connect');
    expect(d.reason).toContain('domains.users');
    expect(d.domains.map((x) => x.engine)).toEqual(['unknown', 'unknown']);
  });

  it('lets a known forest-wide blocker decide despite unknowns', () => {
    const d = deriveVerdict(
      [finding('entra-domain-services', 'blocks-cloud-sync'), unknown('domain-object-limit', 'keeps-domain-on-connect', ['a.example'])],
      DOMAINS,
    );
    expect(d.verdict).toBe('stay-on-connect');
    expect(d.decidedBy).toEqual(['entra-domain-services']);
    expect(d.domains.every((x) => x.engine === 'connect-sync')).toBe(true);
  });

  it('ignores unknowns that can only inform', () => {
    expect(deriveVerdict([unknown('pass-through-auth', 'informational')], DOMAINS).verdict).toBe('migrate-now');
  });

  it('ignores an unknown fixable item when remediation is already due', () => {
    const d = deriveVerdict([finding('agent-ram', 'needs-remediation'), unknown('agent-dotnet', 'needs-remediation')], DOMAINS);
    expect(d.verdict).toBe('migrate-after-remediation');
  });

  it('keeps coexist when an unknown could keep one more domain but not all', () => {
    const d = deriveVerdict(
      [finding('domain-object-limit', 'keeps-domain-on-connect', { domains: ['a.example'] }), unknown('domain-object-limit', 'keeps-domain-on-connect', ['b.example'])],
      [...DOMAINS, 'c.example'],
    );
    expect(d.verdict).toBe('coexist');
    expect(d.domains.map((x) => [x.domain, x.engine])).toEqual([
      ['a.example', 'connect-sync'],
      ['b.example', 'unknown'],
      ['c.example', 'cloud-sync'],
    ]);
  });

  it('waits when unknown domains could together keep every domain', () => {
    const d = deriveVerdict(
      [finding('domain-object-limit', 'keeps-domain-on-connect', { domains: ['a.example'] }), unknown('domain-object-limit', 'keeps-domain-on-connect', ['b.example'])],
      DOMAINS,
    );
    expect(d.verdict).toBe('insufficient-data');
    expect(d.reason).toContain('coexist into stay-on-connect');
  });

  it('names the parts that stay and the domains they belong to', () => {
    const d = deriveVerdict([finding('device-sync', 'keeps-part-on-connect', { part: 'devices (hybrid join)' })], DOMAINS);
    expect(d.reason).toBe('devices (hybrid join) must stay on Connect Sync while the rest moves to Cloud Sync; the two scopes must not overlap.');
    expect(d.domains.map((x) => x.partsOnConnect)).toEqual([['devices (hybrid join)'], ['devices (hybrid join)']]);
    expect(d.domains.map((x) => x.engine)).toEqual(['cloud-sync', 'cloud-sync']);
  });

  it('waits on a forest without domains', () => {
    expect(deriveVerdict([unknown('forest-without-domains', 'blocks-cloud-sync')], []).verdict).toBe('insufficient-data');
  });
});
