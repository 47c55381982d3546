#!/usr/bin/env node
// `node scripts/parse-corpus.js record DIR` / `node scripts/parse-corpus.js compare DIR`: the JSON
// that `plan-tracker parse --json` prints for every plan the project keeps (test/fixtures/real,
// test/fixtures/plans, /work/shared/plans and its excerpts, the sample) and for the benchmark's
// large inputs (generated and real plans of 25 KB, 1 MB and 5 MB), written once before a change and
// compared byte for byte after it. A speed change to the parser must leave every byte as it was.
//
// The parser is compiled with the CLI's own settings into test/output/parse-corpus, and each file
// goes through the CLI's path: readPlanFile (decoding as the product does) and planJson.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const out = path.join(root, 'test', 'output', 'parse-corpus');

function compile() {
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.cli.json', '--outDir', path.join(out, 'lib')], {
    cwd: root,
    stdio: 'inherit',
  });
  // The benchmark's inputs come from bench/generate.ts, compiled where `npm run bench` puts it
  // (it finds the fixtures from there).
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.bench.json'], { cwd: root, stdio: 'inherit' });
}

function planFiles() {
  const dirs = [
    path.join(root, 'test', 'fixtures', 'real'),
    path.join(root, 'test', 'fixtures', 'plans'),
    '/work/shared/plans',
    '/work/shared/plans/excerpts',
  ];
  const files = [path.join(root, 'samples', 'nq28-nam-dinh.txt')];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (/\.(?:txt|docx)$/.test(f)) files.push(path.join(dir, f));
  }
  return files;
}

async function snapshots() {
  const { readPlanFile } = require(path.join(out, 'lib', 'app', 'plan-file.js'));
  const { planJson } = require(path.join(out, 'lib', 'cli', 'commands', 'parse.js'));
  const { parsePlan } = require(path.join(out, 'lib', 'plan', 'parse.js'));
  const gen = require(path.join(root, 'bench', 'out', 'bench', 'generate.js'));
  const result = new Map();
  for (const file of planFiles()) {
    const name = path.relative('/', file).replace(/[/\\]/g, '__');
    const loaded = await readPlanFile({
      name: path.basename(file),
      bytes: new Uint8Array(readFileSync(file)),
    });
    result.set(`${name}.json`, JSON.stringify(planJson(loaded.plan), null, 2) + '\n');
  }
  for (const [label, bytes] of [
    ['25KB', 25_000],
    ['1MB', 1_000_000],
    ['5MB', 5_000_000],
  ]) {
    result.set(
      `bench-generated-${label}.json`,
      JSON.stringify(planJson(parsePlan(gen.generatePlanText(bytes))), null, 1) + '\n',
    );
    result.set(
      `bench-real-${label}.json`,
      JSON.stringify(planJson(parsePlan(gen.realPlanText(bytes))), null, 1) + '\n',
    );
  }
  return result;
}

function accuracy() {
  const text = execFileSync(process.execPath, [path.join(root, 'scripts', 'accuracy.js'), '--verbose'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return text;
}

async function main() {
  const [mode, dirArg] = process.argv.slice(2);
  if ((mode !== 'record' && mode !== 'compare') || !dirArg) {
    console.error('usage: node scripts/parse-corpus.js record|compare DIR');
    process.exit(2);
  }
  const dir = path.resolve(dirArg);
  compile();
  const now = await snapshots();
  now.set('accuracy.txt', accuracy());
  if (mode === 'record') {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of now) writeFileSync(path.join(dir, name), text);
    console.log(`${now.size} files recorded in ${dir}`);
    return;
  }
  let differ = 0;
  const recorded = new Set(readdirSync(dir));
  for (const [name, text] of now) {
    if (!recorded.has(name)) {
      console.log(`new: ${name}`);
      differ++;
      continue;
    }
    recorded.delete(name);
    const before = readFileSync(path.join(dir, name), 'utf8');
    if (before !== text) {
      const a = before.split('\n');
      const b = text.split('\n');
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      console.log(
        `differs: ${name} (line ${i + 1})\n  before: ${(a[i] ?? '').slice(0, 300)}\n  after:  ${(b[i] ?? '').slice(0, 300)}`,
      );
      differ++;
    }
  }
  for (const name of recorded) {
    console.log(`missing: ${name}`);
    differ++;
  }
  console.log(differ === 0 ? `all ${now.size} outputs identical` : `${differ} of ${now.size} outputs differ`);
  process.exitCode = differ === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 2;
});
