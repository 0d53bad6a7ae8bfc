import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

/**
 * `npm run icons`: draws build/icon.svg into the PNG sizes electron-builder needs: build/icon.png
 * (1024 px; electron-builder derives the Windows .ico and macOS .icns from it) and build/icons/<N>x<N>.png
 * for the Linux desktop entry. Rendered by Chromium (SYNCPLAN_CHROMIUM or /usr/bin/chromium) on a
 * transparent background.
 */
const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'build', 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.SYNCPLAN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const render = async (size: number, path: string) => {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`wrote ${path}`);
  };
  mkdirSync(join(root, 'build', 'icons'), { recursive: true });
  await render(1024, join(root, 'build', 'icon.png'));
  for (const size of LINUX_ICON_SIZES) await render(size, join(root, 'build', 'icons', `${size}x${size}.png`));
} finally {
  await browser.close();
}
