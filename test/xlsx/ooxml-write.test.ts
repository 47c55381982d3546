/** The generic SpreadsheetML writer (src/xlsx/ooxml/write) on models made here. */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { inflateSync, strFromU8, unzipSync } from 'fflate';
import { seededRandom } from '../support/excel/plans';
import { zlibEngine } from '../../src/xlsx/node-deflate';
import {
  type RowModel,
  StyleRegistry,
  type WorkbookModel,
  fflateEngine,
  workbookBytes,
  writeWorkbook,
} from '../../src/xlsx/ooxml/write';
import { crc32 } from '../../src/xlsx/ooxml/write/crc32';
import { dumpWithOpenpyxl, openpyxlAvailable, sheetOf } from '../helpers/openpyxl-dump';

function part(bytes: Uint8Array, name: string): string {
  return strFromU8(unzipSync(bytes)[name]);
}

function rows(n: number, from = 1): Iterable<RowModel> {
  return {
    *[Symbol.iterator]() {
      for (let r = from; r < from + n; r++)
        yield {
          r,
          cells: [
            { t: 'text', v: `dòng ${r}` },
            { t: 'number', v: r },
          ],
        };
    },
  };
}

describe('the SpreadsheetML writer', () => {
  it('streams: the package is written while the rows are still being produced', () => {
    const styles = new StyleRegistry();
    let bytesAtHalf = 0;
    let written = 0;
    function* lazy(): Generator<RowModel> {
      for (let r = 1; r <= 40_000; r++) {
        if (r === 20_000) bytesAtHalf = written;
        yield {
          r,
          cells: [
            { t: 'text', v: `Nhiệm vụ thứ ${r} của kế hoạch, viết đủ dài` },
            { t: 'number', v: r },
          ],
        };
      }
    }
    writeWorkbook({ sheets: [{ name: 'S', rows: lazy() }] }, (c) => (written += c.length), {
      styles,
      strings: 'inline',
    });
    expect(bytesAtHalf).toBeGreaterThan(written / 4);
  });

  it('refuses a model Excel would repair before writing a single byte', () => {
    const styles = new StyleRegistry();
    const bad: WorkbookModel[] = [
      { sheets: [] },
      {
        sheets: [
          { name: 'A', rows: [] },
          { name: 'a', rows: [] },
        ],
      },
      { sheets: [{ name: 'x'.repeat(32), rows: [] }] },
      { sheets: [{ name: 'a/b', rows: [] }] },
      { sheets: [{ name: 'A', state: 'hidden', rows: [] }] },
      {
        sheets: [
          {
            name: 'A',
            rows: [],
            tables: [{ name: 'A1', ref: 'A1:B2', columns: [{ name: 'x' }, { name: 'y' }] }],
          },
        ],
      },
      {
        sheets: [
          {
            name: 'A',
            rows: [],
            tables: [{ name: 'T', ref: 'A1:B1', columns: [{ name: 'x' }, { name: 'y' }] }],
          },
        ],
      },
      {
        sheets: [
          {
            name: 'A',
            rows: [],
            tables: [{ name: 'T', ref: 'A1:B3', columns: [{ name: 'x' }, { name: 'X' }] }],
          },
        ],
      },
      { sheets: [{ name: 'A', rows: [], columns: [{ first: 0, last: 3 }, { first: 2 }] }] },
      {
        sheets: [
          {
            name: 'A',
            rows: [],
            validations: [{ type: 'list', sqref: 'A1', formula1: 'L', prompt: { text: 'x'.repeat(256) } }],
          },
        ],
      },
      {
        sheets: [
          {
            name: 'A',
            rows: [],
            pivotTables: [
              {
                name: 'P',
                cache: 0,
                row: 1,
                col: 0,
                rowField: 0,
                data: { field: 0, summary: 'count', name: 'n' },
              },
            ],
          },
        ],
      },
    ];
    for (const model of bad) {
      let written = 0;
      expect(() => writeWorkbook(model, (c) => (written += c.length), { styles })).toThrow();
      expect(written).toBe(0);
    }
  });

  it('stops on a table whose header cells are not its column names, or a shared formula without its master', () => {
    const styles = new StyleRegistry();
    const header = (v: string): RowModel => ({ r: 1, cells: [{ t: 'text', v }] });
    const table = { name: 'T', ref: 'A1:A3', columns: [{ name: 'Tên' }] };
    expect(() =>
      workbookBytes({ sheets: [{ name: 'A', rows: [header('Ten')], tables: [table] }] }, { styles }),
    ).toThrow(/header/);
    expect(() =>
      workbookBytes(
        {
          sheets: [
            {
              name: 'A',
              rows: [{ r: 3, cells: [{ t: 'formula', f: 'B3' }] }],
              sharedFormulas: [{ ref: 'A2:A3', formula: 'B2' }],
            },
          ],
        },
        { styles },
      ),
    ).toThrow(/top-left/);
  });

  it('writes each value type, formula results of every type and shared formulas', () => {
    const styles = new StyleRegistry();
    const date = styles.cell({ numFmt: 'dd/mm/yyyy' });
    const bytes = workbookBytes(
      {
        sheets: [
          {
            name: 'Giá trị',
            rows: [
              {
                r: 1,
                cells: [
                  { t: 'text', v: '  lề trái' },
                  { t: 'number', v: 0.1 },
                  { t: 'bool', v: false },
                  { t: 'date', v: '2024-02-29' },
                  { t: 'date', v: '2024-02-29T12:00:00' },
                  { t: 'error', v: '#N/A' },
                  { t: 'blank' },
                ],
                styles: [0, 0, 0, date, date, 0, date],
              },
              {
                r: 2,
                cells: [
                  { t: 'formula', f: 'A1&"x"', result: 'lề tráix' },
                  { t: 'formula', f: 'B1*2', result: 0.2 },
                  { t: 'formula', f: 'NOT(C1)', result: true },
                  { t: 'formula', f: '1/0', result: { error: '#DIV/0!' } },
                  { t: 'formula', f: 'D1+1' },
                ],
              },
              ...[3, 4, 5].map((r): RowModel => ({
                r,
                cells: [{ t: 'formula', f: `B${r - 1}+1`, result: r }],
              })),
            ],
            sharedFormulas: [{ ref: 'A3:A5', formula: 'B2+1' }],
          },
        ],
      },
      { styles, strings: 'inline' },
    );
    const xml = part(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">  lề trái</t></is></c>');
    expect(xml).toContain('<c r="C1" t="b"><v>0</v></c>');
    expect(xml).toContain(`<c r="D1" s="${date}"><v>45351</v></c>`);
    expect(xml).toContain(`<c r="E1" s="${date}"><v>45351.5</v></c>`);
    expect(xml).toContain('<c r="F1" t="e"><v>#N/A</v></c>');
    expect(xml).toContain(`<c r="G1" s="${date}"/>`);
    expect(xml).toContain('<c r="A2" t="str"><f>A1&amp;"x"</f><v>lề tráix</v></c>');
    expect(xml).toContain('<c r="C2" t="b"><f>NOT(C1)</f><v>1</v></c>');
    expect(xml).toContain('<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>');
    expect(xml).toContain('<c r="E2"><f>D1+1</f></c>');
    expect(xml).toContain('<c r="A3"><f t="shared" ref="A3:A5" si="0">B2+1</f><v>3</v></c>');
    expect(xml).toContain('<c r="A5"><f t="shared" si="0"/><v>5</v></c>');
    if (!openpyxlAvailable()) return;
    // openpyxl gives each member of the shared formula its own, shifted, text.
    const s = sheetOf(dumpWithOpenpyxl(bytes), 'Giá trị');
    expect(['A3', 'A4', 'A5'].map((r) => s.cells[r].value)).toEqual(['=B2+1', '=B3+1', '=B4+1']);
    expect(s.cells.D1.value).toBe('2024-02-29');
    expect(s.cells.A1.value).toBe('  lề trái');
  });

  it('keeps one style per distinct format, every font named, custom number formats from 164', () => {
    const styles = new StyleRegistry({ name: 'Times New Roman', size: 13 });
    const a = styles.cell({ font: { bold: true }, numFmt: 'dd/mm/yyyy', border: { top: { style: 'thin' } } });
    const b = styles.cell({ border: { top: { style: 'thin' } }, numFmt: 'dd/mm/yyyy', font: { bold: true } });
    expect(b).toBe(a);
    expect(styles.cell({})).toBe(0);
    expect(styles.cell(undefined)).toBe(0);
    const text = styles.cell({ numFmt: '@' });
    const percent = styles.cell({ numFmt: '0.0%', font: { name: 'Arial' } });
    expect(new Set([a, text, percent]).size).toBe(3);
    const dxf = styles.differential({ fill: 'FFC7CE', font: { color: '9C0006' } });
    expect(styles.differential({ font: { color: '9C0006' }, fill: 'FFC7CE' })).toBe(dxf);
    const xml = styles.toXml();
    const fonts = xml.match(/<fonts[\s\S]*?<\/fonts>/)![0];
    expect(fonts.match(/<font>/g)!.length).toBe(fonts.match(/<name val="/g)!.length);
    expect(fonts).toContain('<name val="Times New Roman"/>');
    expect(fonts).toContain('<name val="Arial"/>');
    expect(xml).toContain('<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>');
    expect(xml).toContain('<numFmt numFmtId="165" formatCode="0.0%"/>');
    expect(xml).toMatch(/<xf numFmtId="49"/);
  });

  it('writes the same parts with fflate and with zlib, each a ZIP Python checks byte by byte', () => {
    const created = new Date('2026-01-02T03:04:05Z');
    const model = (): WorkbookModel => ({
      sheets: [{ name: 'S', rows: rows(30_000) }],
      properties: { created },
    });
    const a = workbookBytes(model(), { styles: new StyleRegistry(), deflate: fflateEngine(1) });
    const b = workbookBytes(model(), { styles: new StyleRegistry(), deflate: zlibEngine(1) });
    const [fa, fb] = [unzipSync(a), unzipSync(b)];
    expect(Object.keys(fb)).toEqual(Object.keys(fa));
    for (const name of Object.keys(fa))
      expect({ name, same: Buffer.from(fb[name]).equals(Buffer.from(fa[name])) }).toEqual({
        name,
        same: true,
      });
    // The sheet is several batches long, so zlib's batches were joined.
    expect(fa['xl/worksheets/sheet1.xml'].length).toBeGreaterThan(2 << 20);
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    try {
      for (const [name, bytes] of [
        ['a', a],
        ['b', b],
      ] as const) {
        writeFileSync(join(dir, `${name}.xlsx`), bytes);
        const bad = execFileSync('/usr/bin/python3', [
          '-c',
          'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())',
          join(dir, `${name}.xlsx`),
        ]);
        expect(String(bad).trim()).toBe('None');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the zlib engine joins its batches into one valid stream, whatever the chunk sizes', () => {
    const rnd = seededRandom(7);
    const data = new Uint8Array(2_500_000);
    for (let i = 0; i < data.length; i++) data[i] = i % 3 ? 65 + (i % 7) : Math.floor(rnd() * 256);
    const out: Uint8Array[] = [];
    const engine = zlibEngine(1);
    const stream = engine.open((c) => out.push(c));
    for (let at = 0; at < data.length;) {
      const n = 1 + Math.floor(rnd() * 300_000);
      stream.push(data.subarray(at, at + n));
      at += n;
    }
    stream.end();
    const joined = Buffer.concat(out);
    expect(Buffer.from(inflateSync(joined)).equals(Buffer.from(data))).toBe(true);
    expect(engine.crc32(0, data)).toBe(crc32(0, data));
    expect(engine.crc32(engine.crc32(0, data.subarray(0, 1000)), data.subarray(1000))).toBe(crc32(0, data));
  });
});
