#!/usr/bin/env node
// The CLI is compiled to lib/ by the `prepare` script, which `npm ci` runs. main() answers every
// error itself (src/cli/main.ts); this catch is for a lib/ that cannot even be loaded.
require('../lib/cli/main.js')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`plan-tracker: ${(err && err.message) || err}\n`);
      process.exitCode = 2;
    },
  );
