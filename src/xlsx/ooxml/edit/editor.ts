/**
 * Changes a few cells of a workbook someone else saved and keeps everything else: every part it
 * does not edit is copied byte for byte (compressed data included), and what it edits keeps the
 * producer's prefixes and element order, so the package still validates against ECMA-376.
 *
 * - Cells: numbers, text (shared string or inline), dates (with a date format when the cell's
 *   style has none), booleans, formulas, cleared; each cell keeps its style.
 * - A formula cell overwritten or cleared: `xl/calcChain.xml` goes, with its relationship and
 *   content type (a stale calc chain makes Excel offer to repair the file); a shared-formula
 *   master hands its group on (sheet-doc.ts).
 * - Any cell edited: the workbook asks for a full recalculation on open.
 * - Sheets added with their relationship, content type and `<sheet>` entry; defined names set.
 */
import { cellRef, columnName, parseCellRef } from '../cell-ref';
import {
  damagedPart,
  duplicateSheetName,
  EXCEL_MAX_TEXT,
  invalidSheetName,
  sheetNotFound,
  textTooLong,
} from '../errors';
import { relationshipType, URI } from '../namespaces';
import { OpenOptions, partKey, resolveTarget } from '../package';
import { WorkbookReader } from '../read';
import { XmlScanner, XmlSyntaxError } from '../scanner';
import { scanStyles, type Styles } from '../styles';
import type { SheetInfo, SheetState } from '../workbook';
import { DAYS_1904 } from '../worksheet';
import { buildCell, CellContent, inlineStringCell, type ParsedCell } from './cell-xml';
import {
  addOverride,
  addRelationship,
  EMPTY_RELATIONSHIPS,
  emptySharedStrings,
  minimalStyles,
  removeOverride,
  removeRelationships,
  SharedStringsDoc,
  StylesDoc,
} from './parts-doc';
import { portableSheet, stylesUsed } from './sheet-copy';
import { SheetDoc } from './sheet-doc';
import { mergeStyles } from './style-merge';
import { addSheetEntry, requestFullCalc, setDefinedName } from './workbook-doc';
import { OutputEntry, writeZip } from './zip-write';
import { FFLATE_CODEC } from '../codec';

export interface NewSheetOptions {
  state?: SheetState;
  /** Column widths in characters, from column A. */
  widths?: readonly number[];
  /** Rows frozen at the top (a header). */
  freezeRows?: number;
}

/** A value to write: a number, text, boolean, nothing (clear), a date serial, or a formula. */
export type CellInput =
  | null
  | number
  | string
  | boolean
  | { text: string; inline?: boolean }
  /** A 1900-system serial (the reader's convention); `format` when the cell needs a date format. */
  | { date: number; format?: string }
  /** Without "="; written without a cached value, so applications compute it. */
  | { formula: string };

export interface EditorOptions extends OpenOptions {
  /** Text as shared strings or inline strings; 'auto' follows the package (shared when it has a table). */
  strings?: 'shared' | 'inline' | 'auto';
  /** Date format given to a date written into a cell whose style shows no date. */
  dateFormat?: string;
}

const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

