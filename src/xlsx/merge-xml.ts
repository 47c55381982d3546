/**
 * Cell edits made directly in an .xlsx package's XML. A merge changes a few cells of a workbook
 * staff may have enriched in Excel (PivotTables, charts, their own sheets): loading and re-saving
 * it through a spreadsheet library would drop what that library does not model. Here only the
 * edited cells, the history sheet and the recalculation flag change; every other part of the
 * package is copied as it was.
 */
import JSZip from 'jszip';
import { LocalizedError } from '../model/msg';
import { columnLetter } from '../model/table';
import { escapeAttr, escapeXml, unescapeXml } from './ooxml/xml';

export { escapeXml };

export type XmlCellValue = { t: 'text'; v: string } | { t: 'number'; v: number } | null;

/** A package this editor cannot change safely: the user's file, so the user's error. */
export class XlsxEditError extends LocalizedError {
  constructor(vi: string, en: string) {
    super({ vi, en });
    this.name = 'XlsxEditError';
  }
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The XML of one cell with the given style index. */
export function cellXml(ref: string, style: string | null, value: XmlCellValue): string {
  const s = style !== null ? ` s="${style}"` : '';
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (value.t === 'number') return `<c r="${ref}"${s}><v>${value.v}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value.v)}</t></is></c>`;
}

interface RowPart {
  r: number;
  /** The row's opening tag (without its cells), or the whole self-closing tag. */
  open: string;
  cells: { col: number; xml: string }[];
}

const ROW_RE = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
const CELL_RE = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

/** A worksheet's XML with its rows split out, for edits that leave everything else untouched. */
export class SheetXml {
  private readonly before: string;
  private readonly after: string;
  private readonly rows = new Map<number, RowPart>();
  /** Column (0-based) → style index of its <col> element, for cells created where none was. */
  private readonly colStyles: { min: number; max: number; style: string }[] = [];

  constructor(xml: string) {
    const open = /<sheetData\b[^>]*?(\/>|>)/.exec(xml);
    if (!open)
      throw new XlsxEditError(
        'Trang tính không có phần dữ liệu (sheetData).',
        'The worksheet has no sheetData.',
      );
    const start = open.index + open[0].length;
    if (open[1] === '/>') {
      this.before = xml.slice(0, open.index) + '<sheetData>';
      this.after = '</sheetData>' + xml.slice(start);
    } else {
      const end = xml.indexOf('</sheetData>', start);
      this.before = xml.slice(0, start);
      this.after = xml.slice(end);
      for (const m of xml.slice(start, end).matchAll(ROW_RE)) this.addRow(m[0]);
    }
    for (const m of xml.matchAll(/<col\b[^>]*\/?>/g)) {
      const style = attr(m[0], 'style');
      const min = Number(attr(m[0], 'min'));
      const max = Number(attr(m[0], 'max'));
      if (style !== null && min > 0) this.colStyles.push({ min: min - 1, max: max - 1, style });
    }
  }

  private addRow(xml: string): void {
    const tagEnd = xml.indexOf('>') + 1;
    const openTag = xml.slice(0, tagEnd);
    const r = Number(attr(openTag, 'r'));
    if (!Number.isInteger(r) || r < 1)
      throw new XlsxEditError(
        'Tệp có dòng không ghi số dòng (thuộc tính r); không sửa được an toàn.',
        'The file has a row without its number (r attribute); it cannot be edited safely.',
      );
    const cells: { col: number; xml: string }[] = [];
    if (!openTag.endsWith('/>')) {
      for (const m of xml.slice(tagEnd, xml.length - '</row>'.length).matchAll(CELL_RE)) {
        const ref = attr(m[0].slice(0, m[0].indexOf('>') + 1), 'r') ?? '';
        const letters = /^([A-Z]+)\d+$/i.exec(ref);
        if (!letters)
          throw new XlsxEditError(
            `Ô không có địa chỉ ở dòng ${r}; không sửa được an toàn.`,
            `A cell in row ${r} has no address; it cannot be edited safely.`,
          );
        cells.push({ col: columnIndex(letters[1]), xml: m[0] });
      }
    }
    this.rows.set(r, { r, open: openTag.endsWith('/>') ? openTag.replace(/\s*\/>$/, '>') : openTag, cells });
  }

  lastRow(): number {
    let max = 0;
    for (const r of this.rows.keys()) max = Math.max(max, r);
    return max;
  }

  /** The style index a cell has, or would get from its column's format. */
  private styleFor(row: RowPart | undefined, col: number): string | null {
    const existing = row?.cells.find((c) => c.col === col);
    if (existing) return attr(existing.xml.slice(0, existing.xml.indexOf('>') + 1), 's');
    return this.colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? null;
  }

