/**
 * The import graph between the folders of src/: which folder imports which, how often, and the
 * cycles between folders. `node scripts/import-graph.js` prints it; test/architecture.test.ts
 * asserts on the same data, so the figures a review quotes and the rule the tests enforce are one.
 */
const fs = require('fs');
const path = require('path');

const SRC = path.join(__dirname, '..', 'src');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

// Static imports, re-exports, dynamic import() and require(); type-only imports count too: a
// type dependency is a dependency of the design even when the compiled code drops it.
const IMPORT =
  /(?:\bfrom\s+|\bimport\s*\(\s*(?:\/\*[^*]*\*\/\s*)?|\brequire\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function importsOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1]);
}

/** The top folder under src/ a file lives in. */
function folderOf(file, src = SRC) {
  return path.relative(src, file).split(path.sep)[0];
}

/**
 * Every import of every source file: { file, folder, spec, target } where target is the src/
 * folder an import resolves into ("src:model") or the package it names ("package:react").
 */
function imports(src = SRC) {
  return sourceFiles(src).flatMap((file) =>
    importsOf(file).map((spec) => {
      const target = spec.startsWith('.')
        ? `src:${path.relative(src, path.resolve(path.dirname(file), spec)).split(path.sep)[0]}`
        : `package:${spec}`;
      return { file: path.relative(src, file), folder: folderOf(file, src), spec, target };
    }),
  );
}

/** "from → to" → number of import statements, between different folders of src/. */
function folderPairs(src = SRC) {
  const pairs = new Map();
  for (const i of imports(src)) {
    if (!i.target.startsWith('src:')) continue;
    const to = i.target.slice(4);
    if (to === i.folder) continue;
    const key = `${i.folder} → ${to}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  return new Map([...pairs.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** Elementary cycles between folders (each reported once, starting at its smallest folder). */
function folderCycles(src = SRC) {
  const edges = new Map();
  for (const key of folderPairs(src).keys()) {
    const [from, to] = key.split(' → ');
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(to);
  }
  const cycles = [];
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])])].sort();
  const walk = (start, node, trail) => {
    for (const next of edges.get(node) ?? []) {
      if (next === start) cycles.push([...trail, start].join(' → '));
      else if (next > start && !trail.includes(next)) walk(start, next, [...trail, next]);
    }
  };
  for (const n of nodes) walk(n, n, [n]);
  return cycles;
}

module.exports = { SRC, sourceFiles, importsOf, imports, folderPairs, folderCycles };

if (require.main === module) {
  const pairs = folderPairs();
  console.log('Imports between folders of src/ (import statements):');
  for (const [pair, n] of pairs) console.log(`  ${pair.padEnd(24)} ${String(n).padStart(4)}`);
  const cycles = folderCycles();
  console.log(`\nCycles between folders: ${cycles.length}`);
  for (const c of cycles) console.log(`  ${c}`);
}
