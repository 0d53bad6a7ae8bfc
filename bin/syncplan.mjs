#!/usr/bin/env node
// The `syncplan` command: loads the TypeScript CLI through tsx so `npx syncplan` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