/** The relative target from one part to another (`xl/workbook.xml` → `worksheets/sheet6.xml`). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

function validSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[\\/?*[\]:]/.test(name) && !/^'|'$/.test(name);
}

export class WorkbookEditor {
  readonly reader: WorkbookReader;
  private readonly texts = new Map<string, string>();
  /** Parts whose text this editor changed. */
  private readonly dirty = new Set<string>();
  private readonly docs = new Map<string, SheetDoc>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];
  private readonly addedSheets: SheetInfo[] = [];
  private strings: SharedStringsDoc | null = null;
  private stylesDoc: StylesDoc | null = null;
  /** The stylesheet as edited by a sheet copy (the reader's is the original's). */
  private copiedStyles: Styles | null = null;
  private createdStyles: string | null = null;
  private formulasTouched = false;
  private cellsEdited = false;
  private recalc = false;
  readonly stringsMode: 'shared' | 'inline';
  readonly dateFormat: string;

  private constructor(reader: WorkbookReader, options: EditorOptions) {
    this.reader = reader;
    const mode = options.strings ?? 'auto';
    this.stringsMode = mode === 'auto' ? (reader.info.sharedStringsPart ? 'shared' : 'inline') : mode;
    this.dateFormat = options.dateFormat ?? 'dd/mm/yyyy';
  }

  static open(bytes: Uint8Array, options: EditorOptions = {}): WorkbookEditor {
    return new WorkbookEditor(WorkbookReader.open(bytes, options), options);
  }

  /** Edits a package already opened for reading (a merge reads and edits the master from one opening). */
  static over(reader: WorkbookReader, options: Omit<EditorOptions, keyof OpenOptions> = {}): WorkbookEditor {
    return new WorkbookEditor(reader, options);
  }

  private get pkg() {
    return this.reader.pkg;
  }

  /** @internal Runs an edit; a part that is not well-formed becomes a message about the file. */
  guarded<T>(edit: () => T): T {
    try {
      return edit();
    } catch (e) {
      if (e instanceof XmlSyntaxError) throw damagedPart(this.file, e.part, e);
      throw e;
    }
  }

  private get file() {
    return this.reader.file;
  }

  /** The current text of a part (as edited so far). */
  private text(part: string): string {
    let t = this.texts.get(part);
    if (t === undefined) {
      t = this.pkg.text(part);
      this.texts.set(part, t);
    }
    return t;
  }

  /** The current content of a part as UTF-8 bytes (the producer's own bytes when not edited). */
  private partBytes(part: string): Uint8Array {
    if (this.texts.has(part)) return new TextEncoder().encode(this.text(part));
    const bytes = this.pkg.bytes(part);
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return utf16 ? new TextEncoder().encode(this.text(part)) : bytes;
  }

  private setText(part: string, text: string): void {
    if (this.texts.get(part) === text) return;
    this.texts.set(part, text);
    this.dirty.add(part);
  }

  private partExists(name: string): boolean {
    const found = this.pkg.find(name);
    if (found && !this.removed.has(found)) return true;
    return this.added.some((a) => partKey(a) === partKey(name));
  }

  private get sheets(): SheetInfo[] {
    return [...this.reader.sheets, ...this.addedSheets];
  }

  sheet(name: string): SheetEditor {
    return this.guarded(() => this.openSheet(name));
  }

  private openSheet(name: string): SheetEditor {
    const info =
      this.sheets.find((s) => s.name === name) ??
      this.sheets.find((s) => s.name.normalize('NFC').toLowerCase() === name.normalize('NFC').toLowerCase());
    if (!info || !info.part || info.kind !== 'worksheet') throw sheetNotFound(this.file, name);
    return new SheetEditor(this, info, this.doc(info.part));
  }

  private doc(part: string): SheetDoc {
    let doc = this.docs.get(part);
    if (!doc) {
      doc = new SheetDoc(part, this.partBytes(part));
      this.docs.set(part, doc);
    }
    return doc;
  }

  private relsPart(source: string): string {
    const i = source.lastIndexOf('/');
    return `${source.slice(0, i + 1)}_rels/${source.slice(i + 1)}.rels`;
  }

  private relsText(source: string): { part: string; text: string } {
    const expected = this.relsPart(source);
    const part = this.pkg.find(expected) ?? expected;
    if (!this.texts.has(part) && !this.pkg.find(part)) {
      this.added.push(part);
      this.setText(part, EMPTY_RELATIONSHIPS);
    }
    return { part, text: this.text(part) };
  }

  /** Adds a part related to `source`; returns its relationship id. */
  private addPart(source: string, part: string, kind: string, contentType: string, text: string): string {
    this.added.push(part);
    this.setText(part, text);
    const rels = this.relsText(source);
    const type = relationshipType(kind, this.reader.info.strict);
    const added = addRelationship(rels.text, rels.part, type, relativeTarget(source, part));
    this.setText(rels.part, added.xml);
    const types = this.pkg.find('[Content_Types].xml') ?? '[Content_Types].xml';
    this.setText(types, addOverride(this.text(types), types, `/${part}`, contentType));
    return added.id;
  }

  private freeName(dir: string, stem: string): string {
    for (let n = 1; ; n++) {
      const name = `${dir}${stem}${n}.xml`;
      if (!this.partExists(name)) return name;
    }
  }

  /**
   * Adds an empty worksheet; `widths` (in characters, from column A) and `freezeRows` (rows kept
   * in view at the top, e.g. a header) give it a layout.
   */
  addWorksheet(name: string, options: NewSheetOptions = {}): SheetEditor {
    return this.guarded(() => this.newSheet(name, { state: options.state, xml: this.emptySheet(options) }));
  }

  private emptySheet(options: NewSheetOptions): string {
    const sml = this.reader.info.strict ? URI.smlStrict : URI.sml;
    const rows = options.freezeRows ?? 0;
    const views = rows
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${rows}" topLeftCell="A${rows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${rows + 1}" sqref="A${rows + 1}"/></sheetView></sheetViews>`
      : '';
    const widths = (options.widths ?? []).filter((w) => Number.isFinite(w) && w > 0);
    const cols = widths.length
      ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
      : '';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${sml}"><dimension ref="A1"/>${views}${cols}<sheetData/></worksheet>`;
  }

  /**
   * Adds a copy of another package's worksheet, looking as it did there: values, formulas, cell
   * formats (brought into this stylesheet), widths, heights, merged cells, panes (sheet-copy.ts).
   * Parts it pointed to (drawings, comments, tables) are not copied.
   */
  copyWorksheet(from: WorkbookReader, sheet: SheetInfo, options: { name?: string; state?: SheetState } = {}) {
    return this.guarded(() => {
      if (!sheet.part) throw sheetNotFound(from.file, sheet.name);
      const source = from.pkg.text(sheet.part);
      const stylesPart = this.ensureStylesPart();
      // Date variants added so far go into the text first: the copy's formats come after them.
      if (this.stylesDoc?.changed) this.setText(stylesPart, this.stylesDoc.toString());
      this.stylesDoc = null;
      const fromStyles = from.info.stylesPart;
      const merged = mergeStyles(
        { xml: this.text(stylesPart), part: stylesPart },
        fromStyles ? { xml: from.pkg.text(fromStyles), part: fromStyles } : null,
        stylesUsed(source),
      );
      this.setText(stylesPart, merged.xml);
      this.copiedStyles = scanStyles(XmlScanner.of(merged.xml, stylesPart));
      const xml = portableSheet(source, sheet.part, {
        xf: merged.xf,
        dxf: merged.dxf,
        sourceStrings: from.sharedStrings(),
        targetString: (text) => (this.stringsMode === 'shared' ? this.sharedStrings().add(text) : null),
      });
      return this.newSheet(options.name ?? sheet.name, { state: options.state ?? sheet.state, xml });
    });
  }

  private newSheet(name: string, options: { state?: SheetState; xml: string }): SheetEditor {
    if (!validSheetName(name)) throw invalidSheetName(this.file, name);
    const key = name.normalize('NFC').toLowerCase();
    if (this.sheets.some((s) => s.name.normalize('NFC').toLowerCase() === key))
      throw duplicateSheetName(this.file, name);
    const wbPart = this.reader.info.part;
    const firstSheet = this.reader.sheets.find((s) => s.part && s.kind === 'worksheet')?.part;
    const dir = firstSheet
      ? firstSheet.slice(0, firstSheet.lastIndexOf('/') + 1)
      : resolveTarget(wbPart, 'worksheets/x').replace(/x$/, '');
    const part = this.freeName(dir, 'sheet');
    const xml = options.xml;
    const relId = this.addPart(wbPart, part, 'worksheet', CONTENT_TYPE.worksheet, xml);
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const state = options.state ?? 'visible';
    this.setText(
      wbPart,
      addSheetEntry(this.text(wbPart), wbPart, {
        name,
        sheetId,
        relId,
        state,
        strict: this.reader.info.strict,
      }),
    );
    const info: SheetInfo = {
      index: this.sheets.length,
      name,
      sheetId,
      state,
      relId,
      kind: 'worksheet',
      part,
    };
    this.addedSheets.push(info);
    return new SheetEditor(this, info, this.doc(part));
  }

  setDefinedName(
    name: string,
    formula: string,
    options: { localSheetId?: number; hidden?: boolean } = {},
  ): void {
    const wbPart = this.reader.info.part;
    this.guarded(() =>
      this.setText(
        wbPart,
        setDefinedName(this.text(wbPart), wbPart, name, formula.replace(/^=/, ''), options),
      ),
    );
  }

  /** Recalculate on open even when no cell was edited. */
  requestFullCalc(): void {
    this.recalc = true;
  }

  /** @internal The shared string table, created when the package has none. */
  sharedStrings(): SharedStringsDoc {
    if (this.strings) return this.strings;
    let part = this.reader.info.sharedStringsPart;
    if (part)
      this.strings = new SharedStringsDoc(part, this.partBytes(part), this.reader.sharedStrings().length);
    else {
      const wbPart = this.reader.info.part;
      const dir = wbPart.slice(0, wbPart.lastIndexOf('/') + 1);
      part = this.partExists(`${dir}sharedStrings.xml`)
        ? this.freeName(dir, 'sharedStrings')
        : `${dir}sharedStrings.xml`;
      const xml = emptySharedStrings(this.reader.info.strict);
      this.addPart(wbPart, part, 'sharedStrings', CONTENT_TYPE.sharedStrings, xml);
      this.strings = new SharedStringsDoc(part, new TextEncoder().encode(xml), 0);
    }
    return this.strings;
  }

  /** The stylesheet part, made (minimal) when the package has none. */
  private ensureStylesPart(): string {
    if (this.createdStyles) return this.createdStyles;
    let part = this.reader.info.stylesPart;
    if (!part) {
      const wbPart = this.reader.info.part;
      part = `${wbPart.slice(0, wbPart.lastIndexOf('/') + 1)}styles.xml`;
      this.addPart(wbPart, part, 'styles', CONTENT_TYPE.styles, minimalStyles(this.reader.info.strict));
    }
    this.createdStyles = part;
    return part;
  }

  private currentStyles(): Styles {
    return this.copiedStyles ?? this.reader.styles();
  }

  /** @internal The cell formats, created when the package has none. */
  stylesForEdit(): StylesDoc {
    if (this.stylesDoc) return this.stylesDoc;
    const part = this.ensureStylesPart();
    this.stylesDoc = new StylesDoc(part, this.text(part), this.currentStyles());
    return this.stylesDoc;
  }

  /** @internal Whether a style shows dates, styles added by this editor included (they all do). */
  isDateStyle(style: number): boolean {
    const styles = this.currentStyles();
    if (style < styles.count) return styles.isDate(style);
    return this.stylesDoc?.isAdded(style) ?? false;
  }

  /** @internal */
  noteEdit(formula: boolean): void {
    this.cellsEdited = true;
    if (formula) this.formulasTouched = true;
  }

  private removeCalcChain(): void {
    const wbPart = this.reader.info.part;
    const rels = this.reader.info.relationships.filter((r) => r.kind === 'calcChain');
    const part = rels.find((r) => r.part)?.part ?? this.pkg.find('xl/calcChain.xml');
    if (!part && rels.length === 0) return;
    if (part) this.removed.add(part);
    if (rels.length) {
      const wbRels = this.relsText(wbPart);
      this.setText(
        wbRels.part,
        removeRelationships(wbRels.text, wbRels.part, new Set(rels.map((r) => r.id))),
      );
    }
    const types = this.pkg.find('[Content_Types].xml');
    if (types && part) this.setText(types, removeOverride(this.text(types), types, `/${part}`));
  }

  /** The edited package. Every part not edited is copied as it was. */
  save(options: { now?: Date } = {}): Uint8Array {
    return this.guarded(() => this.write(options.now));
  }

  private write(now: Date | undefined): Uint8Array {
    if (this.formulasTouched) this.removeCalcChain();
    const wbPart = this.reader.info.part;
    if (this.cellsEdited || this.recalc) this.setText(wbPart, requestFullCalc(this.text(wbPart), wbPart));
    // Parts rebuilt as bytes: the sheets edited and the shared strings.
    const rebuilt = new Map<string, Uint8Array>();
    for (const [part, doc] of this.docs)
      if (doc.changed || this.added.includes(part)) rebuilt.set(part, doc.toBytes());
    if (this.strings?.changed) rebuilt.set(this.strings.part, this.strings.toBytes());
    if (this.stylesDoc?.changed) this.setText(this.stylesDoc.part, this.stylesDoc.toString());
    const encoder = new TextEncoder();
    const content = (part: string): Uint8Array | null => {
      const bytes = rebuilt.get(part);
      if (bytes) return bytes;
      const edited = this.editedText(part);
      return edited === null ? null : encoder.encode(edited);
    };
    const entries: OutputEntry[] = [];
    for (const entry of this.pkg.zip.entries) {
      if (this.removed.has(entry.name)) continue;
      const data = content(entry.name);
      if (data) entries.push({ kind: 'data', name: entry.name, data });
      else entries.push({ kind: 'copy', entry, raw: this.pkg.zip.raw(entry) });
    }
    for (const part of this.added)
      entries.push({ kind: 'data', name: part, data: content(part) ?? encoder.encode(this.text(part)) });
    return writeZip(entries, now, this.pkg.codec === FFLATE_CODEC ? undefined : this.pkg.codec);
  }

  /** The new text of an original part, or null when it was only read (or not touched at all). */
  private editedText(part: string): string | null {
    return this.dirty.has(part) ? (this.texts.get(part) ?? null) : null;
  }
}

