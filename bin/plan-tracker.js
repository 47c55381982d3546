#!/usr/bin/env node
// The CLI is compiled to lib/ by the `prepare` script, which `npm ci` runs.
require('../lib/cli/main.js').main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(String((err && err.stack) || err) + '\n');
    process.exitCode = 2;
  },
);
