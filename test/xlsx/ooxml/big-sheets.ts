/**
 * Large synthetic workbooks for the bounded-work tests, built quickly: the sheet XML deflated by
 * Node's zlib and stored with the package writer's raw-copy path, so a 2,000,000-row sheet costs
 * seconds, not the minutes a JavaScript deflate of 90 MB would.
 */
import { deflateRawSync } from 'zlib';
import { strToU8 } from 'fflate';
import { writeZip, OutputEntry } from '../../../src/xlsx/ooxml/edit/zip-write';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function deflated(name: string, data: Uint8Array): OutputEntry {
  const raw = deflateRawSync(data, { level: 6 });
  return {
    kind: 'copy',
    raw,
    entry: {
      name,
      method: 8,
      flags: 0,
      crc: crc32(data),
      compressedSize: raw.length,
      size: data.length,
      dosTime: 0,
      dosDate: (44 << 9) | (6 << 5) | 14,
      dataOffset: 0,
    },
  };
}

/** A one-sheet workbook whose sheet holds `rows` rows of one small number each, from row `first`. */
export function tinyRowsWorkbook(rows: number, first = 1): Uint8Array {
  const parts: Buffer[] = [Buffer.from(`<worksheet xmlns="${SML}"><sheetData>`)];
  let text = '';
  for (let r = first; r < first + rows; r++) {
    text += `<row r="${r}"><c r="A${r}"><v>${r % 10}</v></c></row>`;
    if (text.length > 1 << 20) {
      parts.push(Buffer.from(text));
      text = '';
    }
  }
  parts.push(Buffer.from(`${text}</sheetData></worksheet>`));
  const small = (name: string, xml: string) => deflated(name, strToU8(xml));
  return writeZip([
    small(
      '_rels/.rels',
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    small(
      'xl/workbook.xml',
      `<workbook xmlns="${SML}" xmlns:r="${REL}"><sheets><sheet name="Nhỏ" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    small(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    deflated('xl/worksheets/sheet1.xml', Buffer.concat(parts)),
  ]);
}
