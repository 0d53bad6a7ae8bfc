import { describe, expect, it } from 'vitest';
import { formatCell, parseBool, parseChoice, parseCount, parseDecimal, parseDnsList } from './cells.js';

describe('template cell conventions', () => {
  it('reads booleans in any case, and refuses anything else with what to write instead', () => {
    expect(['TRUE', 'yes', '1', 'False', 'NO', '0'].map(parseBool)).toEqual([true, true, true, false, false, false].map((value) => ({ ok: true, value })));
    expect(parseBool('maybe')).toEqual({ ok: false, problem: '"maybe" is not a yes/no value (use true/false, yes/no or 1/0, or leave it empty)' });
  });

  it('reads counts with one consistent thousands separator, and refuses mixed ones, signs and fractions', () => {
    expect(['12500', '12,500', '12.500', '12 500', '1,234,567'].map((c) => parseCount(c))).toEqual(
      [12500, 12500, 12500, 12500, 1234567].map((value) => ({ ok: true, value })),
    );
    for (const bad of ['1,234.567', '-3', '2.5', '12,50', '1e3']) expect(parseCount(bad).ok, bad).toBe(false);
  });

  it('reads decimals with either mark, choices as the model spells them, and ;-lists of DNS names', () => {
    expect(parseDecimal('7,5')).toEqual({ ok: true, value: 7.5 });
    expect(parseChoice('MS-DS-CONSISTENCYGUID', ['ms-DS-ConsistencyGuid', 'objectGUID'])).toEqual({ ok: true, value: 'ms-DS-ConsistencyGuid' });
    expect(parseDnsList(' Contoso.com ; ;corp.contoso.com')).toEqual({ ok: true, value: ['contoso.com', 'corp.contoso.com'] });
    expect(parseDnsList('contoso.com;not a name')).toEqual({ ok: false, problem: '"not a name" is not a DNS name (letters, digits, "-" and "." only)' });
  });

  it('writes unknown as an empty cell and lists with ";"', () => {
    expect([formatCell(null), formatCell(false), formatCell(0), formatCell(['a.com', 'b.com'])]).toEqual(['', 'false', '0', 'a.com;b.com']);
  });
});
