/**
 * The floor the .xlsx writer is measured against (bench only, not shipped): the same sheets'
 * XML built by plain string concatenation into one string per part, each part deflated at level 1
 * by node:zlib in one call, and a hand-made ZIP around them. No streaming, no checks, no model:
 * the least work that still writes the same cells, the same table part and a package readers open.
 *
 * It also writes what the product's file cannot do without, or the comparison flatters the floor
 * by the work it skips (at 1,000 tasks that was about a tenth of the product's write): the height
 * of each row of wrapped text (spreadsheets do not measure text when they open a file, so without
 * it every task prints one line high), the theme the table style is drawn in, and the document
 * properties (who built the file, and when). It estimates heights with the product's own
 * `wrappedLines`, as any writer of these rows would have to.
 */
import * as zlib from 'node:zlib';
import { escapeAttr, escapeXml } from '../src/xlsx/ooxml/xml';
import { isoToSerial } from '../src/model/dates';
import type { CellSpec, CellValue, SheetSpec, WorkbookSpec } from '../src/workbook/types';
import { linesHeight, StyleRegistry, wrappedLines } from '../src/xlsx/ooxml/write';
import { THEME_XML } from '../src/xlsx/ooxml/write/theme';
import { columnLetter } from '../src/model/table';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const T = 'application/vnd.openxmlformats-officedocument';

