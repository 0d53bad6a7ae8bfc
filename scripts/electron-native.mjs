#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .native/, beside (never over) the Node build in
// node_modules that the tests and the CLI use. The app loads it through better-sqlite3's
// `nativeBinding` option, so `npm test` and `npm start` both work from one checkout.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

const electronPkg = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'));
const version = electronPkg.version;
const target = join(root, '.native', 'electron');
const addon = join(target, 'better_sqlite3.node');
const stampFile = join(target, 'built-for.txt');
const stamp = `${version} ${process.platform} ${process.arch}`;

if (existsSync(addon) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'syncplan-native-'));
const copy = join(work, 'better-sqlite3');
cpSync(source, copy, { recursive: true, filter: (p) => !p.includes(`${join(source, 'build')}`) });

// A machine-wide nodedir (set on some build hosts) would silently build against Node's headers instead.
const env = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir')), npm_config_nodedir: '' };
const run = (command, args) => spawnSync(command, args, { cwd: copy, env, stdio: 'inherit', shell: process.platform === 'win32' });
console.log(`SyncPlan: preparing better-sqlite3 for Electron ${version} (one time)…`);

// A prebuilt binary first (fast, needs the internet), then a source build against Electron's headers.
const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
let result = run(process.execPath, [prebuild, '--runtime', 'electron', '--target', version, '--arch', process.arch]);
if (result.status !== 0) {
  const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8', shell: process.platform === 'win32' }).stdout.trim();
  const gyp = process.env.npm_config_node_gyp ?? join(npmRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const gypArgs = ['rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'];
  result = run(process.execPath, [gyp, ...gypArgs]);
}
const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
if (result.status !== 0 || !existsSync(built)) {
  console.error('SyncPlan: could not build better-sqlite3 for Electron. Check the internet connection and a C++ toolchain, then run `npm start` again.');
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
mkdirSync(target, { recursive: true });
copyFileSync(built, addon);
writeFileSync(stampFile, stamp);
rmSync(work, { recursive: true, force: true });
console.log(`SyncPlan: Electron build of better-sqlite3 ready at ${addon}`);
