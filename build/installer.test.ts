import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { build, Platform, type Configuration } from 'electron-builder';

const root = resolve(import.meta.dirname, '..');
const PREBUILD_TARGETS = ['linux-x64', 'linux-arm64', 'win32-x64', 'win32-arm64', 'darwin-x64', 'darwin-arm64'];

const pngSize = (path: string) => {
  const header = readFileSync(path).subarray(0, 24);
  expect(header.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
};

async function builderConfig(): Promise<Configuration> {
  return getConfig(root, null, null);
}

describe('the installer configuration (electron-builder.yml)', () => {
  it('is valid for electron-builder and builds NSIS, dmg, AppImage and deb', async () => {
    const config = await builderConfig();
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.appId).toBe('com.syncplan.app');
    expect(config.productName).toBe('SyncPlan');
    expect(config.copyright).toMatch(/SyncPlan/);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('keeps native addons out of app.asar, and ships exactly one SQLite driver build per target', async () => {
    const config = await builderConfig();
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
    const prebuilds = readdirSync(join(root, 'node_modules', 'better-sqlite3', 'prebuilds'));
    for (const target of PREBUILD_TARGETS) expect(prebuilds).toContain(`${target}.node`);
    const patterns = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    expect(patterns).toContain('!node_modules/better-sqlite3/prebuilds/!(${platform}-${arch}).node');
  });

  it('associates .syncplan files with SyncPlan so a double-click opens the workshop', async () => {
    const config = await builderConfig();
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'syncplan', name: 'SyncPlan workshop', role: 'Editor', mimeType: 'application/x-syncplan-workshop' }),
    ]);
    expect(config.linux?.mimeTypes).toContain('application/x-syncplan-workshop');
  });

  it('has the icons it names, drawn from build/icon.svg in the sizes each platform needs', async () => {
    const config = await builderConfig();
    const resources = join(root, config.directories?.buildResources ?? 'build');
    expect(existsSync(join(resources, 'icon.svg'))).toBe(true);
    for (const icon of [config.win?.icon, config.mac?.icon]) {
      expect(icon).toBeTruthy();
      // electron-builder derives .ico and .icns from a PNG of at least 512 px (macOS wants 1024).
      expect(pngSize(join(resources, icon as string))).toEqual({ width: 1024, height: 1024 });
    }
    const linuxIcons = join(resources, config.linux?.icon as string);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(join(linuxIcons, `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('gives the desktop entry its categories and installs the command line with the deb', async () => {
    const config = await builderConfig();
    expect(config.linux?.executableName).toBe('syncplan');
    expect(String(config.linux?.desktop?.entry?.Categories)).toMatch(/^Office;/);
    const afterInstall = readFileSync(join(root, config.deb?.afterInstall as string), 'utf8');
    expect(afterInstall).toContain("CLI='/opt/${sanitizedProductName}/resources/bin/syncplan'");
    expect(afterInstall).toContain("'/usr/bin/syncplan'");
    const afterRemove = readFileSync(join(root, config.deb?.afterRemove as string), 'utf8');
    expect(afterRemove).toContain('/resources/bin/syncplan');
    for (const platform of [config.linux, config.mac, config.win]) {
      for (const entry of (platform?.extraResources ?? []) as { from: string; to: string }[]) {
        expect(existsSync(join(root, entry.from)), entry.from).toBe(true);
      }
    }
  });
});

describe('the packaged app (Linux, with a stand-in for the Electron binary)', () => {
  it.skipIf(process.platform !== 'linux')(
    'carries the built main, CLI and renderer in app.asar, its SQLite driver unpacked beside it, and the syncplan launcher',
    async () => {
      const work = mkdtempSync(join(tmpdir(), 'syncplan-package-'));
      // electron-builder copies an unpacked Electron; this machine cannot download one, and the layout is
      // what is checked here, so an empty executable stands in for it.
      const electronDist = join(work, 'electron-dist');
      mkdirSync(electronDist);
      writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\n');
      chmodSync(join(electronDist, 'electron'), 0o755);
      await build({
        projectDir: root,
        targets: Platform.LINUX.createTarget('dir'),
        config: { electronDist, directories: { output: join(work, 'dist') } },
      });
      const unpacked = join(work, 'dist', 'linux-unpacked');
      const resources = join(unpacked, 'resources');
      const asar = createRequire(join(root, 'package.json'))('@electron/asar') as { listPackage(path: string): string[] };
      const files = asar.listPackage(join(resources, 'app.asar')).map((p) => p.replace(/\\/g, '/'));
      for (const file of ['/out/main/index.cjs', '/out/main/cli.cjs', '/out/preload/index.cjs', '/out/renderer/index.html', '/bin/syncplan.cjs', '/package.json']) {
        expect(files).toContain(file);
      }
      expect(files.filter((f) => f.includes('better-sqlite3/deps/') || f.includes('better-sqlite3/src/'))).toEqual([]);
      const addons = readdirSync(join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds'));
      expect(addons).toEqual([`${process.platform}-${process.arch}.node`]);
      expect(statSync(join(unpacked, 'syncplan')).isFile()).toBe(true);
      const launcher = join(resources, 'bin', 'syncplan');
      expect(statSync(launcher).mode & 0o111).not.toBe(0);
      expect(readFileSync(launcher, 'utf8')).toContain('ELECTRON_RUN_AS_NODE=1 exec "$app" "$resources/app.asar/bin/syncplan.cjs"');
      expect(readdirSync(join(resources, 'sample-workshop')).filter((f) => f.endsWith('.csv')).length).toBeGreaterThan(0);
    },
    120_000,
  );
});
