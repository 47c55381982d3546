/**
 * The package editor on files real programs saved: the same edits made to the Excel-like
 * package (and its Open XML SDK variant) and to its re-saves by openpyxl, LibreOffice and
 * Gnumeric. Each result must validate against ECMA-376, be read back by openpyxl and by
 * LibreOffice with every cell as expected, lose its stale calc chain, keep shared formulas
 * working, and carry every part it did not edit byte for byte.
 */
import { strToU8, zipSync } from 'fflate';
import JSZip from 'jszip';
import { isLocalizedError } from '../../../src/model/msg';
import { buildWorkbookSpec } from '../../../src/workbook/build';
import { SHEET_NAMES } from '../../../src/workbook/names';
import { WorkbookEditor } from '../../../src/xlsx/ooxml/edit/editor';
import { OoxmlPackage } from '../../../src/xlsx/ooxml/package';
import { openWorkbook } from '../../../src/xlsx/ooxml/read';
import { addSheetPart } from '../../../src/xlsx/merge-xml';
import { writeXlsx } from '../../../src/xlsx/write';
import { excelLikePackage } from '../../support/excel-like';
import { gnumericResave, hasGnumeric } from '../../support/gnumeric';
import { libreofficeRecalc, libreofficeResave, sofficeAvailable } from '../../support/libreoffice';
import { hasXmllint, validatePackage } from '../../support/ooxml-validate';
import { hasOpenpyxl, openpyxlOpens, openpyxlRead, openpyxlSave } from '../../support/openpyxl';
import { fixturePlan } from '../../workbook/fixture-plan';
import { disagreements, readerCells } from './compare';
import { DATA, excelFixture, Expected, expectedFor, Producer } from './fixture';

const available = {
  openpyxl: hasOpenpyxl(),
  libreoffice: sofficeAvailable(),
  gnumeric: hasGnumeric(),
  xmllint: hasXmllint(),
};
for (const [name, ok] of Object.entries(available))
  if (!ok)
    console.warn(
      `Skipping the ${name} checks: the program is not installed (scripts/test-all.sh installs it).`,
    );

const HISTORY = 'Lịch sử';
type Input = Exclude<Producer, 'excel-strict'>;
const inputs: Partial<Record<Input, Uint8Array>> = {};
const outputs: Partial<Record<Input, Uint8Array>> = {};
/** The outputs (and the cases below) as LibreOffice saves them after recalculating every formula. */
const recalculated: Record<string, Uint8Array> = {};

/** A 2-D shared-formula group C1:D2 whose master C1 the edit overwrites. */
function editedGrid(): Uint8Array {
  const bytes = excelLikePackage([
    {
      name: 'S',
      cells: {
        A1: 1,
        A2: 2,
        B1: 10,
        B2: 20,
        C1: { formula: 'A1+B1', result: 11, sharedRef: 'C1:D2', si: 0 },
        D1: { sharedChild: 0, result: 21 },
        C2: { sharedChild: 0, result: 22 },
        D2: { sharedChild: 0, result: 42 },
      },
    },
  ]);
  const editor = WorkbookEditor.open(bytes);
  editor.sheet('S').set('C1', 0);
  return editor.save();
}

/** A tracking workbook last saved by openpyxl (when it is installed), and the same with a sheet added. */
const tracking: { master?: Uint8Array; withHistory?: Uint8Array; grid?: Uint8Array } = {};

function addHistory(master: Uint8Array): Uint8Array {
  const editor = WorkbookEditor.open(master);
  editor.addWorksheet(HISTORY).appendRows([['Thời gian'], ['14/06/2024']]);
  return editor.save();
}

/** The edits every input receives. */
function edit(bytes: Uint8Array): Uint8Array {
  const editor = WorkbookEditor.open(bytes, { fileName: 'master.xlsx' });
  const s = editor.sheet(DATA);
  s.set('A2', 99);
  s.set('A1', 'Mới');
  s.set('G2', { text: 'nội tuyến mới', inline: true });
  s.set('C2', { date: 45400 });
  s.set('K2', { date: 45401 });
  s.set('A3', false);
  s.set('B2', null);
  s.set('E3', 7);
  s.set('B5', 'đè');
  s.set({ row: 9, col: 11 }, { formula: 'A9*3' });
  const history = editor.addWorksheet(HISTORY);
  history.appendRows([
    ['Thời gian', 'Tệp', 'Giá trị'],
    ['14/06/2024 10:32', 'gui-ve.xlsx', 30],
  ]);
  editor.setDefinedName('MoiThem', `'${HISTORY}'!$A$1`);
  editor.setDefinedName('NgayBaoCao', `'${DATA}'!$K$2`);
  return editor.save();
}