export class SheetEditor {
  constructor(
    private readonly editor: WorkbookEditor,
    readonly info: SheetInfo,
    private readonly doc: SheetDoc,
  ) {}

  /** The last row the sheet holds (0 for an empty sheet). */
  lastRow(): number {
    return this.doc.lastRow();
  }

  /** Sets one cell (`"B7"`, or 1-based row and 0-based column), keeping its style. */
  set(ref: string | { row: number; col: number }, input: CellInput): void {
    this.editor.guarded(() => this.write(ref, input));
  }

  private write(ref: string | { row: number; col: number }, input: CellInput): void {
    const at = typeof ref === 'string' ? parseCellRef(ref) : ref;
    if (!at) throw new Error(`Not a cell reference: ${String(ref)}`);
    const { row, col } = at;
    const old = this.doc.cell(row, col);
    if (old?.formula) this.doc.releaseSharedMaster(row, col, old);
    // Inline mode never rewrites the table: its optional reference count then over-counts by the
    // cells overwritten, a figure Excel ignores (SAP's exports get it wrong and open).
    if (old?.type === 's' && old.value !== null && old.value !== '' && this.editor.stringsMode === 'shared')
      this.editor.sharedStrings().release();
    this.doc.putCell(row, col, this.cellXml(row, col, input, old), true);
  }

