/**
 * An edited row is split into its cells by a search for the plain form every producer writes,
 * and by the XML scanner for anything else (comments, other elements, prefixes it cannot
 * judge). Whichever way a row is split, setting one of its cells must keep every other cell of
 * the row, in place, and the row's trailing elements.
 */
import { strFromU8, unzipSync } from 'fflate';
import { WorkbookEditor } from '../../../src/xlsx/ooxml/edit/editor';
import { openWorkbook } from '../../../src/xlsx/ooxml/read';
import { oneSheetWorkbook } from './fixture';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function workbookWith(sheetXml: string): Uint8Array {
  return oneSheetWorkbook({ sheet: sheetXml, sheetName: 'S' });
}

/** Every cell as "A1=value", row by row. */
function cells(bytes: Uint8Array): string[] {
  const wb = openWorkbook(bytes);
  return wb
    .readRows(wb.sheets[0])
    .rows.flatMap((r) => r.cells.map((c) => `${String.fromCharCode(65 + c.col)}${r.r}=${String(c.value)}`));
}

const ROWS = [
  // The plain form: numbered cells, an inline string with an escaped "<", a style-only cell.
  '<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>a &lt; b</t></is></c><c r="C1"><v>3</v></c></row>',
  // Cells without numbers: placed one after the other.
  '<row r="2"><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>',
  // A comment between cells: the scanner's case.
  '<row r="3"><c r="A3"><v>1</v></c><!-- kept? --><c r="B3"><v>2</v></c><c r="C3"><v>3</v></c></row>',
  // An element after the cells: kept after them.
  '<row r="4"><c r="A4"><v>1</v></c><c r="B4"><v>2</v></c><c r="C4"><v>3</v></c><extLst><ext uri="{X}"/></extLst></row>',
  // Blanks between cells, a gap where the new cell goes, a self-closed cell.
  '<row r="5">\n  <c r="A5"><v>1</v></c>\n  <c r="C5"><v>3</v></c>\n  <c r="D5"/>\n</row>',
];

const EDITED = [
  ['A1=1', 'B1=x', 'C1=3'],
  ['A2=1', 'B2=x', 'C2=3'],
  ['A3=1', 'B3=x', 'C3=3'],
  ['A4=1', 'B4=x', 'C4=3'],
  ['A5=1', 'B5=x', 'C5=3'],
].flat();

describe('setting one cell of a row', () => {
  it.each([
    ['unprefixed', ''],
    ['with the x: prefix', 'x:'],
  ])('keeps every other cell of each form of row (%s)', (_label, prefix) => {
    const rows = ROWS.map((r) => r.replace(/<(\/?)(row|c|v|is|t|extLst|ext)\b/g, `<$1${prefix}$2`)).join('');
    const ns = prefix ? `xmlns:x="${SML}"` : `xmlns="${SML}"`;
    const root = prefix ? 'x:worksheet' : 'worksheet';
    const bytes = workbookWith(`<${root} ${ns}><${prefix}sheetData>${rows}</${prefix}sheetData></${root}>`);
    expect(cells(bytes)).toEqual(
      [
        ['A1=1', 'B1=a < b', 'C1=3'],
        ['A2=1', 'B2=2', 'C2=3'],
        ['A3=1', 'B3=2', 'C3=3'],
        ['A4=1', 'B4=2', 'C4=3'],
        ['A5=1', 'C5=3'],
      ].flat(),
    );

    const editor = WorkbookEditor.open(bytes);
    const sheet = editor.sheet('S');
    for (let r = 1; r <= 5; r++) sheet.set(`B${r}`, { text: 'x', inline: true });
    const out = editor.save();
    expect(cells(out)).toEqual(EDITED);
    const xml = strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml']);
    // The trailing element of row 4 is still after its cells.
    expect(xml).toMatch(
      new RegExp(`<${prefix}c r="C4"><${prefix}v>3</${prefix}v></${prefix}c><${prefix}extLst>`),
    );
    // The self-closed cell of row 5 is kept as written.
    expect(xml).toContain(`<${prefix}c r="D5"/>`);
  });
});