/** What the data sheet holds after the edits, as the reader reports it. */
function afterEdits(producer: Input): Record<string, Expected> {
  const e = expectedFor(producer);
  e.A1 = { kind: 'text', value: 'Mới' };
  e.A2 = { kind: 'number', value: 99 };
  e.G2 = { kind: 'text', value: 'nội tuyến mới' };
  e.C2 = { kind: 'number', value: 45400, isDate: true };
  e.K2 = { kind: 'number', value: 45401, isDate: true };
  e.A3 = { kind: 'boolean', value: false };
  delete e.B2;
  e.E3 = { kind: 'number', value: 7 };
  e.B5 = { kind: 'text', value: 'đè' };
  e.L9 = { kind: 'empty', value: null, hasFormula: true };
  return e;
}

function summary(cells: ReturnType<typeof readerCells>, refs: string[]): Record<string, Expected> {
  const out: Record<string, Expected> = {};
  for (const ref of refs) {
    const c = cells[ref];
    out[ref] = c
      ? {
          kind: c.kind,
          value: c.value,
          ...(c.isDate ? { isDate: true } : {}),
          ...(c.hasFormula ? { hasFormula: true } : {}),
        }
      : { kind: 'empty', value: null };
  }
  return out;
}

const names: Input[] = ['excel', 'excel-x', 'openpyxl', 'libreoffice', 'gnumeric'];
const present = (p: Input) =>
  p === 'openpyxl' || p === 'libreoffice' || p === 'gnumeric' ? available[p] : true;

beforeAll(async () => {
  inputs.excel = excelFixture();
  inputs['excel-x'] = excelFixture({ prefix: 'x' });
  if (available.openpyxl) inputs.openpyxl = openpyxlSave(inputs.excel);
  const [lo, gn] = await Promise.all([
    available.libreoffice ? libreofficeResave({ x: inputs.excel }) : null,
    available.gnumeric ? gnumericResave({ x: inputs.excel }) : null,
  ]);
  if (lo) inputs.libreoffice = lo.x;
  if (gn) inputs.gnumeric = gn.x;
  for (const p of names) if (inputs[p]) outputs[p] = edit(inputs[p]!);
  const built = await writeXlsx(buildWorkbookSpec(fixturePlan(), { lang: 'vi', reportDate: '2024-06-14' }));
  tracking.master = available.openpyxl ? openpyxlSave(built) : built;
  tracking.withHistory = addHistory(tracking.master);
  tracking.grid = editedGrid();
  // One LibreOffice start for every file this test hands it.
  if (available.libreoffice) {
    const done = await libreofficeRecalc({
      ...Object.fromEntries(names.filter((p) => outputs[p]).map((p) => [p, outputs[p]!])),
      grid: tracking.grid,
      history: tracking.withHistory,
    });
    Object.assign(recalculated, done);
  }
}, 400_000);

