import { test as base, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { startHarnessProcess, tempDir, type HarnessProcess } from './harness';

export { expect, type Page } from '@playwright/test';

export type StartHarness = (...args: Parameters<typeof startHarnessProcess>) => Promise<HarnessProcess>;

/** The fixtures a test hands to a helper that starts the app for it. */
export interface AppFixtures {
  page: Page;
  startHarness: StartHarness;
  scratchDir: (prefix: string) => string;
}

/**
 * What every e2e test needs beside its page, cleaned up when it ends, passed or failed:
 * - `scratchDir(prefix)`: a temporary folder (a harness's data, generated CSVs), removed afterwards;
 * - `startHarness(dataDir, …)`: a harness process on those files, stopped afterwards (before the folders
 *   go). A test may stop one and start another on the same files, as a user reopens the app.
 */
export const test = base.extend<Omit<AppFixtures, 'page'>>({
  // Playwright reads a fixture's dependencies from its first parameter, which must be a destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  scratchDir: async ({}, use) => {
    const dirs: string[] = [];
    await use((prefix) => {
      const dir = tempDir(prefix);
      dirs.push(dir);
      return dir;
    });
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  },
  // Set up after scratchDir, so torn down before it: harnesses stop before their folders are removed.
  startHarness: async ({ scratchDir: _scratch }, use) => {
    const started: HarnessProcess[] = [];
    await use(async (...args) => {
      const harness = await startHarnessProcess(...args);
      started.push(harness);
      return harness;
    });
    for (const harness of started) await harness.stop();
  },
});
