import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../shared/result.js';

type Env = Record<string, string | undefined>;

/** Where Chromium, Chrome and Edge install themselves, most likely first. */
export function chromiumCandidates(platform: NodeJS.Platform, env: Env): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    const apps = [
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
      ['Chromium', 'Application', 'chrome.exe'],
    ];
    return apps.flatMap((app) => roots.map((root) => join(root, ...app)));
  }
  if (platform === 'darwin') {
    const bundles = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const folders = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
    return bundles.flatMap((bundle) => folders.map((folder) => `${folder}/${bundle}`));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
  ];
}

export function installAdvice(platform: NodeJS.Platform): string {
  const how =
    platform === 'win32' ? 'Install Google Chrome or Microsoft Edge'
    : platform === 'darwin' ? 'Install Google Chrome, Chromium or Microsoft Edge in Applications'
    : 'Install Chromium (Debian/Ubuntu: sudo apt-get install chromium; Fedora: sudo dnf install chromium) or Google Chrome';
  return `${how}, or set SYNCPLAN_CHROMIUM to the path of a Chromium-based browser.`;
}

/**
 * The browser that prints the PDF when Electron is not running: SYNCPLAN_CHROMIUM when set, else the
 * first of the usual install locations that exists. A clear error saying what to install otherwise.
 */
export function findChromium(env: Env = process.env, platform: NodeJS.Platform = process.platform, exists: (path: string) => boolean = existsSync): string {
  const chosen = env.SYNCPLAN_CHROMIUM?.trim();
  if (chosen) {
    if (!exists(chosen)) throw new UserError('no-browser', `SYNCPLAN_CHROMIUM is set to ${chosen}, but there is no such file. Point it at a Chromium, Chrome or Edge executable, or unset it.`);
    return chosen;
  }
  const candidates = chromiumCandidates(platform, env);
  const found = candidates.find((path) => exists(path));
  if (found) return found;
  throw new UserError(
    'no-browser',
    `No Chromium-based browser was found to print the PDF (looked for ${candidates.join(', ')}). ${installAdvice(platform)}`,
  );
}
