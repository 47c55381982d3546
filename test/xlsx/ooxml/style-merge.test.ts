import { mergeStyles } from '../../../src/xlsx/ooxml/edit/style-merge';
import { portableSheet, stylesUsed } from '../../../src/xlsx/ooxml/edit/sheet-copy';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const TARGET =
  `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** A source written with the `x:` prefix (the Open XML SDK's way), its own ids for everything. */
const SOURCE =
  `<x:styleSheet xmlns:x="${NS}"><x:numFmts count="2"><x:numFmt numFmtId="170" formatCode="dd/mm/yyyy"/>` +
  '<x:numFmt numFmtId="171" formatCode="#,##0.00"/></x:numFmts>' +
  '<x:fonts count="2"><x:font><x:sz val="11"/><x:name val="Calibri"/></x:font><x:font><x:b/><x:sz val="14"/><x:name val="Times New Roman"/></x:font></x:fonts>' +
  '<x:fills count="3"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill>' +
  '<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFFF00"/></x:patternFill></x:fill></x:fills>' +
  '<x:borders count="1"><x:border><x:left/><x:right/><x:top/><x:bottom/><x:diagonal/></x:border></x:borders>' +
  '<x:cellXfs count="4"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<x:xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<x:xf numFmtId="171" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1"><x:alignment horizontal="center"/></x:xf>' +
  '<x:xf numFmtId="14" fontId="1" fillId="0" borderId="0" xfId="3"/></x:cellXfs>' +
  '<x:dxfs count="1"><x:dxf><x:font><x:color rgb="FFFF0000"/></x:font></x:dxf></x:dxfs></x:styleSheet>';

const merge = (xfs: number[], dxfs: number[] = []) =>
  mergeStyles({ xml: TARGET, part: 'xl/styles.xml' }, { xml: SOURCE, part: 'xl/styles.xml' }, { xfs, dxfs });

describe('mergeStyles: a sheet’s cell formats brought into another stylesheet', () => {
  it('reuses what the target has and appends the rest under its own prefix and ids', () => {
    const { xml, xf, dxf } = merge([0, 1, 2, 3], [0]);
    // Format 0 and the date format exist in the target (the date under its own id 164).
    expect(xf.get(0)).toBe(0);
    expect(xml).toContain(
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    );
    // A new custom format gets a fresh id; the font and fill come along, referred to by new ids.
    expect(xml).toContain('<numFmt numFmtId="165" formatCode="#,##0.00"/>');
    expect(xml).toContain('<fonts count="2">');
    expect(xml).toContain('<font><b/><sz val="14"/><name val="Times New Roman"/></font>');
    expect(xml).toContain(
      '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill>',
    );
    expect(xml).toContain(
      '<xf numFmtId="165" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1"><alignment horizontal="center"/></xf>',
    );
    // Named cell styles are not carried: the copy refers to Normal.
    expect(xml).toContain('<xf numFmtId="14" fontId="1" fillId="0" borderId="0" xfId="0"/>');
    expect(xml).not.toContain('x:');
    expect([xf.get(1), xf.get(2), xf.get(3)]).toEqual([1, 2, 3]);
    expect(xml).toContain('<cellXfs count="4">');
    // The target had no differential formats: the element is made where the schema puts it.
    expect(xml).toMatch(
      /<\/cellStyles><dxfs count="1"><dxf><font><color rgb="FFFF0000"\/><\/font><\/dxf><\/dxfs>/,
    );
    expect(dxf.get(0)).toBe(0);
  });

  it('adds each format once however often it is asked for', () => {
    const once = merge([2]);
    const twice = mergeStyles(
      { xml: once.xml, part: 'xl/styles.xml' },
      { xml: SOURCE, part: 'xl/styles.xml' },
      {
        xfs: [2],
        dxfs: [],
      },
    );
    expect(twice.xml).toBe(once.xml);
    expect(twice.xf.get(2)).toBe(once.xf.get(2));
  });

  it('maps every format to the default when the source has no stylesheet', () => {
    const { xml, xf } = mergeStyles({ xml: TARGET, part: 'xl/styles.xml' }, null, { xfs: [0, 5], dxfs: [] });
    expect(xml).toBe(TARGET);
    expect([xf.get(0), xf.get(5)]).toEqual([0, 0]);
  });
});

describe('portableSheet: a worksheet part made fit for another package', () => {
  const SHEET =
    `<worksheet xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr baseColWidth="10"/>' +
    '<cols><col min="1" max="1" width="30" style="2" customWidth="1"/></cols>' +
    '<sheetData><row r="1" s="3" customFormat="1"><c r="A1" s="2" t="s"><v>1</v></c><c r="B1" s="1"><v>45427</v></c>' +
    '<c r="C1" s="2"/><c r="D1"><f>B1*2</f><v>90854</v></c></row></sheetData>' +
    '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>' +
    '<conditionalFormatting sqref="B1"><cfRule type="expression" dxfId="0" priority="1"><formula>B1&gt;0</formula></cfRule></conditionalFormatting>' +
    '<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" location="\'Khác\'!A1"/></hyperlinks>' +
    '<pageSetup paperSize="9" r:id="rId2"/><drawing r:id="rId3"/><tableParts count="1"><tablePart r:id="rId4"/></tableParts></worksheet>';

  it('remaps styles and strings, keeps the layout, leaves out what points to other parts', () => {
    const used = stylesUsed(SHEET);
    expect([...used.xfs].sort()).toEqual([0, 1, 2, 3]);
    expect([...used.dxfs]).toEqual([0]);
    const added: string[] = [];
    const out = portableSheet(SHEET, 'xl/worksheets/sheet1.xml', {
      xf: new Map([
        [1, 11],
        [2, 12],
        [3, 13],
      ]),
      dxf: new Map([[0, 4]]),
      sourceStrings: ['khác', 'Kinh phí & chi'],
      targetString: (text) => added.push(text) + 6,
    });
    expect(added).toEqual(['Kinh phí & chi']);
    expect(out).toContain('<c r="A1" s="12" t="s"><v>7</v></c>');
    expect(out).toContain('<c r="B1" s="11"><v>45427</v></c>');
    expect(out).toContain('<c r="C1" s="12"/>');
    expect(out).toContain('<c r="D1"><f>B1*2</f><v>90854</v></c>');
    expect(out).toContain('<row r="1" s="13" customFormat="1">');
    expect(out).toContain('<col min="1" max="1" width="30" style="12" customWidth="1"/>');
    expect(out).toContain('<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>');
    expect(out).toContain('dxfId="4"');
    expect(out).toContain('<sheetView workbookViewId="0"/>');
    expect(out).toContain('<sheetFormatPr baseColWidth="10" defaultRowHeight="15"/>');
    expect(out).toContain('<hyperlinks><hyperlink ref="B1" location="\'Khác\'!A1"/></hyperlinks>');
    expect(out).toContain('<pageSetup paperSize="9"/>');
    expect(out).not.toMatch(/r:id|<drawing|<tableParts/);
  });

  it('writes strings inline when the target keeps no shared-string table', () => {
    const out = portableSheet(SHEET, 'xl/worksheets/sheet1.xml', {
      xf: new Map(),
      dxf: new Map(),
      sourceStrings: ['', 'a < b'],
      targetString: () => null,
    });
    expect(out).toContain('<c r="A1" s="0" t="inlineStr"><is><t xml:space="preserve">a &lt; b</t></is></c>');
  });
});
