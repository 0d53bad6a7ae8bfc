import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'stream', 'url', 'util', 'worker_threads', 'zlib', 'readline', 'events', 'buffer'];
const nodeOnlyPackages = ['better-sqlite3', 'iconv-lite', 'fast-xml-parser', 'tsx', 'tsx/*'];
const restrict = (groups, message) => ({ group: groups, message });
/** `electron` and every subpath of it (`electron/main`, `electron/renderer`, ...), but not our own electron/ folder. */
const electronModule = (message) => ({ regex: '^electron(/.*)?$', message });

/**
 * Layering is enforced here and by the per-layer TypeScript projects (tsconfig.*.json): shared/ is pure
 * (no Node, DOM or Electron), renderer/ has no Node or Electron, and only the shell files in
 * electron/main and electron/preload import `electron` or any of its subpaths. Node's globals are given
 * only to code that runs in Node.
 */
export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.native/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [electronModule('Only electron/main and electron/preload may import electron.')] }],
    },
  },
  {
    files: ['electron/**', 'e2e/**', 'bench/**', 'scripts/**', 'bin/**', '*.config.{js,ts}', 'vitest.global-setup.ts', '**/*.test.{ts,tsx}', '**/test-support/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronModule('shared/ is pure: no Electron.'),
            restrict(nodeBuiltins, 'shared/ is pure: no Node built-ins.'),
            restrict(nodeOnlyPackages, 'shared/ is pure: no Node-only packages.'),
            restrict(['react', 'react-dom', 'react-dom/*', '**/renderer/**', '**/electron/**'], 'shared/ depends on nothing outside shared/.'),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', '__dirname', 'localStorage', 'navigator'],
    },
  },
  {
    files: ['shared/**/*.test.ts', 'shared/**/test-support/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronModule('renderer/ talks to main only through the preload API.'),
            restrict(nodeBuiltins, 'renderer/ runs in a sandboxed page: no Node.'),
            restrict(nodeOnlyPackages, 'renderer/ runs in a sandboxed page: no Node-only packages.'),
            restrict(['**/electron/**'], 'renderer/ reaches main only through the API in renderer/src/api.'),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname', 'Buffer'],
    },
  },
);