  /** The new `<c>` for (row, col) holding `input`, keeping the old cell's style and own attributes. */
  private cellXml(row: number, col: number, input: CellInput, old: ParsedCell | null): string {
    const address = cellRef(row, col);
    let style = old ? old.style : this.doc.defaultStyle(row, col);
    const reader = this.editor.reader;
    let content: CellContent;
    let formula = old?.formula !== null && old?.formula !== undefined;
    if (input === null || input === '') content = { kind: 'empty' };
    else if (typeof input === 'number') {
      if (!Number.isFinite(input)) throw new Error(`Not a finite number for ${address}: ${input}`);
      content = { kind: 'number', value: input };
    } else if (typeof input === 'boolean') content = { kind: 'bool', value: input };
    else if (typeof input === 'string' || 'text' in input) {
      const text = typeof input === 'string' ? input : input.text;
      if (text.length > EXCEL_MAX_TEXT) throw textTooLong(reader.file, this.info.name, address, text.length);
      const inline =
        typeof input === 'string'
          ? this.editor.stringsMode === 'inline'
          : (input.inline ?? this.editor.stringsMode === 'inline');
      content = inline
        ? { kind: 'inline', text }
        : { kind: 'shared', index: this.editor.sharedStrings().add(text) };
    } else if ('date' in input) {
      if (!Number.isFinite(input.date)) throw new Error(`Not a date serial for ${address}: ${input.date}`);
      content = { kind: 'number', value: reader.date1904 ? input.date - DAYS_1904 : input.date };
      if (style === null || !this.editor.isDateStyle(style))
        style = this.editor.stylesForEdit().withNumberFormat(style, input.format ?? this.editor.dateFormat);
    } else {
      content = { kind: 'formula', formula: input.formula.replace(/^=/, '') };
      formula = true;
    }
    const qname = old ? (/^<([^\s/>]+)/.exec(old.xml)?.[1] ?? `${this.doc.prefix}c`) : `${this.doc.prefix}c`;
    const oldTag = old ? old.xml.slice(0, old.xml.indexOf('>') + 1) : null;
    const xml = buildCell(qname, address, style, content, oldTag);
    this.editor.noteEdit(formula);
    return xml;
  }

