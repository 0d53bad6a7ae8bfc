import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';

/**
 * The layers hold because lint and the per-layer TypeScript projects refuse what crosses them. These
 * fixtures cross them on purpose, each beside a control that differs only in where it lives, so a
 * failure means the rule, not a broken fixture.
 */
const repoRoot = resolve(import.meta.dirname, '..');

async function lintErrors(code: string, path: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, path) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

/** Type errors of one file, placed at `path` and compiled with the options of a layer's project. */
function typeErrors(project: string, path: string, code: string): string[] {
  const configPath = join(repoRoot, project);
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error(`cannot read ${project}`);
  const file = join(repoRoot, path);
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (resolve(name) === file ? code : readFile(name));
  host.fileExists = ((exists) => (name: string) => resolve(name) === file || exists(name))(host.fileExists.bind(host));
  const program = ts.createProgram({ rootNames: [file], options: config.options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || resolve(d.file.fileName) === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('lint keeps Electron in the shell', () => {
  const appFromMain = "import { app } from 'electron/main';\nexport const name = app.getName();\n";

  it("refuses `import { app } from 'electron/main'` in electron/store/, and allows it in electron/main/", async () => {
    expect(await lintErrors(appFromMain, 'electron/store/fixture.ts')).toEqual([
      expect.stringContaining('no-restricted-imports: ') as unknown as string,
    ]);
    expect(await lintErrors(appFromMain, 'electron/main/fixture.ts')).toEqual([]);
  });

  it('refuses electron and its subpaths in shared/ and renderer/, but not our own electron/ folder from tools', async () => {
    expect((await lintErrors("import { ipcRenderer } from 'electron/renderer';\nexport { ipcRenderer };\n", 'renderer/src/fixture.ts')).join('\n')).toContain(
      'renderer/ talks to main only through the preload API',
    );
    expect(await lintErrors("import { app } from 'electron';\nexport { app };\n", 'shared/fixture.ts')).toEqual([
      'no-restricted-imports: \'electron\' import is restricted from being used by a pattern. shared/ is pure: no Electron.',
    ]);
    expect(await lintErrors("import { startHarness } from '../electron/harness/server.js';\nexport { startHarness };\n", 'scripts/fixture.ts')).toEqual([]);
  });

  it('gives Node globals to Node code only', async () => {
    expect(await lintErrors('export const cwd = process.cwd();\n', 'shared/fixture.ts')).toHaveLength(1);
    expect(await lintErrors('export const cwd = process.cwd();\n', 'renderer/src/fixture.ts')).toHaveLength(1);
    expect(await lintErrors('export const cwd = process.cwd();\n', 'electron/store/fixture.ts')).toEqual([]);
  });
});

describe('each layer compiles without the other runtimes', () => {
  const buffer = "export const bytes = Buffer.from('SYNP');\n";
  const dom = "export const title = document.title;\n";

  it('`Buffer` in shared/ fails the typecheck; in electron/ it compiles', () => {
    expect(typeErrors('tsconfig.shared.json', 'shared/fixture.ts', buffer)).toEqual([expect.stringContaining("Cannot find name 'Buffer'")]);
    expect(typeErrors('tsconfig.electron.json', 'electron/store/fixture.ts', buffer)).toEqual([]);
  });

  it('the DOM is missing from shared/ and electron/, and there in renderer/', () => {
    expect(typeErrors('tsconfig.shared.json', 'shared/fixture.ts', dom)).toEqual([expect.stringContaining("Cannot find name 'document'")]);
    expect(typeErrors('tsconfig.electron.json', 'electron/store/fixture.ts', dom)).toEqual([expect.stringContaining("Cannot find name 'document'")]);
    expect(typeErrors('tsconfig.renderer.json', 'renderer/src/fixture.ts', dom)).toEqual([]);
  });

  it('Node is missing from renderer/', () => {
    expect(typeErrors('tsconfig.renderer.json', 'renderer/src/fixture.ts', "export const home = process.env.HOME;\n")).toEqual([
      expect.stringContaining("Cannot find name 'process'"),
    ]);
  });
});
