#!/usr/bin/env node
// `npm run accuracy`: compile the corpus scorer (and the parser it measures), then score the corpus.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const root = path.join(__dirname, '..');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.accuracy.json'], {
  cwd: root,
  stdio: 'inherit',
});
require('../test/output/accuracy/test/plan/accuracy/main.js').main(process.argv.slice(2));
