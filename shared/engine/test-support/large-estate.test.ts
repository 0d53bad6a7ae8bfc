import { describe, expect, it } from 'vitest';
import { defaultAssumptions } from '../../model/assumptions.js';
import { decide } from '../decide.js';
import { generateLargeEstate } from './large-estate.js';
import { dnKey } from '../../model/distinguished-name.js';

describe('generateLargeEstate', () => {
  const options = { forests: 200, domainsPerForest: 10, ousPerDomain: 50 };
  const estate = generateLargeEstate(options);

  it('has the requested size', () => {
    expect(estate.forests).toHaveLength(200);
    expect(estate.domains).toHaveLength(2_000);
    expect(estate.ous).toHaveLength(100_000);
  });

  it('names every OU once, as a workshop file stores them', () => {
    expect(new Set(estate.ous.map((o) => dnKey(o.distinguishedName))).size).toBe(estate.ous.length);
  });

  it('is the same on every call', () => {
    expect(generateLargeEstate(options)).toEqual(estate);
  });

  it('reaches every verdict', () => {
    const verdicts = new Set(decide(estate, defaultAssumptions()).forests.map((f) => f.verdict));
    expect([...verdicts].sort()).toEqual(['coexist', 'insufficient-data', 'migrate-after-remediation', 'migrate-now', 'stay-on-connect']);
  });
});