describe.each(names)('editing a workbook saved by %s', (producer) => {
  const run = (ok: boolean) => (present(producer) && ok ? it : it.skip);

  run(available.xmllint)('validates against the ECMA-376 schemas', () => {
    expect(validatePackage(outputs[producer]!)).toEqual([]);
  });

  run(true)('reads back with every edited and untouched cell as expected', () => {
    const expected = afterEdits(producer);
    const cells = readerCells(outputs[producer]!, DATA, false);
    expect(summary(cells, Object.keys(expected))).toEqual(expected);
    expect(Object.keys(cells).filter((r) => !(r in expected))).toEqual([]);
    const history = readerCells(outputs[producer]!, HISTORY, false);
    expect(Object.fromEntries(Object.entries(history).map(([r, c]) => [r, c.value]))).toEqual({
      A1: 'Thời gian',
      B1: 'Tệp',
      C1: 'Giá trị',
      A2: '14/06/2024 10:32',
      B2: 'gui-ve.xlsx',
      C2: 30,
    });
    const wb = openWorkbook(outputs[producer]!);
    expect(wb.resolveName('NgayBaoCao')).toMatchObject({
      sheet: { name: DATA },
      range: { top: 2, left: 10 },
    });
    expect(wb.resolveName('MoiThem')).toMatchObject({ sheet: { name: HISTORY } });
    expect(wb.definedNames.filter((n) => n.name === 'NgayBaoCao')).toHaveLength(1);
  });

  run(available.openpyxl)('reads back in openpyxl cell for cell as this reader reads it', () => {
    const sheets = openpyxlRead(outputs[producer]!);
    expect(sheets.map((s) => s.name)).toContain(HISTORY);
    expect(sheets.flatMap((s) => disagreements(outputs[producer]!, s))).toEqual([]);
    expect(sheets.find((s) => s.name === DATA)!.cells.K2.numberFormat).toBe('dd/mm/yyyy');
  });

  run(available.libreoffice)(
    'reopens in LibreOffice, which computes every formula as before the edit',
    () => {
      const cells = readerCells(recalculated[producer]!, DATA, true);
      const got = Object.fromEntries(
        ['B6', 'B7', 'B8', 'B9', 'L9', 'D3', 'F3', 'H3', 'C3'].map((r) => [r, cells[r]?.value]),
      );
      expect(got).toEqual({
        B6: 4,
        B7: 6,
        B8: 8,
        B9: 10,
        L9: 15,
        D3: 198,
        F3: 'Mới!',
        H3: true,
        C3: '#DIV/0!',
      });
      expect(['B6', 'B7', 'B8', 'B9'].map((r) => cells[r].formula)).toEqual(['A6*2', 'A7*2', 'A8*2', 'A9*2']);
      for (const [ref, e] of Object.entries(afterEdits(producer))) {
        if (e.hasFormula) continue;
        expect([ref, cells[ref]?.value ?? null, cells[ref]?.isDate ?? false]).toEqual([
          ref,
          e.value,
          e.isDate ?? false,
        ]);
      }
      expect(readerCells(recalculated[producer]!, HISTORY, false).C2.value).toBe(30);
    },
  );

  run(true)('copies every part it did not edit byte for byte', () => {
    const before = OoxmlPackage.open(inputs[producer]!);
    const after = OoxmlPackage.open(outputs[producer]!);
    const wb = openWorkbook(inputs[producer]!);
    const edited = new Set(
      [
        wb.info.part,
        `${wb.info.part.replace(/[^/]+$/, '')}_rels/${wb.info.part.replace(/^.*\//, '')}.rels`,
        '[Content_Types].xml',
        wb.sheet(DATA)!.part!,
        wb.info.sharedStringsPart,
        wb.info.stylesPart,
      ].filter((p): p is string => p !== null),
    );
    const untouched = before.partNames().filter((n) => !edited.has(n) && !/calcChain/.test(n));
    expect(untouched.length).toBeGreaterThan(2);
    for (const name of untouched) {
      const a = before.zip.raw(before.entry(name)!);
      const b = after.zip.raw(after.entry(name)!);
      expect([name, Buffer.from(b).equals(Buffer.from(a))]).toEqual([name, true]);
    }
  });
});

describe('the calc chain', () => {
  const chainOf = (bytes: Uint8Array) => {
    const pkg = OoxmlPackage.open(bytes);
    const types = pkg.text('[Content_Types].xml');
    const rels = pkg.text('xl/_rels/workbook.xml.rels');
    return {
      part: pkg.find('xl/calcChain.xml') !== null,
      type: types.includes('calcChain'),
      rel: rels.includes('calcChain'),
    };
  };

  it('is removed with its relationship and content type when a formula cell is overwritten (issue 13.3)', () => {
    expect(chainOf(inputs.excel!)).toEqual({ part: true, type: true, rel: true });
    expect(chainOf(outputs.excel!)).toEqual({ part: false, type: false, rel: false });
  });

  it('is removed when a formula cell is cleared', () => {
    const editor = WorkbookEditor.open(inputs.excel!);
    editor.sheet(DATA).set('E3', null);
    expect(chainOf(editor.save())).toEqual({ part: false, type: false, rel: false });
  });

  it('stays when only plain values change', () => {
    const editor = WorkbookEditor.open(inputs.excel!);
    editor.sheet(DATA).set('A2', 7);
    const out = editor.save();
    expect(chainOf(out)).toEqual({ part: true, type: true, rel: true });
    // The formulas' inputs changed: the workbook asks for a recalculation on open.
    expect(OoxmlPackage.open(out).text('xl/workbook.xml')).toMatch(
      /<calcPr calcId="191029" fullCalcOnLoad="1"\/>/,
    );
  });
});

