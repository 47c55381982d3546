/** The worksheet reader on the forms producers write cells in, built by hand part by part. */
import { strToU8, zipSync } from 'fflate';
import { isLocalizedError } from '../../../src/model/msg';
import { openWorkbook, WorkbookReader } from '../../../src/xlsx/ooxml/read';
import { cellRef } from '../../../src/xlsx/ooxml/cell-ref';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A package with one sheet holding `sheetData`, optional shared strings, styles and other parts. */
function book(
  sheetData: string,
  parts: { sst?: string; styles?: string; after?: string; before?: string; workbookPr?: string } = {},
): WorkbookReader {
  const rels = [
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
    parts.sst !== undefined
      ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
      : '',
    parts.styles !== undefined ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : '',
  ].join('');
  const files: Record<string, Uint8Array> = {
    '_rels/.rels': strToU8(
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${SML}" xmlns:r="${REL}">${parts.workbookPr ?? ''}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="${PKG}">${rels}</Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(
      `<worksheet xmlns="${SML}">${parts.before ?? ''}<sheetData>${sheetData}</sheetData>${parts.after ?? ''}</worksheet>`,
    ),
  };
  if (parts.sst !== undefined)
    files['xl/sharedStrings.xml'] = strToU8(`<sst xmlns="${SML}">${parts.sst}</sst>`);
  if (parts.styles !== undefined)
    files['xl/styles.xml'] = strToU8(`<styleSheet xmlns="${SML}">${parts.styles}</styleSheet>`);
  return openWorkbook(zipSync(files), { fileName: 'o.xlsx' });
}

function cells(wb: WorkbookReader, formulas = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of wb.readRows(wb.sheets[0], { formulas }).rows)
    for (const c of row.cells)
      out[cellRef(row.r, c.col)] = formulas && c.formula !== undefined ? [c.value, c.formula] : c.value;
  return out;
}

