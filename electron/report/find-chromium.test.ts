import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium } from './find-chromium.js';
import { chromiumArgs } from './chromium-printer.js';

describe('finding a browser to print with', () => {
  it('takes SYNCPLAN_CHROMIUM first, then the usual install locations', () => {
    const present = new Set(['/opt/chrome/chrome', '/usr/bin/google-chrome']);
    const exists = (p: string) => present.has(p);
    expect(findChromium({ SYNCPLAN_CHROMIUM: '/opt/chrome/chrome' }, 'linux', exists)).toBe('/opt/chrome/chrome');
    expect(findChromium({}, 'linux', exists)).toBe('/usr/bin/google-chrome');
  });

  it('knows where Chrome and Edge live on Windows and macOS', () => {
    const windows = chromiumCandidates('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' });
    expect(windows.some((p) => p.endsWith('Google/Chrome/Application/chrome.exe') || p.endsWith('Google\\Chrome\\Application\\chrome.exe'))).toBe(true);
    expect(windows.some((p) => p.includes('msedge.exe'))).toBe(true);
    expect(chromiumCandidates('darwin', { HOME: '/Users/ada' })).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('says what to install when there is none, and when SYNCPLAN_CHROMIUM points nowhere', () => {
    expect(() => findChromium({}, 'linux', () => false)).toThrow(/No Chromium-based browser was found.*apt-get install chromium.*SYNCPLAN_CHROMIUM/);
    expect(() => findChromium({}, 'win32', () => false)).toThrow(/Install Google Chrome or Microsoft Edge/);
    expect(() => findChromium({ SYNCPLAN_CHROMIUM: '/nope' }, 'linux', () => false)).toThrow(/SYNCPLAN_CHROMIUM is set to \/nope/);
  });

  it('keeps the browser headless, off the network, on a throwaway profile, sandboxed unless root', () => {
    const args = chromiumArgs('/tmp/profile', false);
    expect(args).toEqual(expect.arrayContaining(['--headless', '--remote-debugging-pipe', '--user-data-dir=/tmp/profile', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu']));
    expect(args).not.toContain('--no-sandbox');
    expect(chromiumArgs('/tmp/profile', true)).toContain('--no-sandbox');
  });
});
