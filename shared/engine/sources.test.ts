import { describe, expect, it } from 'vitest';
import { defaultAssumptions } from '../model/assumptions.js';
import { decide } from './decide.js';
import { ESTATE_RULES, LINKED_RULES, RULES } from './rules/index.js';
import { PAGES, pageUrl, SOURCES_CHECKED, sourceRef, type Page } from './sources.js';
import { generateLargeEstate } from './test-support/large-estate.js';

const LEARN = /^https:\/\/learn\.microsoft\.com\/en-us\/entra\/identity\/[a-z0-9/-]+$/;

describe('sources registry', () => {
  it('resolves every page a rule cites to a page on learn.microsoft.com, with a title', () => {
    const used = new Set<Page>([...RULES, ...LINKED_RULES, ...ESTATE_RULES].flatMap((r) => [...r.sources]));
    expect(used.size).toBeGreaterThan(10);
    for (const id of used) {
      expect(PAGES[id], id).toBeDefined();
      expect(pageUrl(id), id).toMatch(LEARN);
      expect(sourceRef(id).title.length, id).toBeGreaterThan(10);
    }
  });

  it('gives every registered page a URL on Microsoft Learn and a date that is a date or null', () => {
    for (const id of Object.keys(PAGES) as Page[]) {
      const ref = sourceRef(id);
      expect(ref.url, id).toMatch(LEARN);
      if (ref.date !== null) expect(ref.date, id).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(ref.checked).toBe(SOURCES_CHECKED);
    }
  });

  it('carries { id, title, url, date } on every finding of a large estate, matching its short source text', () => {
    const result = decide(generateLargeEstate({ forests: 20, domainsPerForest: 3, ousPerDomain: 5 }), defaultAssumptions());
    const findings = [...result.forests.flatMap((f) => f.findings), ...result.estate.findings];
    expect(findings.length).toBeGreaterThan(100);
    for (const f of findings) {
      expect(f.sources.length, f.rule).toBeGreaterThan(0);
      for (const s of f.sources) {
        expect(s.url).toMatch(LEARN);
        expect(f.source).toContain(s.id);
      }
    }
  });
});