describe('shared formulas', () => {
  it('hand the group to the next cell when the master is overwritten', () => {
    const xml = OoxmlPackage.open(outputs.excel!).text('xl/worksheets/sheet1.xml');
    expect(xml).toContain('<c r="B6"><f t="shared" si="0" ref="B6:B9">A6*2</f><v>4</v></c>');
    expect(xml).toContain('<c r="B7"><f t="shared" si="0"/><v>6</v></c>');
  });

  it('become plain formulas when the rest of a group does not start at its next cell', () => {
    const out = tracking.grid!;
    const cells = readerCells(out, 'S', true);
    expect(['D1', 'C2', 'D2'].map((r) => cells[r].formula)).toEqual(['B1+C1', 'A2+B2', 'B2+C2']);
    expect(OoxmlPackage.open(out).text('xl/worksheets/sheet1.xml')).not.toContain('t="shared"');
    if (available.xmllint) expect(validatePackage(out)).toEqual([]);
    if (available.libreoffice) {
      const recalc = readerCells(recalculated.grid, 'S', false);
      expect(['D1', 'C2', 'D2'].map((r) => recalc[r].value)).toEqual([10, 22, 42]);
    }
  });
});

describe('namespaces the producer declared (issue 13.2)', () => {
  (available.openpyxl ? it : it.skip)(
    'the previous sheet writer breaks a master last saved by openpyxl: r: undeclared',
    async () => {
      const zip = await JSZip.loadAsync(tracking.master!);
      await addSheetPart(
        zip,
        HISTORY,
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
      );
      const broken = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
      expect(openpyxlOpens(broken).ok).toBe(false);
    },
  );

  (available.openpyxl ? it : it.skip)('adding a sheet declares r: where the new entry can see it', () => {
    const out = tracking.withHistory!;
    const workbookXml = OoxmlPackage.open(out).text('xl/workbook.xml');
    expect(workbookXml).toMatch(
      /^<workbook xmlns="[^"]+" xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships">/,
    );
    expect(openpyxlOpens(out)).toEqual({ ok: true });
    if (available.xmllint) expect(validatePackage(out)).toEqual([]);
    const sheets = openpyxlRead(out);
    expect(sheets.map((s) => s.name)).toEqual([
      ...openWorkbook(tracking.master!).sheets.map((s) => s.name),
      HISTORY,
    ]);
    expect(sheets.find((s) => s.name === HISTORY)?.cells.A2.value).toBe('14/06/2024');
    if (available.libreoffice) {
      const lo = recalculated.history;
      expect(openWorkbook(lo).sheet(HISTORY)).not.toBeNull();
      expect(readerCells(lo, SHEET_NAMES.tasks.vi, false).A2.value).toBe(
        readerCells(tracking.master!, SHEET_NAMES.tasks.vi, false).A2.value,
      );
    }
  });
});

describe('what the editor refuses', () => {
  it('text longer than an Excel cell holds, with a message naming the cell (issue 20.5)', () => {
    const editor = WorkbookEditor.open(inputs.excel!, { fileName: 'master.xlsx' });
    let thrown: unknown = null;
    try {
      editor.sheet(DATA).set('L2', 'x'.repeat(40_000));
    } catch (e) {
      thrown = e;
    }
    expect(isLocalizedError(thrown)).toBe(true);
    const e = thrown as { msg: { vi: string; en: string }; exitCode: number };
    expect(e.exitCode).toBe(2);
    expect(e.msg.vi).toBe(
      'Tệp "master.xlsx" không được ghi: ô L2 của trang "Dữ liệu" sẽ chứa 40.000 ký tự, quá giới hạn 32.767 ký tự của một ô Excel.',
    );
    // Exactly the limit is fine.
    editor.sheet(DATA).set('L2', 'x'.repeat(32_767));
    expect(readerCells(editor.save(), DATA, false).L2.value).toHaveLength(32_767);
  });

  it('a sheet name Excel would not take, and one already there', () => {
    const editor = WorkbookEditor.open(inputs.excel!, { fileName: 'master.xlsx' });
    for (const bad of ['', 'a/b', 'x'.repeat(32), "'trích", 'a[1]'])
      expect(() => editor.addWorksheet(bad)).toThrow(/tên trang phải dài 1–31 ký tự/);
    expect(() => editor.addWorksheet('dữ LIỆU')).toThrow(/đã có trang tên "dữ LIỆU"/);
  });
});

