import * as fs from 'fs';
import * as path from 'path';
import { COLUMNS } from '../src/model/columns';

// The same graph `node scripts/import-graph.js` prints.
const graph = require('../scripts/import-graph.js') as {
  SRC: string;
  sourceFiles(dir: string): string[];
  imports(): { file: string; folder: string; spec: string; target: string }[];
  folderPairs(): Map<string, number>;
  folderCycles(): string[];
};

const SRC = graph.SRC;

/** The folders of src/, lowest first: a folder imports only folders of a lower layer. */
const LAYERS: string[][] = [
  ['model'],
  ['plan'],
  ['tracking'],
  ['workbook'],
  ['excel', 'xlsx', 'docx'],
  ['app'],
  ['cli', 'taskpane'],
];
const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));
const CORE = ['model', 'plan', 'tracking', 'workbook'];

describe('layering', () => {
  it('puts every folder of src/ in a layer', () => {
    const folders = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !layerOf.has(f))).toEqual([]);
  });

  it('has folders depend one way: model ← plan ← tracking ← workbook ← adapters ← app ← UIs', () => {
    const upward = [...graph.folderPairs().keys()].filter((pair) => {
      const [from, to] = pair.split(' → ');
      return (layerOf.get(to) ?? Infinity) >= (layerOf.get(from) ?? -1);
    });
    expect(upward).toEqual([]);
  });

  it.each(['cli', 'taskpane'])(
    'src/%s calls the use cases (src/app), never the core or the adapters',
    (ui) => {
      const direct = graph
        .imports()
        .filter((i) => i.folder === ui && i.target.startsWith('src:'))
        .filter((i) => !['app', 'model', ui].includes(i.target.slice(4)))
        .map((i) => `${i.file} → ${i.spec}`);
      expect(direct).toEqual([]);
    },
  );

  it('has no cycle between folders', () => {
    expect(graph.folderCycles()).toEqual([]);
  });

  it.each(CORE)('src/%s imports no package (no platform library, no Node API)', (folder) => {
    const offending = graph
      .imports()
      .filter((i) => i.folder === folder && i.target.startsWith('package:'))
      .map((i) => `${i.file} → ${i.spec}`);
    expect(offending).toEqual([]);
  });

  it('office-js is used only in src/excel', () => {
    const users = graph
      .sourceFiles(SRC)
      .filter((f) => !f.startsWith(path.join(SRC, 'excel') + path.sep))
      .filter((f) =>
        /\b(Excel\.run|Office\.(onReady|context|HostType|FileType))\b/.test(fs.readFileSync(f, 'utf8')),
      )
      .map((f) => path.relative(SRC, f));
    expect(users).toEqual([]);
  });

  it('the .xlsx writer imports no Node module and no ExcelJS (the page writes .xlsx in the browser)', () => {
    const files = [
      path.join(SRC, 'xlsx', 'write.ts'),
      ...graph.sourceFiles(path.join(SRC, 'xlsx', 'ooxml', 'write')),
    ];
    const offending = files.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)]
        .map((m) => m[1])
        .filter((spec) => /^(node:|fs$|path$|zlib$|os$|exceljs$)/.test(spec) || spec.endsWith('node-deflate'))
        .map((spec) => `${path.relative(SRC, file)} → ${spec}`),
    );
    expect(files.length).toBeGreaterThan(10);
    expect(offending).toEqual([]);
  });

  it.each([
    ['exceljs', ['xlsx']],
    ['jszip', ['xlsx', 'docx']],
    ['fflate', ['xlsx', 'docx']],
    ['mammoth', ['docx']],
    ['react', ['taskpane']],
    ['react-dom', ['taskpane']],
    ['@fluentui/react-components', ['taskpane']],
  ])('%s is imported only by %j', (pkg, allowed) => {
    const users = graph
      .imports()
      .filter((i) => i.target === `package:${pkg}` || i.target.startsWith(`package:${pkg}/`))
      .map((i) => i.folder);
    expect([...new Set(users)].filter((f) => !allowed.includes(f))).toEqual([]);
  });
});

/** A source file without its comments, so that only code is searched. */
function code(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

describe('column facts', () => {
  it('the column headers are written nowhere but the registry (src/model)', () => {
    const headers = COLUMNS.flatMap((c) => [c.label.vi, c.label.en]);
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const literal = new RegExp(`(['"\`])(${headers.map(escape).join('|')})\\1`, 'g');
    const hits = graph
      .sourceFiles(SRC)
      .filter((f) => !f.startsWith(path.join(SRC, 'model') + path.sep))
      .flatMap((f) => [...code(f).matchAll(literal)].map((m) => `${path.relative(SRC, f)}: ${m[0]}`));
    expect(hits).toEqual([]);
  });
});
