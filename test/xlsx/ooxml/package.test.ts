import { strToU8, zipSync } from 'fflate';
import { isLocalizedError, LocalizedError } from '../../../src/model/msg';
import { OoxmlPackage, partKey, resolveTarget } from '../../../src/xlsx/ooxml/package';
import { openWorkbook } from '../../../src/xlsx/ooxml/read';
import { buildDocx } from '../../plan/docx-builder';
import { excelFixture } from './fixture';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A one-sheet workbook whose parts and relationship targets the test chooses. */
function workbook(opts: {
  sheetPart?: string;
  sheetTarget?: string;
  rootTarget?: string;
  workbookPart?: string;
  extra?: string;
  relNs?: string;
  relTypeBase?: string;
}): Uint8Array {
  const wbPart = opts.workbookPart ?? 'xl/workbook.xml';
  const sheetPart = opts.sheetPart ?? 'xl/worksheets/sheet1.xml';
  const base = opts.relTypeBase ?? REL;
  const wbRels = wbPart.replace(/([^/]+)$/, '_rels/$1.rels');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${base}/officeDocument" Target="${opts.rootTarget ?? wbPart}"/></Relationships>`,
    ),
    [wbPart]: strToU8(
      `<workbook xmlns="${SML}" xmlns:r="${opts.relNs ?? REL}"><sheets><sheet name="Một" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    [wbRels]: strToU8(
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${base}/worksheet" Target="${opts.sheetTarget ?? 'worksheets/sheet1.xml'}"/>${opts.extra ?? ''}</Relationships>`,
    ),
    [sheetPart]: strToU8(
      `<worksheet xmlns="${SML}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>xin chào</t></is></c></row></sheetData></worksheet>`,
    ),
  });
}

function a1(bytes: Uint8Array): unknown {
  const wb = openWorkbook(bytes);
  return wb.cell(wb.sheets[0], 'A1')?.value;
}

describe('relationship targets', () => {
  it('resolves relative, dot, dot-dot and absolute targets against the source part', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', './worksheets/./sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '/xl/tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(resolveTarget('xl/workbook.xml', '../../../x.xml')).toBe('x.xml');
  });

  it('resolves the targets the plain-path shortcut must not take as the full rules do', () => {
    const cases: [string, string, string][] = [
      ['xl/workbook.xml', 'worksheets//sheet1.xml', 'xl/worksheets/sheet1.xml'],
      ['xl/workbook.xml', 'worksheets/../styles.xml', 'xl/styles.xml'],
      ['xl/workbook.xml', 'worksheets/sheet1.xml#A1', 'xl/worksheets/sheet1.xml'],
      ['xl/workbook.xml', 'styles.xml?x=1', 'xl/styles.xml'],
      ['xl/workbook.xml', 'worksheets\\sheet1.xml', 'xl/worksheets/sheet1.xml'],
      ['xl/workbook.xml', 'worksheets/', 'xl/worksheets'],
      ['xl/workbook.xml', '.', 'xl'],
      ['xl/workbook.xml', '..', ''],
      ['xl/workbook.xml', 'a/.hidden', 'xl/a/.hidden'],
      ['', 'docProps/core.xml', 'docProps/core.xml'],
    ];
    for (const [source, target, part] of cases)
      expect([target, resolveTarget(source, target)]).toEqual([target, part]);
  });

  it('finds parts whatever their case and percent-encoding', () => {
    expect(partKey('/XL/Worksheets/Sheet%201.xml')).toBe(partKey('xl/worksheets/sheet 1.xml'));
    expect(partKey('xl/worksheets/b%E1%BA%A3ng.xml')).toBe(partKey('xl/worksheets/bảng.xml'));
  });

  it('reads a sheet whatever form its relationship target takes', () => {
    const forms = [
      { sheetTarget: '/xl/worksheets/sheet1.xml' },
      { sheetTarget: './worksheets/sheet1.xml' },
      { sheetTarget: 'Worksheets/SHEET1.xml' },
      { sheetTarget: '../xl/worksheets/sheet1.xml' },
      { sheetPart: 'xl/worksheets/trang 1.xml', sheetTarget: 'worksheets/trang%201.xml' },
      { rootTarget: '/xl/workbook.xml' },
      { workbookPart: 'workbook/main.xml', sheetPart: 'sheets/s.xml', sheetTarget: '../sheets/s.xml' },
    ];
    for (const form of forms) expect([form, a1(workbook(form))]).toEqual([form, 'xin chào']);
  });

  it('follows the Strict Open XML relationship namespace and types', () => {
    const strict = workbook({
      relNs: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
      relTypeBase: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
    });
    expect(a1(strict)).toBe('xin chào');
  });

  it('ignores external targets and relationships to missing parts', () => {
    const bytes = workbook({
      extra: `<Relationship Id="rId9" Type="${REL}/externalLink" Target="file:///C:/khac.xlsx" TargetMode="External"/><Relationship Id="rId8" Type="${REL}/styles" Target="styles.xml"/>`,
    });
    const pkg = OoxmlPackage.open(bytes);
    const rels = pkg.relationships('xl/workbook.xml');
    expect(rels.find((r) => r.id === 'rId9')).toMatchObject({ external: true, part: null });
    expect(rels.find((r) => r.id === 'rId8')).toMatchObject({ external: false, part: null });
    expect(a1(bytes)).toBe('xin chào');
  });

  it('reads the tables of an Excel-like package through the sheet relationships', () => {
    const wb = openWorkbook(excelFixture());
    expect(wb.findTable('bangso')).toMatchObject({
      sheet: { name: 'Dữ liệu' },
      table: { name: 'BangSo', ref: 'A5:B9', headerRowCount: 1, totalsRowCount: 0, autoFilter: 'A5:B9' },
    });
    expect(wb.findTable('BangSo')?.table.columns.map((c) => c.name)).toEqual(['Số', 'Gấp đôi']);
  });
});

