#!/usr/bin/env node
// The `syncplan` command: runs the CLI that `npm run build` compiles to out/main/cli.cjs (no TypeScript
// loader at run time). The packaged app runs the same file (see build/linux/syncplan).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const REQUIRED_NODE_MAJOR = 24;
const major = Number(process.versions.node.split('.')[0]);
// better-sqlite3 13 crashes older Node.js with a segmentation fault instead of an error message.
if (major < REQUIRED_NODE_MAJOR && !process.versions.electron) {
  process.stderr.write(`syncplan: needs Node.js ${REQUIRED_NODE_MAJOR} or later; this is Node.js ${process.versions.node}.\n`);
  process.exit(1);
}
const cli = join(__dirname, '..', 'out', 'main', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write(`syncplan: the command line is not built yet; run \`npm run build\` in ${join(__dirname, '..')}.\n`);
  process.exit(1);
}
// `syncplan show w.syncplan --json | head` closes the pipe early: the reader has what it wanted, which
// is no error of ours, and the stack trace Node would print for it is noise.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 1));
}
require(cli)
  .runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() })
  .then((code) => {
    process.exitCode = code;
  });