describe('reading cells', () => {
  it('places cells and rows written without r after the previous ones', () => {
    const wb = book(
      '<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row><row><c r="B5"><v>5</v></c></row>',
    );
    expect(cells(wb)).toEqual({ A1: 1, B1: 2, C4: 3, D4: 4, B5: 5 });
  });

  it('reads ISO dates (t="d") as date serials, times included, and keeps text that is no date', () => {
    const wb = book(
      '<row r="1"><c r="A1" t="d"><v>2024-03-15</v></c><c r="B1" t="d"><v>2024-03-15T12:00:00Z</v></c><c r="C1" t="d"><v>1900-01-01</v></c><c r="D1" t="d"><v>không phải ngày</v></c></row>',
    );
    const row = wb.readRows(wb.sheets[0]).rows[0].cells;
    expect(row.map((c) => [c.value, c.isDate])).toEqual([
      [45366, true],
      [45366.5, true],
      [1, true],
      ['không phải ngày', false],
    ]);
  });

  it('decodes ST_Xstring escapes in shared and inline strings', () => {
    const wb = book(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>a_x000D_</t></r><r><t>b</t></r></is></c><c r="C1" t="str"><f>A1</f><v>x_x0009_y</v></c></row>',
      { sst: '<si><t>dòng_x000D__x000A_mới _x005F_x0041_</t></si>' },
    );
    expect(cells(wb)).toEqual({ A1: 'dòng\r\nmới _x0041_', B1: 'a\rb', C1: 'x\ty' });
  });

  it('reads plain shared strings alike whether or not another item needs the full reader', () => {
    const row =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>';
    const plain = '<si><t>a &amp; b</t></si><si><t xml:space="preserve"> c </t></si><si><t>x\r\ny</t></si>';
    const expected = { A1: 'a & b', B1: ' c ', C1: 'x\ny' };
    expect(cells(book(row, { sst: plain }))).toEqual(expected);
    // A rich item, an empty self-closed text, a text with a comment: the scanner reads them all.
    for (const odd of [
      '<si><r><t>d</t></r><r><t>e</t></r></si>',
      '<si><t/></si>',
      '<si><t>f<!-- g --></t></si>',
    ])
      expect(cells(book(row, { sst: plain + odd }))).toEqual(expected);
  });

  it('tells a formula without a cached result, and an error, from a value', () => {
    const wb = book(
      '<row r="1"><c r="A1"><f>1/0</f><v>#DIV/0!</v></c><c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C1"><f>A1+1</f></c><c r="D1" t="str"><f>"x"</f></c><c r="E1"><f>2</f><v>2</v></c></row>',
    );
    const row = wb.readRows(wb.sheets[0]).rows[0].cells;
    expect(row.map((c) => [c.kind, c.value, c.hasFormula])).toEqual([
      // A number cell whose value is no number keeps the text it holds.
      ['text', '#DIV/0!', true],
      ['error', '#DIV/0!', true],
      ['empty', null, true],
      ['empty', null, true],
      ['number', 2, true],
    ]);
  });

  it('gives array and shared formulas, and leaves empty styled cells out unless asked', () => {
    const wb = book(
      '<row r="1"><c r="A1"><f t="array" ref="A1:A2">ROW(A1:A2)</f><v>1</v></c><c r="B1" s="1"/></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" ref="B2:B3" si="7">A2*2</f><v>4</v></c></row><row r="3"><c r="B3"><f t="shared" si="7"/><v>6</v></c></row>',
    );
    expect(cells(wb, true)).toEqual({ A1: [1, 'ROW(A1:A2)'], A2: 2, B2: [4, 'A2*2'], B3: [6, 'A3*2'] });
    const withEmpty = wb.readRows(wb.sheets[0], { includeEmpty: true, rows: [1, 1] }).rows[0].cells;
    expect(withEmpty.map((c) => [c.col, c.kind, c.style])).toEqual([
      [0, 'number', 0],
      [1, 'empty', 1],
    ]);
  });

  it('moves a shared formula to a cell outside the rows asked for, from its master above them', () => {
    const wb = book(
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">ROW()*2</f><v>2</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c></row>',
    );
    expect(wb.readRows(wb.sheets[0], { rows: [3, 3], formulas: true }).rows[0].cells[0].formula).toBe(
      'ROW()*2',
    );
  });

  it('reads a boolean written as true/false, and flags numbers whose style is a date', () => {
    const wb = book(
      '<row r="1"><c r="A1" t="b"><v>true</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" s="1"><v>45366</v></c><c r="D1" s="2"><v>45366</v></c></row>',
      {
        styles:
          '<numFmts count="1"><numFmt numFmtId="170" formatCode="0.0 &quot;ngày&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/></cellXfs>',
      },
    );
    const row = wb.readRows(wb.sheets[0]).rows[0].cells;
    expect(row.map((c) => [c.value, c.isDate])).toEqual([
      [true, false],
      [false, false],
      [45366, true],
      [45366, false],
    ]);
    expect(wb.styles().numberFormat(1)).toBe('mm-dd-yy');
    expect(wb.styles().numberFormat(2)).toBe('0.0 "ngày"');
  });

  it('leaves the styles part unread when dates are not wanted, except in a 1904 workbook', () => {
    const cells = '<row r="1"><c r="A1" s="1"><v>45366</v></c><c r="B1"><v>7</v></c></row>';
    // A styles part no reader can parse: reading it would refuse the file.
    const broken = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs><oops';
    const wb = book(cells, { styles: broken });
    expect(() => wb.readRows(wb.sheets[0])).toThrow();
    const plain = wb.readRows(wb.sheets[0], { dates: false }).rows[0].cells;
    expect(plain.map((c) => [c.value, c.isDate])).toEqual([
      [45366, false],
      [7, false],
    ]);

    const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
    const in1904 = book(cells, { styles, workbookPr: '<workbookPr date1904="1"/>' });
    const shifted = in1904.readRows(in1904.sheets[0], { dates: false }).rows[0].cells;
    expect(shifted.map((c) => c.value)).toEqual([45366 + 1462, 7]);
    const broken1904 = book(cells, { styles: broken, workbookPr: '<workbookPr date1904="1"/>' });
    expect(() => broken1904.readRows(broken1904.sheets[0], { dates: false })).toThrow();
  });

  it('refuses a cell pointing to a shared string the file does not hold, or one beyond column XFD', () => {
    const missing = book('<row r="3"><c r="B3" t="s"><v>4</v></c></row>', { sst: '<si><t>a</t></si>' });
    const wide = book('<row r="1"><c r="XFE1"><v>1</v></c></row>');
    for (const [wb, text] of [
      [
        missing,
        'Tệp "o.xlsx" bị hỏng: ô B3 của trang "S" trỏ tới chuỗi dùng chung số 4, chuỗi này không có trong tệp.',
      ],
      [wide, 'Tệp "o.xlsx" bị hỏng: trang "S" có ô "XFE1" nằm ngoài cột cuối cùng của Excel (XFD).'],
    ] as const) {
      let thrown: unknown = null;
      try {
        wb.readRows(wb.sheets[0]);
      } catch (e) {
        thrown = e;
      }
      expect(isLocalizedError(thrown) && thrown.msg.vi).toBe(text);
    }
  });

  it('reads a sheet of a package without shared strings or styles', () => {
    expect(
      cells(
        book(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>chỉ nội tuyến</t></is></c><c r="B1"><v>1.5</v></c></row>',
        ),
      ),
    ).toEqual({
      A1: 'chỉ nội tuyến',
      B1: 1.5,
    });
  });

  it('reads one cell without reading the rows after it', () => {
    const wb = book(
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>',
    );
    const stats = { rowsVisited: 0, cellsVisited: 0 };
    wb.forEachRow(wb.sheets[0], { rows: [2, 2], cols: [1, 1], stats }, () => undefined);
    expect(stats.rowsVisited).toBe(3);
    expect(wb.cell(wb.sheets[0], 'B2')?.value).toBe(2);
    expect(wb.cell(wb.sheets[0], { row: 3, col: 0 })?.value).toBe(3);
    expect(wb.cell(wb.sheets[0], 'C9')).toBeNull();
  });
});