  /** Sets a cell (1-based row, 0-based column), keeping its style. */
  setCell(rowNumber: number, col: number, value: XmlCellValue, style?: string | null): void {
    let row = this.rows.get(rowNumber);
    const s = style !== undefined ? style : this.styleFor(row, col);
    if (!row) {
      row = { r: rowNumber, open: `<row r="${rowNumber}">`, cells: [] };
      this.rows.set(rowNumber, row);
    }
    const xml = cellXml(`${columnLetter(col)}${rowNumber}`, s, value);
    const i = row.cells.findIndex((c) => c.col === col);
    if (i >= 0) row.cells[i] = { col, xml };
    else {
      row.cells.push({ col, xml });
      row.cells.sort((a, b) => a.col - b.col);
    }
    // A row's "spans" hint may no longer cover its cells; it is optional, so drop it.
    row.open = row.open.replace(/\sspans="[^"]*"/, '');
  }

  toString(): string {
    const rows = [...this.rows.values()].sort((a, b) => a.r - b.r);
    const body = rows.map((r) => `${r.open}${r.cells.map((c) => c.xml).join('')}</row>`).join('');
    return this.withDimension(rows) + body + this.after;
  }

  /** The used-range hint must cover appended rows, or some readers stop at the old end. */
  private withDimension(rows: RowPart[]): string {
    let [top, bottom, left, right] = [Infinity, 0, Infinity, 0];
    for (const r of rows) {
      for (const c of r.cells) {
        top = Math.min(top, r.r);
        bottom = Math.max(bottom, r.r);
        left = Math.min(left, c.col);
        right = Math.max(right, c.col);
      }
    }
    if (bottom === 0) return this.before;
    const ref = `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
    return this.before.replace(/<dimension ref="[^"]*"\s*\/>/, `<dimension ref="${ref}"/>`);
  }
}

/** The package's sheets: name → part path, from workbook.xml and its relationships. */
export async function sheetParts(zip: JSZip): Promise<{ name: string; path: string; sheetId: number }[]> {
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbook || !rels)
    throw new XlsxEditError(
      'Tệp không phải bảng tính .xlsx hợp lệ.',
      'The file is not a valid .xlsx workbook.',
    );
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*\/?>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out: { name: string; path: string; sheetId: number }[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*\/?>/g)) {
    const name = attr(m[0], 'name') ?? '';
    const rid = attr(m[0], 'r:id');
    const path = rid ? targets.get(rid) : undefined;
    if (path)
      out.push({ name, path: path.replace(/\/\.\//g, '/'), sheetId: Number(attr(m[0], 'sheetId')) || 0 });
  }
  return out;
}

/** Adds an empty worksheet part at the end of the workbook; returns its path. */
export async function addSheetPart(zip: JSZip, name: string, xml: string): Promise<string> {
  const parts = await sheetParts(zip);
  let n = parts.length + 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n += 1;
  const path = `xl/worksheets/sheet${n}.xml`;
  zip.file(path, xml);

  const relsPath = 'xl/_rels/workbook.xml.rels';
  let rels = (await zip.file(relsPath)?.async('string')) ?? '';
  const ids = [...rels.matchAll(/\sId="rId(\d+)"/g)].map((m) => Number(m[1]));
  const rid = `rId${Math.max(0, ...ids) + 1}`;
  rels = rels.replace(
    '</Relationships>',
    `<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`,
  );
  zip.file(relsPath, rels);

  const typesPath = '[Content_Types].xml';
  let types = (await zip.file(typesPath)?.async('string')) ?? '';
  types = types.replace(
    '</Types>',
    `<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file(typesPath, types);

  let workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const sheetId = Math.max(0, ...parts.map((p) => p.sheetId)) + 1;
  const rNs = /xmlns:r="[^"]+"/.test(workbook) ? 'r' : null;
  if (!rNs)
    workbook = workbook.replace(
      /<workbook\b/,
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
    );
  workbook = workbook.replace(
    '</sheets>',
    `<sheet name="${escapeAttr(name)}" sheetId="${sheetId}" r:id="${rid}"/></sheets>`,
  );
  zip.file('xl/workbook.xml', workbook);
  return path;
}

/** Asks Excel to recalculate on open: edited inputs leave the formulas' cached results stale. */
export async function requestFullCalc(zip: JSZip): Promise<void> {
  let workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  if (/<calcPr\b[^>]*fullCalcOnLoad="(1|true)"/.test(workbook)) return;
  if (/<calcPr\b/.test(workbook))
    workbook = workbook.replace(/<calcPr\b([^>]*?)(\s*\/?>)/, (_m, attrs: string, end: string) => {
      const cleaned = attrs.replace(/\sfullCalcOnLoad="[^"]*"/, '');
      return `<calcPr${cleaned} fullCalcOnLoad="1"${end}`;
    });
  else if (workbook.includes('</definedNames>'))
    // The schema orders workbook children: calcPr comes right after definedNames / sheets.
    workbook = workbook.replace('</definedNames>', '</definedNames><calcPr fullCalcOnLoad="1"/>');
  else workbook = workbook.replace('</sheets>', '</sheets><calcPr fullCalcOnLoad="1"/>');
  zip.file('xl/workbook.xml', workbook);
}
