import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveRendererFile } from './static-files.js';

describe('serving the built renderer', () => {
  const root = mkdtempSync(join(tmpdir(), 'syncplan-static-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<html>');
  writeFileSync(join(root, 'assets', 'app.js'), '');
  writeFileSync(join(root, '..', 'secret.txt'), 'x');

  it('serves files inside the folder and index.html for routes', () => {
    expect(resolveRendererFile(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveRendererFile(root, '/decisions')).toBe(join(root, 'index.html'));
  });

  it('never serves anything outside the folder', () => {
    expect(resolveRendererFile(root, '/../secret.txt')).toBeNull();
    expect(resolveRendererFile(root, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveRendererFile(root, '/assets/missing.js')).toBeNull();
    expect(resolveRendererFile(root, '/%E0%A4%A')).toBeNull();
  });
});
