import { describe, expect, it } from 'vitest';
import type { ForestDecision } from '../../../../shared/engine/decision-schema';
import type { ForestHighlight } from './ForestCard';
import { verdictChanges } from './highlights';

const decision = (forest: string, verdict: ForestDecision['verdict']) => ({ forest, verdict }) as ForestDecision;
const highlight = (verdictWas: ForestHighlight['verdictWas']): ForestHighlight => ({ verdictWas, newFindings: new Set(), changedDomains: new Set() });

describe('the announcement of verdict changes', () => {
  it('names every forest whose verdict changed, in the order of the cards, and nothing else', () => {
    const forests = [decision('a.com', 'migrate-now'), decision('b.com', 'coexist'), decision('c.com', 'stay-on-connect')];
    const highlights = new Map([
      ['c.com', highlight('coexist')],
      ['a.com', highlight('migrate-after-remediation')],
      ['b.com', highlight(null)],
    ]);
    expect(verdictChanges(highlights, forests)).toBe('a.com: now Migrate now, was Migrate after remediation. c.com: now Stay on Connect Sync, was Coexist.');
    expect(verdictChanges(new Map([['b.com', highlight(null)]]), forests)).toBe('');
  });
});