/** The error a read throws, which must be a message for a person. */
function refusal(bytes: Uint8Array, fileName = 'gui-ve.xlsx'): LocalizedError {
  try {
    openWorkbook(bytes, { fileName });
  } catch (e) {
    if (isLocalizedError(e)) return e;
    throw new Error(`not a LocalizedError: ${String((e as Error)?.stack ?? e)}`);
  }
  throw new Error('no error');
}

function expectClear(e: LocalizedError, fileName = 'gui-ve.xlsx'): void {
  expect(e.exitCode).toBe(2);
  for (const text of [e.msg.vi, e.msg.en]) {
    expect(text).toContain(`"${fileName}"`);
    // No library message, link, stack or errno code reaches the user.
    expect(text).not.toMatch(
      /https?:|\bat \w|\bError\b|JSZip|fflate|\binvalid\b|\bEOF\b|ENOENT|central directory/i,
    );
    expect(text).not.toContain(' / ');
  }
  expect(e.msg.vi).not.toBe(e.msg.en);
}

describe('files that are not workbooks', () => {
  const real = excelFixture();

  it('an empty file', () => {
    const e = refusal(new Uint8Array(0));
    expectClear(e);
    expect(e.msg.vi).toMatch(/trống/);
    expect(e.msg.en).toMatch(/empty/);
  });

  it('a text file renamed .xlsx', () => {
    const e = refusal(strToU8('Mã nhiệm vụ,Trạng thái\nI.1,Đã hoàn thành\n'));
    expectClear(e);
    expect(e.msg.vi).toMatch(/không phải bảng tính Excel/);
    expect(e.msg.en).toMatch(/not an Excel/);
  });

  it('a truncated download', () => {
    for (const keep of [0.5, 0.9, 0.999]) {
      const e = refusal(real.subarray(0, Math.floor(real.length * keep)));
      expectClear(e);
      expect(e.msg.vi).toMatch(/cắt cụt hoặc hỏng/);
      expect(e.msg.en).toMatch(/truncated or damaged/);
    }
  });

  it('a zip that holds no workbook, and a Word document', async () => {
    const e = refusal(zipSync({ 'ghi-chu.txt': strToU8('xin chào') }));
    expectClear(e);
    expect(e.msg.en).toMatch(/holds no Excel workbook/);
    const docx = refusal(await buildDocx([{ p: 'Kế hoạch' }]));
    expectClear(docx);
    expect(docx.msg.vi).toMatch(/tài liệu Word/);
  });

  it('an OpenDocument spreadsheet', () => {
    const ods = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8('<office:document-content/>'),
    });
    const e = refusal(ods);
    expectClear(e);
    expect(e.msg.en).toMatch(/OpenDocument spreadsheet \(\.ods\)/);
  });

  it('a legacy .xls or password-protected workbook (an OLE compound file)', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = refusal(ole);
    expectClear(e);
    expect(e.msg.vi).toMatch(/\.xls/);
    expect(e.msg.en).toMatch(/password/);
  });

  it('a damaged part: corrupt deflate data and malformed XML', () => {
    const bad = zipSync({
      '_rels/.rels': strToU8(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(`<workbook xmlns="${SML}"><sheets><sheet name="A" sheetId="1"`),
    });
    const e = refusal(bad);
    expectClear(e);
    expect(e.msg.vi).toMatch(/bị hỏng: không đọc được phần "xl\/workbook.xml"/);

    const corrupt = new Uint8Array(real);
    const pkg = OoxmlPackage.open(real);
    const sheet = pkg.entry('xl/worksheets/sheet1.xml')!;
    corrupt.fill(0xff, sheet.dataOffset + 10, sheet.dataOffset + 40);
    const wb = openWorkbook(corrupt, { fileName: 'gui-ve.xlsx' });
    let thrown: unknown = null;
    try {
      wb.readRows(wb.sheets[0]);
    } catch (err) {
      thrown = err;
    }
    expect(isLocalizedError(thrown)).toBe(true);
    expectClear(thrown as LocalizedError);
  });
});