function zipParts(parts: [string, string][]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of parts) {
    const data = Buffer.from(text, 'utf8');
    const deflated = zlib.deflateRawSync(data, { level: 1 });
    const crc = zlib.crc32(data);
    const fileName = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    chunks.push(local, fileName, deflated);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(deflated.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(fileName.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, fileName);
    offset += 30 + fileName.length + deflated.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

export function floorXlsx(spec: WorkbookSpec): Buffer {
  const styles = new StyleRegistry();
  const sst = new Map<string, number>();
  const s = (text: string) => {
    let i = sst.get(text);
    if (i === undefined) sst.set(text, (i = sst.size));
    return i;
  };
  const parts: [string, string][] = [];
  const tables: string[] = [];
  const cellXml = (ref: string, style: number, v: CellValue, shared: string): string => {
    if (!v) return '';
    switch (v.t) {
      case 'text':
        return v.v === '' ? '' : `<c r="${ref}" s="${style}" t="s"><v>${s(v.v)}</v></c>`;
      case 'number':
        return `<c r="${ref}" s="${style}"><v>${v.v}</v></c>`;
      case 'bool':
        return `<c r="${ref}" s="${style}" t="b"><v>${v.v ? 1 : 0}</v></c>`;
      case 'date':
        return `<c r="${ref}" s="${style}"><v>${isoToSerial(v.v)}</v></c>`;
      case 'formula': {
        const t = typeof v.result === 'string' ? ' t="str"' : '';
        const res =
          v.result === undefined
            ? ''
            : `<v>${typeof v.result === 'string' ? escapeXml(v.result) : v.result}</v>`;
        return `<c r="${ref}" s="${style}"${t}>${shared || `<f>${escapeXml(v.f)}</f>`}${res}</c>`;
      }
    }
  };
  spec.sheets.forEach((sheet: SheetSpec, si) => {
    const out: string[] = [
      `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${R}"><sheetFormatPr defaultRowHeight="15"/>`,
    ];
    out.push(
      `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols><sheetData>`,
    );
    for (const t of sheet.tables) {
      const colStyles = t.columns.map((c) =>
        styles.cell({ numFmt: c.numFmt, alignment: { vertical: 'top', wrap: c.wrap } }),
      );
      const letters = t.columns.map((_c, j) => columnLetter(t.col + j));
      const wrapped = sheet.fitWrappedRows
        ? t.columns.flatMap((c, j) => (c.wrap ? [{ j, width: sheet.widths[t.col + j] ?? c.width }] : []))
        : [];
      const header = t.row + 1;
      out.push(
        `<row r="${header}">${t.columns.map((c, j) => `<c r="${letters[j]}${header}" t="s"><v>${s(c.header)}</v></c>`).join('')}</row>`,
      );
      const last = header + t.rows.length;
      t.rows.forEach((row, i) => {
        const r = header + 1 + i;
        let lines = 1;
        for (const { j, width } of wrapped) {
          const v = row[j];
          const text =
            v?.t === 'text' ? v.v : v?.t === 'formula' && typeof v.result === 'string' ? v.result : '';
          if (text) lines = Math.max(lines, wrappedLines(text, width));
        }
        const height = linesHeight(lines);
        out.push(height === undefined ? `<row r="${r}">` : `<row r="${r}" ht="${height}" customHeight="1">`);
        row.forEach((v, j) => {
          const formula = t.columns[j].formula;
          const shared = !formula
            ? ''
            : i === 0
              ? `<f t="shared" ref="${letters[j]}${r}:${letters[j]}${last}" si="${j}">${escapeXml(formula(r))}</f>`
              : `<f t="shared" si="${j}"/>`;
          out.push(cellXml(letters[j] + r, colStyles[j], v, shared));
        });
        out.push('</row>');
      });
      const ref = `${letters[0]}${header}:${letters[letters.length - 1]}${last}`;
      tables.push(
        `${HEAD}<table xmlns="${NS}" id="${tables.length + 1}" name="${t.name}" displayName="${t.name}" ref="${ref}"><autoFilter ref="${ref}"/>` +
          `<tableColumns count="${t.columns.length}">${t.columns.map((c, j) => `<tableColumn id="${j + 1}" name="${escapeAttr(c.header)}"/>`).join('')}</tableColumns>` +
          `<tableStyleInfo name="${t.style}" showRowStripes="1"/></table>`,
      );
    }
    const byRow = new Map<number, CellSpec[]>();
    for (const c of sheet.cells) {
      const list = byRow.get(c.row);
      if (list) list.push(c);
      else byRow.set(c.row, [c]);
    }
    const styleOf = new Map<unknown, number>();
    const style = (c: CellSpec) => {
      let i = styleOf.get(c.style);
      if (i === undefined)
        styleOf.set(c.style, (i = styles.cell(c.style ? { numFmt: c.style.numFmt } : undefined)));
      return i;
    };
    for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
      const cells = (byRow.get(row) as CellSpec[]).sort((a, b) => a.col - b.col);
      out.push(
        `<row r="${row + 1}">${cells.map((c) => cellXml(columnLetter(c.col) + (row + 1), style(c), c.value, '')).join('')}</row>`,
      );
    }
    out.push('</sheetData>');
    if (sheet.validations.length)
      out.push(
        `<dataValidations count="${sheet.validations.length}">${sheet.validations
          .map(
            (v) =>
              `<dataValidation type="${v.kind}" allowBlank="1" sqref="${v.range}"><formula1>${v.kind === 'list' ? v.source : v.min}</formula1></dataValidation>`,
          )
          .join('')}</dataValidations>`,
      );
    if (sheet.tables.length) out.push(`<tableParts count="1"><tablePart r:id="rId1"/></tableParts>`);
    out.push('</worksheet>');
    parts.push([`xl/worksheets/sheet${si + 1}.xml`, out.join('')]);
    if (sheet.tables.length)
      parts.push([
        `xl/worksheets/_rels/sheet${si + 1}.xml.rels`,
        `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/table" Target="../tables/table${tables.length}.xml"/></Relationships>`,
      ]);
  });
  tables.forEach((t, i) => parts.push([`xl/tables/table${i + 1}.xml`, t]));
  const strings = [`${HEAD}<sst xmlns="${NS}" uniqueCount="${sst.size}">`];
  for (const text of sst.keys()) strings.push(`<si><t xml:space="preserve">${escapeXml(text)}</t></si>`);
  strings.push('</sst>');
  parts.push(['xl/sharedStrings.xml', strings.join('')]);
  parts.push(['xl/styles.xml', styles.toXml()]);
  parts.push(['xl/theme/theme1.xml', THEME_XML]);
  const built = new Date(spec.meta.builtAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  parts.push([
    'docProps/core.xml',
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${escapeXml(spec.meta.generator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${built}</dcterms:created></cp:coreProperties>`,
  ]);
  parts.push([
    'docProps/app.xml',
    `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
  ]);
  const n = spec.sheets.length;
  parts.push([
    'xl/workbook.xml',
    `${HEAD}<workbook xmlns="${NS}" xmlns:r="${R}"><sheets>${spec.sheets.map((sh, i) => `<sheet name="${escapeAttr(sh.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  ]);
  parts.push([
    'xl/_rels/workbook.xml.rels',
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      spec.sheets
        .map(
          (_s, i) =>
            `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${n + 1}" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId${n + 3}" Type="${R}/theme" Target="theme/theme1.xml"/></Relationships>`,
  ]);
  parts.push([
    '_rels/.rels',
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  ]);
  parts.unshift([
    '[Content_Types].xml',
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${T}.spreadsheetml.sheet.main+xml"/>` +
      spec.sheets
        .map(
          (_s, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${T}.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      tables
        .map(
          (_t, i) =>
            `<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="${T}.spreadsheetml.table+xml"/>`,
        )
        .join('') +
      `<Override PartName="/xl/styles.xml" ContentType="${T}.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${T}.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/theme/theme1.xml" ContentType="${T}.theme+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${T}.extended-properties+xml"/></Types>`,
  ]);
  return zipParts(parts);
}