describe('sheet layout', () => {
  it('gives the used range, merges, validations as written, columns and frozen panes', () => {
    const x14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
    const xm = 'http://schemas.microsoft.com/office/excel/2006/main';
    const wb = book('<row r="1"><c r="A1"><v>1</v></c></row>', {
      before:
        '<dimension ref="A1:O2035"/><sheetViews><sheetView workbookViewId="0"><pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/></sheetView></sheetViews><cols><col min="1" max="1" width="10" style="1" customWidth="1"/><col min="3" max="4" width="24.5" hidden="1"/></cols>',
      after: `<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="I2:I2035 K5" prompt="Chọn"><formula1>DsTrangThai</formula1></dataValidation></dataValidations><extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${x14}"><x14:dataValidations xmlns:xm="${xm}" count="1"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>'Danh mục'!$A$2:$A$4</xm:f></x14:formula1><xm:sqref>G2:G2035</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`,
    });
    const layout = wb.layout(wb.sheets[0]);
    expect(layout.dimension).toBe('A1:O2035');
    expect(layout.merges).toEqual(['A1:C1']);
    expect(layout.freeze).toEqual({ rows: 1, cols: 1, topLeftCell: 'B2' });
    expect(layout.columns).toEqual([
      { first: 0, last: 0, width: 10, style: 1, hidden: false },
      { first: 2, last: 3, width: 24.5, style: null, hidden: true },
    ]);
    expect(
      layout.validations.map((v) => [v.type, v.sqref, v.ranges.length, v.formula1, v.extension, v.prompt]),
    ).toEqual([
      ['list', 'I2:I2035 K5', 2, 'DsTrangThai', false, 'Chọn'],
      ['list', 'G2:G2035', 1, "'Danh mục'!$A$2:$A$4", true, null],
    ]);
  });

  it('reads a table’s counts and calculated columns', () => {
    const files = {
      '_rels/.rels': strToU8(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(
        `<workbook xmlns="${SML}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${SML}"><sheetData/></worksheet>`),
      'xl/worksheets/_rels/sheet1.xml.rels': strToU8(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/table" Target="/xl/tables/table1.xml"/></Relationships>`,
      ),
      'xl/tables/table1.xml': strToU8(
        `<table xmlns="${SML}" id="3" name="NhiemVu" displayName="NhiemVu" ref="A1:C11" totalsRowCount="1"><autoFilter ref="A1:C10"/><tableColumns count="3"><tableColumn id="1" name="Mã"/><tableColumn id="2" name="Tiến độ_x000a_(%)"/><tableColumn id="3" name="Gấp đôi"><calculatedColumnFormula>NhiemVu[[#This Row],[Mã]]*2</calculatedColumnFormula></tableColumn></tableColumns><tableStyleInfo name="TableStyleMedium2"/></table>`,
      ),
    };
    const wb = openWorkbook(zipSync(files));
    expect(wb.findTable('nhiemvu')?.table).toMatchObject({
      id: 3,
      ref: 'A1:C11',
      range: { top: 1, left: 0, bottom: 11, right: 2 },
      headerRowCount: 1,
      totalsRowCount: 1,
      autoFilter: 'A1:C10',
      columns: [
        { id: 1, name: 'Mã', calculatedColumnFormula: null },
        { id: 2, name: 'Tiến độ\n(%)', calculatedColumnFormula: null },
        { id: 3, name: 'Gấp đôi', calculatedColumnFormula: 'NhiemVu[[#This Row],[Mã]]*2' },
      ],
    });
    // Locating a table reads its part up to the root tag only: damage after it does not matter.
    files['xl/tables/table1.xml'] = strToU8(
      `<table xmlns="${SML}" id="3" name="NhiemVu" displayName="Bang" ref="A1:C11"><tableColumns count="3"><tableColumn id="1" name="Mã"`,
    );
    const damaged = openWorkbook(zipSync(files));
    for (const name of ['NHIEMVU', 'bang'])
      expect(damaged.findTableHead(name)).toEqual({
        sheet: damaged.sheets[0],
        table: {
          part: 'xl/tables/table1.xml',
          name: 'NhiemVu',
          displayName: 'Bang',
          range: { top: 1, left: 0, bottom: 11, right: 2 },
        },
      });
    expect(damaged.findTableHead('other')).toBeNull();
    expect(() => damaged.findTable('NhiemVu')).toThrow();
  });
});
