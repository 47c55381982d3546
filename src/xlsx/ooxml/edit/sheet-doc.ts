/**
 * A worksheet part held for editing: its bytes split into rows, each row kept as the exact bytes
 * the producer wrote until one of its cells changes (only then is that row decoded). Only
 * changed rows are written anew (with explicit row and cell numbers, so no positional cell
 * shifts); every other byte stays.
 *
 * Shared formulas: a group (`<f t="shared" si="N" ref="…">` on its master, `<f t="shared"
 * si="N"/>` on the others) must never lose its master. When the master is overwritten, the next
 * cell of the group becomes the master with the formula moved to it, or, when the group's
 * remaining cells do not start at that cell, every remaining cell gets its own formula.
 */
import { cellRef, CellRange, formatRange, parseRange, rangeContains } from '../cell-ref';
import { shiftFormula } from '../formula-shift';
import { isSml } from '../namespaces';
import { END, EOF, START, XmlScanner, XmlSyntaxError } from '../scanner';
import { formulaElement, ParsedCell, parseCell, replaceFormula, startTagEnd } from './cell-xml';
import { removeAttribute, setAttribute } from './xml-edit';

interface CellSlot {
  col: number;
  xml: string;
  /** Its start tag is known to carry an `r` (a cell split from the plain form): kept as it is. */
  hasRef?: boolean;
}

