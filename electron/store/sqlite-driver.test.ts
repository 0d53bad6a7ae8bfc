import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const outMain = join(root, 'out', 'main');

/** The built main process, as Electron loads it (vitest's global setup builds out/). */
function mainBundleFiles(): string[] {
  return readdirSync(outMain, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.cjs'))
    .map((f) => join(outMain, f));
}

describe('the SQLite driver', () => {
  it('is required by the built main process from node_modules, never bundled into it', () => {
    const sources = mainBundleFiles().map((file) => readFileSync(file, 'utf8'));
    expect(sources.some((source) => source.includes('require("better-sqlite3")'))).toBe(true);
    expect(sources.some((source) => source.includes('getPrebuildPath'))).toBe(false);
  });

  it('loads through the module path the Electron main uses, as the one Node-API prebuild of this platform', () => {
    const requireFromMain = createRequire(join(outMain, 'index.cjs'));
    expect(requireFromMain.resolve('better-sqlite3')).toBe(join(root, 'node_modules', 'better-sqlite3', 'lib', 'index.js'));
    const Database = requireFromMain('better-sqlite3') as typeof import('better-sqlite3');
    const db = new Database(':memory:');
    expect((db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v).toMatch(/^3\.\d+/);
    db.close();
    const addons = Object.keys(requireFromMain.cache).filter((file) => file.endsWith('.node'));
    expect(addons).toEqual([join(root, 'node_modules', 'better-sqlite3', 'prebuilds', `${process.platform}-${process.arch}.node`)]);
  });

  it('needs no TypeScript loader at run time: tsx is a development dependency only', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(packageJson.dependencies)).not.toContain('tsx');
    expect(lock.packages['node_modules/tsx']?.dev).toBe(true);
  });
});
