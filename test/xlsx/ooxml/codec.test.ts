/**
 * The merge's faster paths must read and write exactly what the default ones do: Node's zlib as
 * the codec (the CLI's merge), the shared string table spliced as bytes (with the text path
 * kept for a table whose end the byte search cannot place), and large parts kept decompressed.
 */
import { unzipSync } from 'fflate';
import { isLocalizedError } from '../../../src/model/msg';
import { WorkbookEditor } from '../../../src/xlsx/ooxml/edit/editor';
import { openWorkbook } from '../../../src/xlsx/ooxml/read';
import { nodeZipCodec } from '../../../src/xlsx/node-deflate';
import { excelFixture, workbookWithStrings } from './fixture';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function cellTexts(bytes: Uint8Array): string[] {
  const wb = openWorkbook(bytes);
  return wb
    .readRows(wb.sheets[0])
    .rows.flatMap((r) => r.cells.map((c) => `${r.r}:${c.col}=${String(c.value)}`));
}

/** Every part's content, decompressed. */
function contents(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = new TextDecoder().decode(data);
  return out;
}

describe('Node zlib as the codec', () => {
  it('reads every cell as fflate does and writes the same parts', () => {
    const bytes = excelFixture();
    const byFflate = openWorkbook(bytes);
    const byZlib = openWorkbook(bytes, { codec: nodeZipCodec() });
    for (const sheet of byFflate.sheets)
      expect(byZlib.readRows(byZlib.sheet(sheet.name)!).rows).toEqual(byFflate.readRows(sheet).rows);

    const edit = (codec?: ReturnType<typeof nodeZipCodec>) => {
      const editor = WorkbookEditor.over(openWorkbook(bytes, { codec }));
      const sheet = editor.sheet(byFflate.sheets[0].name);
      sheet.set('B2', 'Đang thực hiện');
      // Enough rows for a sheet of some size (zlib now handles parts of every size).
      sheet.appendRows(Array.from({ length: 3000 }, (_v, i) => [`mới ${i}`, i, { date: 45463 + i }]));
      return editor.save({ now: new Date('2024-06-20T00:00:00Z') });
    };
    const viaFflate = edit();
    const viaZlib = edit(nodeZipCodec());
    expect(viaZlib).not.toEqual(viaFflate); // compressed by another engine…
    expect(contents(viaZlib)).toEqual(contents(viaFflate)); // …to the same parts
    expect(cellTexts(viaZlib)).toEqual(cellTexts(viaFflate));
  });

  it('refuses, naming the file, a part whose data does not match its announced size', () => {
    const bytes = workbookWithStrings(
      `<sst xmlns="${SML}" count="1" uniqueCount="1"><si><t>một</t></si></sst>`,
    );
    // The central directory's uncompressed size of the sheet, made 5 bytes short of the truth.
    const broken = new Uint8Array(bytes);
    const view = new DataView(broken.buffer);
    let at = broken.length - 22;
    while (view.getUint32(at, true) !== 0x06054b50) at--;
    at = view.getUint32(at + 16, true);
    for (;;) {
      const nameLength = view.getUint16(at + 28, true);
      const name = new TextDecoder().decode(broken.subarray(at + 46, at + 46 + nameLength));
      if (name === 'xl/worksheets/sheet1.xml') {
        view.setUint32(at + 24, view.getUint32(at + 24, true) - 5, true);
        break;
      }
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    for (const codec of [undefined, nodeZipCodec()]) {
      const wb = openWorkbook(broken, { fileName: 'hong.xlsx', codec });
      let thrown: unknown = null;
      try {
        wb.readRows(wb.sheets[0]);
      } catch (e) {
        thrown = e;
      }
      expect(isLocalizedError(thrown)).toBe(true);
      if (isLocalizedError(thrown)) expect(thrown.msg.vi).toContain('hong.xlsx');
    }
  });
});

describe('shared strings appended by the editor', () => {
  const add = (sst: string) => {
    const editor = WorkbookEditor.open(workbookWithStrings(sst));
    editor.sheet('A').set('A2', 'hai & ba');
    editor.sheet('A').set('A1', 'bốn');
    return editor.save();
  };

  it.each([
    ['plain', `<sst xmlns="${SML}" count="1" uniqueCount="1"><si><t>một</t></si></sst>`],
    [
      'blank lines after the end tag',
      `<sst xmlns="${SML}" count="1" uniqueCount="1"><si><t>một</t></si></sst>\r\n\n`,
    ],
    [
      'a comment after the end tag',
      `<sst xmlns="${SML}" count="1" uniqueCount="1"><si><t>một</t></si></sst><!-- x -->`,
    ],
    ['a prefix', `<x:sst xmlns:x="${SML}" count="1" uniqueCount="1"><x:si><x:t>một</x:t></x:si></x:sst>`],
    ['an empty self-closed table', `<sst xmlns="${SML}" count="1" uniqueCount="1"/>`],
  ])('%s: new texts are added once and the counts stay true', (_name, sst) => {
    const out = add(sst);
    const text = contents(out)['xl/sharedStrings.xml'];
    expect(cellTexts(out)).toEqual(['1:0=bốn', '2:0=hai & ba']);
    const before = sst.includes('si>') ? 1 : 0;
    expect(text).toContain(`uniqueCount="${before + 2}"`);
    expect(text).toMatch(/ count="2"/);
    expect(text.match(/<(x:)?si>/g)).toHaveLength(before + 2);
  });
});

describe('shared strings read in one pass', () => {
  const items =
    '<si><t>một &amp; &quot;hai&quot; &#7871;</t></si><si><t xml:space="preserve">  cách  </t></si>' +
    '<si><t>dòng\r\nmới_x000D_</t></si><si><t>&unknown; _x005F_x0041_</t></si><si><t></t></si>';
  const read = (sst: string) => {
    const wb = openWorkbook(workbookWithStrings(sst));
    return wb.sharedStrings();
  };

  it('gives what the scanner gives, escapes, line ends and blanks included', () => {
    const plain = read(`<sst xmlns="${SML}" count="5" uniqueCount="5">${items}</sst>`);
    // A comment after the items sends the same table through the scanner.
    const scanned = read(`<sst xmlns="${SML}" count="5" uniqueCount="5">${items}<!-- x --></sst>`);
    expect(plain).toEqual(scanned);
    expect(plain).toEqual(['một & "hai" ế', '  cách  ', 'dòng\nmới\r', '&unknown; _x0041_', '']);
  });

  it('reads rich text and phonetic runs through the scanner', () => {
    const rich = `<si><r><t>Đậm</t></r><r><rPr><b/></rPr><t xml:space="preserve"> thường</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>`;
    expect(read(`<sst xmlns="${SML}" count="2" uniqueCount="2">${rich}<si><t>một</t></si></sst>`)).toEqual([
      'Đậm thường',
      'một',
    ]);
  });

  it('refuses a broken table, naming the file', () => {
    const wb = openWorkbook(workbookWithStrings(`<sst xmlns="${SML}"><si><t>một</si></sst>`), {
      fileName: 'hong.xlsx',
    });
    let thrown: unknown = null;
    try {
      wb.sharedStrings();
    } catch (e) {
      thrown = e;
    }
    expect(isLocalizedError(thrown)).toBe(true);
    if (isLocalizedError(thrown)) expect(thrown.msg.vi).toContain('hong.xlsx');
  });
});