interface RowSlot {
  r: number;
  /** Where the row is in the part's bytes (-1 for a row this editor added). */
  start: number;
  end: number;
  /** The start tag (self-closing written open), or null until first asked for (openTagOf). */
  openTag: string | null;
  /** Where the start tag ends in the part's bytes. */
  tagEnd: number;
  qname: string;
  explicitR: boolean;
  cells: CellSlot[] | null;
  /** What follows the cells inside the row (an extLst), kept. */
  tail: string;
  dirty: boolean;
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

const CELL_REF = /\sr\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** The 0-based column of an A1 reference such as "K12", or null. */
function columnOfRef(ref: string): number | null {
  const m = /^([A-Za-z]{1,3})\d+$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return col - 1;
}

/** Where the start tag beginning at `at` ends (after its ">"), quotes respected; -1 if never. */
function tagEndAt(xml: string, at: number): number {
  for (let i = at + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 62 /* > */) return i + 1;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      i = xml.indexOf(xml[i], i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

const isBlankCode = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The 0-based column of a cell tag whose attributes start with ` r="LETTERS DIGITS"` at `at`
 * (what columnOfRef reads from it), or -1 for any other form (then the pattern decides).
 */
function plainRefColumn(source: string, at: number, tagEnd: number): number {
  if (source.charCodeAt(at) !== 32 || source.charCodeAt(at + 1) !== 114 /* r */) return -1;
  if (source.charCodeAt(at + 2) !== 61 /* = */ || source.charCodeAt(at + 3) !== 34 /* " */) return -1;
  let i = at + 4;
  let col = 0;
  let letters = 0;
  for (; i < tagEnd; i++) {
    let c = source.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
    letters++;
  }
  if (letters < 1 || letters > 3) return -1;
  const digitsFrom = i;
  while (i < tagEnd && source.charCodeAt(i) >= 48 && source.charCodeAt(i) <= 57) i++;
  if (i === digitsFrom || source.charCodeAt(i) !== 34) return -1;
  return col - 1;
}

/**
 * A row's cells found by searching its text, for the form every producer writes (cells of the
 * row's own prefix, nothing else in the row): an edited row of a 10,000-row sheet is split
 * without scanning it as XML, which was most of the cost of setting a cell. Null when the row
 * holds anything else (comments, CDATA, processing instructions, other elements, text), which
 * the scanner reads; both give the same cells.
 */
function splitCells(source: string, rowQname: string): CellSlot[] | null {
  if (source.includes('<!') || source.includes('<?')) return null;
  const colon = rowQname.indexOf(':');
  const cellName = colon < 0 ? 'c' : `${rowQname.slice(0, colon)}:c`;
  const open = `<${cellName}`;
  const close = `</${cellName}>`;
  let at = tagEndAt(source, 0);
  if (at < 0) return null;
  const cells: CellSlot[] = [];
  if (source.charCodeAt(at - 2) === 47 /* / */) return cells;
  let prevCol = -1;
  for (;;) {
    while (at < source.length && isBlankCode(source.charCodeAt(at))) at++;
    if (source.startsWith('</', at)) return source.startsWith(`</${rowQname}`, at) ? cells : null;
    if (!source.startsWith(open, at)) return null;
    const after = source.charCodeAt(at + open.length);
    if (!(isBlankCode(after) || after === 62 || after === 47)) return null;
    const tagEnd = tagEndAt(source, at);
    if (tagEnd < 0) return null;
    let end = tagEnd;
    if (source.charCodeAt(tagEnd - 2) !== 47) {
      const closeAt = source.indexOf(close, tagEnd);
      if (closeAt < 0) return null;
      // Another cell element before this one's end: not the plain form.
      const nested = source.indexOf(open, tagEnd);
      if (nested >= 0 && nested < closeAt) return null;
      end = closeAt + close.length;
    }
    // `r` first and double-quoted, as every producer writes it: its column read in place.
    let col = plainRefColumn(source, at + open.length, tagEnd);
    let hasRef = col >= 0;
    if (!hasRef) {
      const ref = CELL_REF.exec(source.slice(at, tagEnd));
      col = prevCol + 1;
      if (ref) {
        hasRef = true;
        const c = columnOfRef(ref[1] ?? ref[2]);
        if (c !== null) col = c;
      }
    }
    prevCol = col;
    cells.push({ col, xml: source.slice(at, end), hasRef });
    at = end;
  }
}

export class SheetDoc {
  private readonly bytes: Uint8Array;
  /** End of the sheetData start tag, and start of its end tag (byte offsets). */
  private readonly dataStart: number;
  private readonly dataEnd: number;
  /** The sheetData tags when it was written self-closing. */
  private readonly openData: string | null = null;
  private readonly closeData: string | null = null;
  private readonly rows: RowSlot[] = [];
  private readonly byNumber = new Map<number, RowSlot>();
  /** Prefix for new SpreadsheetML elements in this part: '' or 'x:'. */
  readonly prefix: string;
  private readonly colStyles: { first: number; last: number; style: number }[] = [];
  private readonly dimension: { start: number; end: number; tag: string; range: CellRange | null } | null;
  private editedRange: CellRange | null = null;
  changed = false;

  constructor(
    readonly part: string,
    bytes: Uint8Array,
  ) {
    this.bytes = bytes;
    const text = (start: number, end: number) => DECODER.decode(bytes.subarray(start, end));
    const sc = new XmlScanner(bytes, part, false);
    let dataStart = -1;
    let dataEnd = -1;
    let prefix = '';
    let dimension: SheetDoc['dimension'] = null;
    let prevRow = 0;
    for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
      if (ev === END) {
        if (sc.depth === 1 && sc.local === 'sheetData' && dataEnd < 0) dataEnd = sc.tagStart;
        continue;
      }
      if (ev !== START) continue;
      const depth = sc.depth;
      if (depth === 1) continue;
      if (depth === 2) {
        const local: string = sc.local;
        if (local === 'sheetData') {
          prefix = sc.prefix ? `${sc.prefix}:` : '';
          if (sc.selfClosing) {
            this.openData = text(sc.tagStart, sc.tagEnd).replace(/\s*\/>$/, '>');
            this.closeData = `</${sc.qname}>`;
            dataStart = sc.tagStart;
            dataEnd = sc.tagEnd;
          } else dataStart = sc.tagEnd;
          continue;
        }
        if (local === 'dimension' && isSml(sc.ns)) {
          const ref = sc.attr('ref');
          dimension = {
            start: sc.tagStart,
            end: sc.tagEnd,
            tag: text(sc.tagStart, sc.tagEnd),
            range: ref ? parseRange(ref.split(' ')[0]) : null,
          };
        }
        if (local === 'cols') continue;
        sc.skip();
        continue;
      }
      if (depth === 3 && sc.local === 'col') {
        const min = Number(sc.attr('min'));
        const max = Number(sc.attr('max') ?? min);
        const style = sc.attr('style');
        if (min >= 1 && style !== null && /^\d+$/.test(style))
          this.colStyles.push({ first: min - 1, last: max - 1, style: Number(style) });
        continue;
      }
      if (depth === 3 && sc.local === 'row' && dataStart >= 0) {
        const start = sc.tagStart;
        const tagEnd = sc.tagEnd;
        const qname = sc.qname;
        const rAttr = sc.attr('r');
        const explicitR = rAttr !== null && /^\d+$/.test(rAttr);
        const r = explicitR ? Number(rAttr) : prevRow + 1;
        prevRow = r;
        sc.skipElement();
        const row: RowSlot = {
          r,
          start,
          end: sc.offset,
          // Decoded only for the rows an edit looks into.
          openTag: null,
          tagEnd,
          qname,
          explicitR,
          cells: null,
          tail: '',
          dirty: false,
        };
        this.rows.push(row);
        this.byNumber.set(r, row);
        continue;
      }
      sc.skip();
    }
    if (dataStart < 0 || dataEnd < 0) throw new XmlSyntaxError(part, 'no sheetData');
    this.dataStart = dataStart;
    this.dataEnd = dataEnd;
    this.prefix = prefix;
    this.dimension = dimension;
    this.rows.sort((a, b) => a.r - b.r);
  }

  /** A row's start tag as written, a self-closing one written open. */
  private openTagOf(row: RowSlot): string {
    row.openTag ??= DECODER.decode(this.bytes.subarray(row.start, row.tagEnd)).replace(/\s*\/>$/, '>');
    return row.openTag;
  }

  lastRow(): number {
    return this.rows.length ? this.rows[this.rows.length - 1].r : 0;
  }

  /** The row's text as written (decoded only for rows an edit looks into). */
  private source(row: RowSlot): string {
    return DECODER.decode(this.bytes.subarray(row.start, row.end));
  }

  private cellsOf(row: RowSlot): CellSlot[] {
    if (row.cells) return row.cells;
    const cells: CellSlot[] = [];
    if (row.start >= 0) {
      const source = this.source(row);
      const found = splitCells(source, row.qname);
      if (found) return (row.cells = found);
      const sc = XmlScanner.of(source, this.part, false);
      let prevCol = -1;
      let tailStart = -1;
      for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
        if (ev !== START || sc.depth !== 2) continue;
        const start = sc.tagStart;
        if (sc.local !== 'c') {
          if (tailStart < 0) tailStart = start;
          sc.skip();
          continue;
        }
        const ref = sc.attr('r');
        const m = ref ? /^([A-Za-z]{1,3})\d+$/.exec(ref) : null;
        let col = prevCol + 1;
        if (m) {
          col = 0;
          for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
          col -= 1;
        }
        prevCol = col;
        sc.skip();
        cells.push({ col, xml: source.slice(start, sc.offset) });
      }
      if (tailStart >= 0) row.tail = source.slice(tailStart, source.lastIndexOf('</'));
    }
    row.cells = cells;
    return cells;
  }

  cell(row: number, col: number): ParsedCell | null {
    const slot = this.byNumber.get(row);
    if (!slot) return null;
    const cell = this.cellsOf(slot).find((c) => c.col === col);
    return cell ? parseCell(cell.xml, col, this.part) : null;
  }

  /** The style a new cell at this place takes: its row's, else its column's, else none. */
  defaultStyle(row: number, col: number): number | null {
    const slot = this.byNumber.get(row);
    const tag = slot ? this.openTagOf(slot) : '';
    if (/\scustomFormat\s*=\s*["'](1|true)["']/.test(tag)) {
      const s = /\ss\s*=\s*["'](\d+)["']/.exec(tag);
      if (s) return Number(s[1]);
    }
    return this.colStyles.find((c) => col >= c.first && col <= c.last)?.style ?? null;
  }

  private rowFor(r: number): RowSlot {
    let slot = this.byNumber.get(r);
    if (slot) return slot;
    const qname = `${this.prefix}row`;
    slot = {
      r,
      start: -1,
      end: -1,
      openTag: `<${qname} r="${r}">`,
      tagEnd: -1,
      qname,
      explicitR: true,
      cells: [],
      tail: '',
      dirty: true,
    };
    // Rows appended after the last (history rows) need no search.
    const at = r > this.lastRow() ? -1 : this.rows.findIndex((x) => x.r > r);
    if (at < 0) this.rows.push(slot);
    else this.rows.splice(at, 0, slot);
    this.byNumber.set(r, slot);
    return slot;
  }

  /**
   * Replaces (or creates) the cell at (row, col) with `xml`; `hasRef` when its start tag is known
   * to carry `r` (every cell the editor builds does).
   */
  putCell(row: number, col: number, xml: string, hasRef = false): void {
    const slot = this.rowFor(row);
    const cells = this.cellsOf(slot);
    const cell: CellSlot = { col, xml, hasRef };
    const i = cells.findIndex((c) => c.col === col);
    if (i >= 0) cells[i] = cell;
    else {
      const at = cells.findIndex((c) => c.col > col);
      if (at < 0) cells.push(cell);
      else cells.splice(at, 0, cell);
    }
    slot.dirty = true;
    this.changed = true;
    this.widenEdited(row, col, col);
  }

  /** Adds a row after the last one with its cells (in column order), as putCell on each would. */
  appendRow(row: number, cells: CellSlot[]): void {
    if (row <= this.lastRow()) throw new Error(`Row ${row} is not after the last row ${this.lastRow()}`);
    const qname = `${this.prefix}row`;
    const slot: RowSlot = {
      r: row,
      start: -1,
      end: -1,
      openTag: `<${qname} r="${row}">`,
      tagEnd: -1,
      qname,
      explicitR: true,
      cells,
      tail: '',
      dirty: true,
    };
    this.rows.push(slot);
    this.byNumber.set(row, slot);
    this.changed = true;
    let left = cells[0].col;
    let right = left;
    for (const c of cells) {
      if (c.col < left) left = c.col;
      if (c.col > right) right = c.col;
    }
    this.widenEdited(row, left, right);
  }

  /** Grows the rectangle of edited cells to take in columns left..right of `row`. */
  private widenEdited(row: number, left: number, right: number): void {
    const e = this.editedRange;
    this.editedRange = e
      ? {
          top: Math.min(e.top, row),
          bottom: Math.max(e.bottom, row),
          left: Math.min(e.left, left),
          right: Math.max(e.right, right),
        }
      : { top: row, bottom: row, left, right };
  }

  /**
   * Before the cell at (row, col) loses its formula: if it is the master of a shared-formula
   * group, hand the group to its next cell (or write the group out as plain formulas).
   */
  releaseSharedMaster(row: number, col: number, cell: ParsedCell): void {
    const f = cell.formula;
    if (!f || f.type !== 'shared' || f.si === null || !f.text || !f.ref) return;
    const area = parseRange(f.ref);
    if (!area) return;
    const members: { row: number; col: number; cell: ParsedCell }[] = [];
    for (const slot of this.rows) {
      if (slot.r < area.top || slot.r > area.bottom) continue;
      for (const c of this.cellsOf(slot)) {
        if (!rangeContains(area, slot.r, c.col) || (slot.r === row && c.col === col)) continue;
        if (!/<(?:[^\s:>]+:)?f\b/.test(c.xml)) continue;
        const parsed = parseCell(c.xml, c.col, this.part);
        const pf = parsed.formula;
        if (pf && pf.type === 'shared' && pf.si === f.si && !pf.text)
          members.push({ row: slot.r, col: c.col, cell: parsed });
      }
    }
    if (members.length === 0) return;
    const box: CellRange = {
      top: Math.min(...members.map((m) => m.row)),
      bottom: Math.max(...members.map((m) => m.row)),
      left: Math.min(...members.map((m) => m.col)),
      right: Math.max(...members.map((m) => m.col)),
    };
    const first = members[0];
    const moved = (m: { row: number; col: number }) => shiftFormula(f.text, m.row - row, m.col - col);
    if (first.row === box.top && first.col === box.left) {
      const tag = setAttribute(
        (first.cell.formula as NonNullable<ParsedCell['formula']>).tag,
        'ref',
        formatRange(box),
      );
      this.putCell(
        first.row,
        first.col,
        replaceFormula(first.cell.xml, formulaElement(tag, moved(first)), this.part),
      );
      return;
    }
    for (const m of members) {
      let tag = (m.cell.formula as NonNullable<ParsedCell['formula']>).tag;
      for (const a of ['t', 'si', 'ref']) tag = removeAttribute(tag, a);
      this.putCell(m.row, m.col, replaceFormula(m.cell.xml, formulaElement(tag, moved(m)), this.part));
    }
  }

  /** A row as it is written anew: renumbered, added by this editor, or with cells changed. */
  private rowText(row: RowSlot): string {
    if (!row.dirty && row.start >= 0) {
      // Rows without numbers are positional: number them once rows may have been inserted.
      const source = this.source(row);
      const end = startTagEnd(source);
      return setAttribute(source.slice(0, end), 'r', String(row.r)) + source.slice(end);
    }
    if (row.start < 0) {
      // A row this editor added (history rows, thousands at a time): its start tag and every
      // cell were built here with their numbers, so there is nothing to set or remove.
      let cells = '';
      for (const c of row.cells ?? []) cells += c.xml;
      return `${this.openTagOf(row)}${cells}</${row.qname}>`;
    }
    let open = setAttribute(this.openTagOf(row), 'r', String(row.r));
    // The spans hint may no longer cover the cells; it is optional.
    open = removeAttribute(open, 'spans');
    const cells = this.cellsOf(row)
      .map((c) => {
        if (c.hasRef) return c.xml;
        const end = startTagEnd(c.xml);
        const tag = c.xml.slice(0, end);
        return /\sr\s*=/.test(tag) ? c.xml : setAttribute(tag, 'r', cellRef(row.r, c.col)) + c.xml.slice(end);
      })
      .join('');
    return `${open}${cells}${row.tail}</${row.qname}>`;
  }

  /** Everything before the rows, the used-range hint widened to the edited cells. */
  private head(): Uint8Array[] {
    const d = this.dimension;
    const upTo = this.dataStart;
    const pieces: Uint8Array[] = [];
    if (!d || !this.editedRange) pieces.push(this.bytes.subarray(0, upTo));
    else {
      const e = this.editedRange;
      const r = d.range;
      const range = r
        ? {
            top: Math.min(r.top, e.top),
            bottom: Math.max(r.bottom, e.bottom),
            left: Math.min(r.left, e.left),
            right: Math.max(r.right, e.right),
          }
        : e;
      pieces.push(
        this.bytes.subarray(0, d.start),
        ENCODER.encode(setAttribute(d.tag, 'ref', formatRange(range))),
        this.bytes.subarray(d.end, upTo),
      );
    }
    if (this.openData !== null) pieces.push(ENCODER.encode(this.openData));
    return pieces;
  }

  /** The part's new bytes. */
  toBytes(): Uint8Array {
    const pieces = this.head();
    // Rows kept as written that follow one another in the part go out as one piece: a sheet of
    // 10,000 rows with a few hundred edited is copied in a few hundred pieces, not 10,000.
    // Rows written anew that follow one another are encoded together (thousands of history rows
    // in one call, not one each).
    let runStart = -1;
    let runEnd = -1;
    let written = '';
    for (const row of this.rows) {
      const kept = !row.dirty && row.start >= 0 && (row.explicitR || !this.changed);
      if (kept && row.start === runEnd) {
        runEnd = row.end;
        continue;
      }
      if (runStart >= 0) pieces.push(this.bytes.subarray(runStart, runEnd));
      runStart = runEnd = -1;
      if (kept) {
        if (written) pieces.push(ENCODER.encode(written));
        written = '';
        [runStart, runEnd] = [row.start, row.end];
      } else written += this.rowText(row);
    }
    if (runStart >= 0) pieces.push(this.bytes.subarray(runStart, runEnd));
    if (written) pieces.push(ENCODER.encode(written));
    if (this.closeData !== null)
      pieces.push(ENCODER.encode(this.closeData), this.bytes.subarray(this.dataEnd));
    else pieces.push(this.bytes.subarray(this.dataEnd));
    let size = 0;
    for (const p of pieces) size += p.length;
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of pieces) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}
