import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/** The folder under src/ that an import resolves into, or the package it names. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return `package:${spec}`;
  const rel = path.relative(SRC, path.resolve(path.dirname(file), spec));
  return `src:${rel.split(path.sep)[0]}`;
}

describe('layering', () => {
  const core = ['model', 'plan', 'tracking', 'workbook'];

  it.each(core)('src/%s imports only the core and no platform library', (folder) => {
    const offending = sourceFiles(path.join(SRC, folder)).flatMap((file) =>
      importsOf(file)
        .map((spec) => target(file, spec))
        .filter((t) => (t.startsWith('src:') ? !core.includes(t.slice(4)) : true))
        .map((t) => `${path.relative(SRC, file)} → ${t}`),
    );
    expect(offending).toEqual([]);
  });

  it('office-js is used only in src/excel', () => {
    const users = sourceFiles(SRC)
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
      ...sourceFiles(path.join(SRC, 'xlsx', 'ooxml', 'write')),
    ];
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^(node:|fs$|path$|zlib$|os$|exceljs$)/.test(spec) || spec.endsWith('node-deflate'))
        .map((spec) => `${path.relative(SRC, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('ExcelJS is imported only by src/xlsx', () => {
    const users = sourceFiles(SRC)
      .filter((f) => importsOf(f).includes('exceljs'))
      .map((f) => path.relative(SRC, f).split(path.sep)[0]);
    expect([...new Set(users)]).toEqual(['xlsx']);
  });
});