describe('text the editor writes', () => {
  it('keeps characters XML cannot carry and a carriage return, through ST_Xstring escapes', () => {
    const editor = WorkbookEditor.open(inputs.excel!);
    const s = editor.sheet(DATA);
    const texts = ['a\r\nb', 'tab\there', 'bell\u0007', 'literal _x000D_ stays', ' lề '];
    texts.forEach((t, i) => s.set({ row: 20 + i, col: 0 }, t));
    texts.forEach((t, i) => s.set({ row: 20 + i, col: 1 }, { text: t, inline: true }));
    const out = editor.save();
    const cells = readerCells(out, DATA, false);
    expect(texts.map((_t, i) => cells[`A${20 + i}`].value)).toEqual(texts);
    expect(texts.map((_t, i) => cells[`B${20 + i}`].value)).toEqual(texts);
    if (available.xmllint) expect(validatePackage(out)).toEqual([]);
  });

  it('keeps the shared string table’s counts true', () => {
    const editor = WorkbookEditor.open(inputs.excel!);
    editor.sheet(DATA).set('A1', 'mới 1');
    editor.sheet(DATA).set('A20', 'mới 1');
    editor.sheet(DATA).set('A21', 'mới 2');
    const pkg = OoxmlPackage.open(editor.save());
    const sst = pkg.text('xl/sharedStrings.xml');
    const items = (sst.match(/<si>/g) ?? []).length;
    expect(sst).toContain(`uniqueCount="${items}"`);
    const refs = [1, 2, 3]
      .map((n) => (pkg.text(`xl/worksheets/sheet${n}.xml`).match(/t="s"/g) ?? []).length)
      .reduce((a, b) => a + b, 0);
    expect(sst).toContain(`count="${refs}"`);
  });

  it('in inline mode never rewrites the shared string table, even over shared-string cells', () => {
    const before = OoxmlPackage.open(inputs.excel!);
    const editor = WorkbookEditor.open(inputs.excel!, { strings: 'inline' });
    editor.sheet(DATA).set('A1', 'mới 1');
    editor.sheet(DATA).appendRows([['mới 2', 3]]);
    const out = editor.save();
    const after = OoxmlPackage.open(out);
    const stored = (p: OoxmlPackage) => Buffer.from(p.zip.raw(p.entry('xl/sharedStrings.xml')!));
    expect(stored(after).equals(stored(before))).toBe(true);
    const cells = readerCells(out, DATA, false);
    expect(cells.A1.value).toBe('mới 1');
    expect(Object.values(cells).some((c) => c.value === 'mới 2')).toBe(true);
    if (available.xmllint) expect(validatePackage(out)).toEqual([]);
  });

  it('creates a shared string table where the package had none, when asked to', () => {
    const bytes = available.openpyxl ? inputs.openpyxl! : excelFixture();
    const editor = WorkbookEditor.open(bytes, { strings: 'shared' });
    editor.sheet(DATA).set('A1', 'chuỗi dùng chung');
    const out = editor.save();
    const wb = openWorkbook(out);
    expect(wb.info.sharedStringsPart).not.toBeNull();
    expect(wb.cell(wb.sheet(DATA)!, 'A1')?.value).toBe('chuỗi dùng chung');
    if (available.xmllint) expect(validatePackage(out)).toEqual([]);
  });
});

