import { describe, expect, it } from 'vitest';
import { describeImpact } from './impact-text.js';

describe('what a deletion takes with it', () => {
  it('names each kind of row once, with its count', () => {
    expect(
      describeImpact([
        { table: 'domains', op: 'delete', rows: 3 },
        { table: 'ous', op: 'delete', rows: 1_204 },
        { table: 'agents', op: 'delete', rows: 1 },
        { table: 'connect_servers', op: 'update', rows: 1 },
        { table: 'forests', op: 'update', rows: 2 },
      ]),
    ).toEqual(['3 domains', '1,204 OUs', '1 agent host', '1 Connect server no longer syncs it', '2 forests lose their tenant']);
  });

  it('says nothing for a deletion that takes nothing else', () => {
    expect(describeImpact([])).toEqual([]);
  });
});