describe('limits', () => {
  it('refuses a part larger than the limit before decompressing it, naming the limit', () => {
    const e = (() => {
      try {
        const wb = openWorkbook(excelFixture(), { fileName: 'lon.xlsx', limits: { maxPartBytes: 1000 } });
        wb.readRows(wb.sheets[0]);
      } catch (err) {
        return err as LocalizedError;
      }
      throw new Error('no error');
    })();
    expectClear(e, 'lon.xlsx');
    expect(e.msg.en).toMatch(/over the limit of 0 MB for one part/);
  });

  it('refuses a zip bomb: sizes that claim more than deflate can do', () => {
    const sheet = strToU8(
      `<worksheet xmlns="${SML}"><sheetData>${'<row/>'.repeat(400_000)}</sheetData></worksheet>`,
    );
    const files = {
      '_rels/.rels': strToU8(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(
        `<workbook xmlns="${SML}" xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': sheet,
    };
    // Deflated, 2.4 MB of repeated rows are a few kilobytes: far above 1,100:1 with a small limit.
    const wb = openWorkbook(zipSync(files, { level: 9 }), {
      fileName: 'bom.xlsx',
      limits: { maxCompressionRatio: 100 },
    });
    let thrown: unknown = null;
    try {
      wb.readRows(wb.sheets[0]);
    } catch (err) {
      thrown = err;
    }
    expectClear(thrown as LocalizedError, 'bom.xlsx');
    expect((thrown as LocalizedError).msg.en).toMatch(/zip bomb/);
  });

  it('refuses entries that share their compressed data', () => {
    const bytes = new Uint8Array(workbook({}));
    // Point the second central-directory entry at the first entry's local header.
    const view = new DataView(bytes.buffer);
    let cd = -1;
    for (let i = bytes.length - 22; i >= 0; i--)
      if (view.getUint32(i, true) === 0x06054b50) {
        cd = view.getUint32(i + 16, true);
        break;
      }
    const first = view.getUint32(cd + 42, true);
    const next =
      cd + 46 + view.getUint16(cd + 28, true) + view.getUint16(cd + 30, true) + view.getUint16(cd + 32, true);
    view.setUint32(next + 42, first, true);
    const e = refusal(bytes, 'chong.xlsx');
    expectClear(e, 'chong.xlsx');
    expect(e.msg.en).toMatch(/shares compressed data/);
  });
});
