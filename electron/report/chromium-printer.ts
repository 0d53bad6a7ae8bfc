import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { UserError } from '../../shared/result.js';
import { PAGE_MARGINS, PAPER_SIZES } from '../../shared/report/page-setup.js';
import { CdpPipe } from './cdp-pipe.js';
import { findChromium } from './find-chromium.js';
import { printFeatures, type PdfPrinter, type PrintJob } from './printer.js';

/** Flags that keep the browser off the network and free of first-run work; it only lays out a local file. */
export function chromiumArgs(userDataDir: string, runningAsRoot: boolean): string[] {
  return [
    '--headless',
    '--remote-debugging-pipe',
    `--user-data-dir=${userDataDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-default-apps',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--mute-audio',
    // Chromium's sandbox cannot start as root; everyone else keeps it.
    ...(runningAsRoot ? ['--no-sandbox'] : []),
    'about:blank',
  ];
}

/** Page.printToPDF parameters for a job: paper, margins, running header and footer, tags and outline. */
export function printToPdfParams(job: PrintJob): Record<string, unknown> {
  const paper = PAPER_SIZES[job.paper];
  return {
    paperWidth: paper.width,
    paperHeight: paper.height,
    marginTop: PAGE_MARGINS.top,
    marginBottom: PAGE_MARGINS.bottom,
    marginLeft: PAGE_MARGINS.left,
    marginRight: PAGE_MARGINS.right,
    ...printFeatures(job),
    transferMode: 'ReturnAsStream',
  };
}

const PRINT_TIMEOUT_MS = 10 * 60_000;
const STREAM_CHUNK = 4 * 1024 * 1024;

/**
 * A headless Chromium found on the machine, driven over the DevTools protocol. One browser process
 * serves every print of a printer (the report is printed twice: once to find the pages of its
 * sections, once with the page numbers in the contents), with a throwaway profile removed on close.
 */
export async function launchChromiumPrinter(options: { executable?: string } = {}): Promise<PdfPrinter> {
  const executable = options.executable ?? findChromium();
  const workDir = mkdtempSync(join(tmpdir(), 'syncplan-print-'));
  const runningAsRoot = process.getuid?.() === 0;
  let child: ChildProcess;
  try {
    child = spawn(executable, chromiumArgs(join(workDir, 'profile'), runningAsRoot), {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw new UserError('browser-failed', `Could not start ${executable} to print the PDF: ${(error as Error).message}`);
  }
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cdp = new CdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const failure = (what: string) => new UserError('browser-failed', `${executable} ${what}. ${stderrTail.trim().split('\n').slice(-3).join(' ')}`.trim());
  child.once('error', (error) => cdp.fail(failure(`could not be started (${error.message})`)));
  child.once('exit', (code, signal) => cdp.fail(failure(`stopped while printing (exit ${code ?? signal})`)));

  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await cdp.send('Browser.close', {}, { timeoutMs: 5_000 }).catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(workDir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await cdp.send('Browser.getVersion');
  } catch (error) {
    await close();
    throw error instanceof UserError ? error : failure(`did not start: ${(error as Error).message}`);
  }

  let jobs = 0;
  return {
    async print(job) {
      const file = join(workDir, `report-${++jobs}.html`);
      writeFileSync(file, job.html);
      const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
      try {
        const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
        const on = { sessionId };
        await cdp.send('Page.enable', {}, on);
        // The report has no scripts; refusing them anyway keeps an escaping mistake from ever running code.
        await cdp.send('Emulation.setScriptExecutionDisabled', { value: true }, on);
        const loaded = cdp.once('Page.loadEventFired', sessionId);
        const navigation = (await cdp.send('Page.navigate', { url: pathToFileURL(file).href }, on)) as { errorText?: string };
        if (navigation.errorText) throw new UserError('browser-failed', `The browser could not open the report: ${navigation.errorText}`);
        await loaded;
        const { stream } = (await cdp.send('Page.printToPDF', printToPdfParams(job), { ...on, timeoutMs: PRINT_TIMEOUT_MS })) as { stream: string };
        const chunks: Buffer[] = [];
        for (;;) {
          const read = (await cdp.send('IO.read', { handle: stream, size: STREAM_CHUNK }, on)) as { data: string; base64Encoded?: boolean; eof: boolean };
          chunks.push(Buffer.from(read.data, read.base64Encoded ? 'base64' : 'utf8'));
          if (read.eof) break;
        }
        await cdp.send('IO.close', { handle: stream }, on);
        return new Uint8Array(Buffer.concat(chunks));
      } finally {
        await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
        rmSync(file, { force: true });
      }
    },
    close,
  };
}
