import { describe, expect, it } from 'vitest';
import { count, list } from './format.js';
import { compareVersions, parseVersion, schemaVersion, versionBelow, windowsRelease } from './versions.js';

describe('version reading', () => {
  it.each([
    ['2.5.79.0', [2, 5, 79, 0]],
    ['Microsoft Entra Connect 2.4.27.0', [2, 4, 27, 0]],
    ['.NET Framework 4.8', [4, 8]],
    ['latest', null],
    [null, null],
  ])('parseVersion(%j)', (text, parsed) => expect(parseVersion(text)).toEqual(parsed));

  it('compares part by part, missing parts as 0', () => {
    expect(compareVersions([4, 8], [4, 7, 1])).toBeGreaterThan(0);
    expect(compareVersions([4, 7, 1], [4, 7, 1, 0])).toBe(0);
    expect(compareVersions([1, 1, 977], [1, 1, 1107])).toBeLessThan(0);
    expect(versionBelow('2.5.79.0', '2.5.79.0')).toBe(false);
    expect(versionBelow('n/a', '2.5.79.0')).toBeNull();
  });

  it.each([
    ['Windows Server 2022 Datacenter', { kind: 'server', year: 2022, r2: false }],
    ['Microsoft Windows Server 2012 R2 Standard', { kind: 'server', year: 2012, r2: true }],
    ['WS2025', { kind: 'server', year: 2025, r2: false }],
    ['Windows 10 Enterprise', { kind: 'client' }],
    ['Ubuntu 22.04', { kind: 'other' }],
    ['Windows Server', null],
    ['', null],
  ])('windowsRelease(%j)', (os, release) => expect(windowsRelease(os)).toEqual(release));

  it.each([
    ['88', 88],
    ['87 (Windows Server 2016)', 87],
    ['Windows Server 2012 R2', 69],
    ['Windows Server 2008', 44],
    ['unknown', null],
  ])('schemaVersion(%j)', (text, version) => expect(schemaVersion(text)).toBe(version));
});

describe('message spelling', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [150_000, '150,000'],
    [1_234_567, '1,234,567'],
    [-2_500, '-2,500'],
    [2.5, '2.5'],
  ])('count(%d) = %s', (n, text) => expect(count(n)).toBe(text));

  it('joins lists the way a sentence does', () => {
    expect(list([])).toBe('');
    expect(list(['a'])).toBe('a');
    expect(list(['a', 'b'])).toBe('a and b');
    expect(list(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
