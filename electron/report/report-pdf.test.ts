import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { openWorkshop, closeWorkshop, type Db } from '../store/workshop-db.js';
import { runImport } from '../import/run-import.js';
import { repoRoot, tempDir } from '../import/test-support/workshop.js';
import { launchChromiumPrinter } from './chromium-printer.js';
import { exportReportPdf, workshopReportInput } from './export-report.js';
import type { PdfPrinter } from './printer.js';
import { VERDICT_LABELS } from '../../shared/engine/labels.js';
import type { ReportOptions } from '../../shared/report/report-input.js';

/**
 * The sample workshop's report, printed by a real Chromium and read back with poppler's pdftotext and
 * pdfinfo, as a reader's PDF viewer would see it. The sample gets one hostile OU name.
 */
const HOSTILE_OU = 'OU=<img src=x onerror=alert(1)>,DC=contoso,DC=com';
const REQUEST = { date: '2026-11-30', today: '2027-01-04', appVersion: 'test' } as const;
const OPTIONS: ReportOptions = { customer: 'Fabrikam Group', author: 'Ada Architect', paper: 'a4' };

let dir: string;
let db: Db;
let printer: PdfPrinter;
let pdfPath: string;

const pdftotext = (path: string, ...args: string[]) => execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });
const pdfinfo = (path: string) => execFileSync('pdfinfo', [path], { encoding: 'utf8' });
/** Each page's orientation, from pdfinfo's page sizes. */
const pageSizes = (path: string) =>
  [...execFileSync('pdfinfo', ['-f', '1', '-l', '9999', path], { encoding: 'utf8' }).matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map(([, w, h]) =>
    Number(w) > Number(h) ? 'landscape' : 'portrait',
  );

beforeAll(async () => {
  dir = tempDir('syncplan-report-');
  const inputs = join(dir, 'inputs');
  mkdirSync(inputs);
  for (const file of readdirSync(join(repoRoot, 'resources', 'sample-workshop')).filter((f) => f.endsWith('.csv'))) {
    copyFileSync(join(repoRoot, 'resources', 'sample-workshop', file), join(inputs, file));
  }
  appendFileSync(join(inputs, 'ous.csv'), `contoso.com,"${HOSTILE_OU}",40,3,0,0,true\n`);
  ({ db } = await openWorkshop(join(dir, 'sample.syncplan'), { mode: 'create', name: 'Sample' }));
  await runImport(db, [inputs]);
  printer = await launchChromiumPrinter();
  pdfPath = join(dir, 'report.pdf');
  await exportReportPdf(db, { ...REQUEST, target: pdfPath, options: OPTIONS }, printer);
}, 120_000);

afterAll(async () => {
  await printer?.close();
  if (db) closeWorkshop(db);
});

describe('the sample workshop report as PDF', () => {
  it('names every forest, verdict, phase and date, and the hostile OU as plain text', () => {
    const text = pdftotext(pdfPath);
    const { plan, decisions } = workshopReportInput(db, { ...REQUEST, options: OPTIONS });
    for (const forest of decisions.forests) {
      expect(text).toContain(forest.forest);
      expect(text).toContain(VERDICT_LABELS[forest.verdict]);
    }
    for (const phase of plan.phases) {
      expect(text).toContain(phase.name);
      expect(text).toContain(phase.start);
      expect(text).toContain(phase.end);
    }
    expect(text).toContain(HOSTILE_OU);
    expect(text).toContain('Fabrikam Group');
    expect(text).toContain('Prepared by Ada Architect');
  });

  it('is a tagged A4 document of a sensible length with page numbers in every footer', () => {
    const info = pdfinfo(pdfPath);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    // Page 1 (above) is upright; only the topology drawing gets landscape pages.
    expect(pageSizes(pdfPath).filter((size) => size !== 'portrait')).toEqual(['landscape']);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(20);
    expect(pages).toBeLessThan(150);
    const last = pdftotext(pdfPath, '-f', String(pages), '-l', String(pages));
    expect(last).toContain(`Page ${pages} of ${pages}`);
    expect(last).toContain('Sign-off');
  });

  it('lists in its contents the page each chapter really starts on', () => {
    const contents = pdftotext(pdfPath, '-layout', '-f', '2', '-l', '2');
    const chapters = ['Executive summary', 'Topology', 'Decisions per forest', 'Timeline', 'Checklists and runbooks', 'Risks and rollback', 'Assumptions', 'Appendix: inventory', 'Sign-off'];
    for (const chapter of chapters) {
      const line = contents.split('\n').find((l) => l.trim().startsWith(chapter));
      const page = Number(/(\d+)\s*$/.exec(line ?? '')?.[1]);
      expect(page, chapter).toBeGreaterThan(2);
      const onPage = pdftotext(pdfPath, '-f', String(page), '-l', String(page)).split('\n').map((l) => l.trim());
      expect(onPage, `${chapter} on page ${page}`).toContain(chapter);
    }
  });

  it('has bookmarks for its chapters and forests', async () => {
    const document = await getDocumentProxy(new Uint8Array(readFileSync(pdfPath)));
    const outline = (await document.getOutline()) ?? [];
    const titles = (items: typeof outline): string[] => items.flatMap((i) => [i.title, ...titles(i.items)]);
    const all = titles(outline);
    expect(all).toEqual(expect.arrayContaining(['Contents', 'Executive summary', 'Timeline', 'Sign-off', 'woodgrovebank.com', 'contoso.com']));
    await document.loadingTask.destroy();
  });

  it('prints on Letter paper when asked, and leaves nothing but the PDF behind', async () => {
    const letter = join(dir, 'letter.pdf');
    await exportReportPdf(db, { ...REQUEST, target: letter, options: { ...OPTIONS, paper: 'letter' } }, printer);
    expect(pdfinfo(letter)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(pageSizes(letter).filter((size) => size !== 'portrait')).toEqual(['landscape']);
    const written = readdirSync(dir).filter((f) => !f.startsWith('sample.syncplan') && f !== 'inputs');
    expect(written.sort()).toEqual(['letter.pdf', 'report.pdf']);
  });
});