describe('editing the XML as the producer wrote it', () => {
  const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';

  /** A bare workbook: no definedNames, no calcPr, no styles, rows and cells without numbers. */
  function bare(
    workbookChildren = '',
    sheet = `<worksheet xmlns="${SML}"><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>`,
  ): Uint8Array {
    return zipSync({
      '[Content_Types].xml': strToU8(
        `<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
      '_rels/.rels': strToU8(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(
        `<workbook xmlns="${SML}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>${workbookChildren}</workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    });
  }

  it('puts a new defined name and the recalculation flag where the schema orders them', () => {
    const editor = WorkbookEditor.open(bare('<webPublishing codePage="1252"/>'));
    editor.setDefinedName('NgayBaoCao', 'S!$A$1');
    editor.sheet('S').set('A1', 5);
    const out = editor.save();
    expect(OoxmlPackage.open(out).text('xl/workbook.xml')).toMatch(
      /<\/sheets><definedNames><definedName name="NgayBaoCao">S!\$A\$1<\/definedName><\/definedNames><calcPr fullCalcOnLoad="1"\/><webPublishing/,
    );
    if (available.xmllint) expect(validatePackage(out)).toEqual([]);
  });

  it('numbers positional rows and cells when it inserts one between them', () => {
    const editor = WorkbookEditor.open(bare());
    const s = editor.sheet('S');
    s.set('C1', 9);
    s.set('B5', { date: 45366 });
    const out = editor.save();
    expect(
      Object.fromEntries(Object.entries(readerCells(out, 'S', false)).map(([r, c]) => [r, c.value])),
    ).toEqual({
      A1: 1,
      B1: 2,
      C1: 9,
      A2: 3,
      B5: 45366,
    });
    const wb = openWorkbook(out);
    expect(wb.styles().numberFormat(wb.cell(wb.sheets[0], 'B5')!.style)).toBe('dd/mm/yyyy');
    if (available.xmllint) expect(validatePackage(out)).toEqual([]);
    if (available.openpyxl) expect(openpyxlRead(out)[0].cells.B5.date).toBe('2024-03-15T00:00:00');
  });

  it('appends rows as the same cells set() writes, prefix and column styles included', () => {
    const sheet = `<x:worksheet xmlns:x="${SML}"><x:cols><x:col min="2" max="3" width="9" style="4"/></x:cols><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const rows = [
      ['mới', 5, '', 2.5, true, ' lề & <b> '],
      [null, 'mới', -0, 'hai\tba', { date: 45366 }, { text: 'riêng', inline: true }],
    ];
    const bySet = WorkbookEditor.open(bare('', sheet), { strings: 'shared' });
    rows.forEach((values, i) =>
      values.forEach((v, j) => {
        if (v !== null) bySet.sheet('S').set({ row: 2 + i, col: 1 + j }, v);
      }),
    );
    const byAppend = WorkbookEditor.open(bare('', sheet), { strings: 'shared' });
    expect(byAppend.sheet('S').appendRows(rows, 1)).toBe(2);
    const [a, b] = [bySet.save(), byAppend.save()].map((out) => OoxmlPackage.open(out));
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'])
      expect(b.text(part)).toBe(a.text(part));
    expect(b.text('xl/worksheets/sheet1.xml')).toContain('<x:c r="C2" s="4"><x:v>5</x:v></x:c>');
  });

  it('writes a date into a 1904 workbook in that date system', () => {
    const editor = WorkbookEditor.open(excelFixture({ date1904: true }));
    editor.sheet(DATA).set('K2', { date: 45366 });
    const out = editor.save();
    expect(OoxmlPackage.open(out).text('xl/worksheets/sheet1.xml')).toMatch(
      /<c r="K2" s="\d+"><v>43904<\/v><\/c>/,
    );
    expect(readerCells(out, DATA, false).K2).toMatchObject({ value: 45366, isDate: true });
  });
});

describe('a part that is not well-formed', () => {
  it('is reported as the file being damaged, naming the part, when the editor reaches it', () => {
    const pkg = zipSync({
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/x"',
      ),
      '_rels/.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v>',
      ),
    });
    const editor = WorkbookEditor.open(pkg, { fileName: 'hong.xlsx' });
    for (const edit of [() => editor.sheet('S').set('A1', 2), () => editor.addWorksheet('Mới')]) {
      let thrown: unknown = null;
      try {
        edit();
      } catch (e) {
        thrown = e;
      }
      expect(isLocalizedError(thrown)).toBe(true);
      expect((thrown as { msg: { vi: string } }).msg.vi).toMatch(
        /^Tệp "hong.xlsx" bị hỏng: không đọc được phần "(xl\/worksheets\/sheet1.xml|\[Content_Types\].xml)"/,
      );
    }
  });
});
