#!/usr/bin/env node
// `npm run bench`: compile the TypeScript benchmarks (and the code they measure) then run them.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const root = path.join(__dirname, '..');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.bench.json'], {
  cwd: root,
  stdio: 'inherit',
});
require('./out/bench/main.js')
  .main(process.argv.slice(2))
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
