import * as fs from 'fs';
import * as path from 'path';

const DIR = path.join(__dirname, '../../../src/xlsx/ooxml');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

// The package layer runs in the page as well as in the CLI, and is generic: it knows no Node API
// and nothing of the tracking workbook.
it('src/xlsx/ooxml imports only fflate, src/model and itself', () => {
  const offending = files(DIR).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g)]
      .map((m) => m[1])
      .filter((spec) => {
        if (spec === 'fflate') return false;
        if (!spec.startsWith('.')) return true;
        const target = path.resolve(path.dirname(file), spec);
        return !target.startsWith(DIR) && !target.startsWith(path.join(DIR, '../../model'));
      })
      .map((spec) => `${path.relative(DIR, file)} → ${spec}`),
  );
  expect(offending).toEqual([]);
});