  /** Writes rows after the last one, starting at column `firstCol`; returns the first row written. */
  appendRows(rows: CellInput[][], firstCol = 0): number {
    const first = this.doc.lastRow() + 1;
    // Rows past the last hold no cell to look up, keep or release: each is built whole and added
    // at once (a merge appends thousands of history rows), the same cells set() would write.
    this.editor.guarded(() => {
      // Per column, what a new cell there takes whatever its row (rows past the last have no
      // row style): its letters and its style attribute, as cellXml would write them.
      const letters: string[] = [];
      const styleAttrs: string[] = [];
      const columnOf = (j: number) => {
        if (letters[j] === undefined) {
          letters[j] = columnName(firstCol + j);
          const style = this.doc.defaultStyle(first, firstCol + j);
          styleAttrs[j] = style !== null && style > 0 ? ` s="${style}"` : '';
        }
      };
      const shared = this.editor.stringsMode === 'shared';
      const qname = `${this.doc.prefix}c`;
      const v = `${this.doc.prefix}v`;
      rows.forEach((values, i) => {
        const row = first + i;
        const cells: { col: number; xml: string }[] = [];
        values.forEach((input, j) => {
          if (input === null) return;
          const col = firstCol + j;
          // Plain text and numbers (most of a history row) are built here; the rest by cellXml.
          if (typeof input === 'string' && shared && input !== '' && input.length <= EXCEL_MAX_TEXT) {
            columnOf(j);
            const index = this.editor.sharedStrings().add(input);
            cells.push({
              col,
              xml: `<${qname} r="${letters[j]}${row}"${styleAttrs[j]} t="s"><${v}>${index}</${v}></${qname}>`,
            });
            this.editor.noteEdit(false);
          } else if (typeof input === 'string' && !shared && input !== '' && input.length <= EXCEL_MAX_TEXT) {
            columnOf(j);
            cells.push({ col, xml: inlineStringCell(qname, `${letters[j]}${row}`, styleAttrs[j], input) });
            this.editor.noteEdit(false);
          } else if (typeof input === 'number' && Number.isFinite(input)) {
            columnOf(j);
            cells.push({
              col,
              xml: `<${qname} r="${letters[j]}${row}"${styleAttrs[j]}><${v}>${String(input)}</${v}></${qname}>`,
            });
            this.editor.noteEdit(false);
          } else cells.push({ col, xml: this.cellXml(row, col, input, null) });
        });
        if (cells.length) this.doc.appendRow(row, cells);
      });
    });
    return first;
  }
}
