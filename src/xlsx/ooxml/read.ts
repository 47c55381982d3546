/**
 * Reading a workbook from one opening of its package: the workbook part at once, everything else
 * (shared strings, styles, a sheet's cells, its tables and layout) only when first asked for, so
 * a command reads its task sheet, the hidden meta sheet and the report-date cell without
 * decompressing or parsing any other part.
 */
import { CellRange, parseCellRef, parseSheetRange } from './cell-ref';
import { FileLabel } from './errors';
import { OoxmlPackage, OpenOptions } from './package';
import { readSharedStrings } from './shared-strings';
import { readSheetLayout, SheetLayout } from './sheet-layout';
import { readStyles, Styles } from './styles';
import { readSheetTableHeads, readSheetTables, TableHead, TableInfo } from './tables';
import { DefinedName, readWorkbookInfo, SheetInfo, WorkbookInfo } from './workbook';
import { Cell, ReadRowsOptions, Row, scanRows, SheetReadStats } from './worksheet';

export interface SheetRows {
  rows: Row[];
  stats: SheetReadStats;
}

function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

export class WorkbookReader {
  readonly pkg: OoxmlPackage;
  readonly info: WorkbookInfo;
  private strings: string[] | null = null;
  private stylesCache: Styles | null = null;
  private readonly tablesCache = new Map<string, TableInfo[]>();
  private readonly headsCache = new Map<string, TableHead[]>();
  private readonly layoutCache = new Map<string, SheetLayout>();

  constructor(pkg: OoxmlPackage) {
    this.pkg = pkg;
    this.info = readWorkbookInfo(pkg);
  }

  /** Opens the package and reads its workbook part; refuses anything that is not a workbook. */
  static open(bytes: Uint8Array, options: OpenOptions = {}): WorkbookReader {
    return new WorkbookReader(OoxmlPackage.open(bytes, options));
  }

  get file(): FileLabel {
    return this.pkg.file;
  }

  get sheets(): SheetInfo[] {
    return this.info.sheets;
  }

  get definedNames(): DefinedName[] {
    return this.info.definedNames;
  }

  get date1904(): boolean {
    return this.info.date1904;
  }

  /** A sheet by name: exactly, else ignoring case and Unicode normalisation (as Excel does). */
  sheet(name: string): SheetInfo | null {
    return (
      this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => sameName(s.name, name)) ?? null
    );
  }

  sharedStrings(): string[] {
    this.strings ??= readSharedStrings(this.pkg, this.info.sharedStringsPart, this.pkg.texts);
    return this.strings;
  }

  styles(): Styles {
    this.stylesCache ??= readStyles(this.pkg, this.info.stylesPart);
    return this.stylesCache;
  }

  tables(sheet: SheetInfo): TableInfo[] {
    if (!sheet.part) return [];
    let tables = this.tablesCache.get(sheet.part);
    if (!tables) {
      tables = readSheetTables(this.pkg, sheet.part);
      this.tablesCache.set(sheet.part, tables);
    }
    return tables;
  }

  /**
   * A table's sheet, names and range by name (or display name), ignoring case as Excel does:
   * only the root tag of each table part is read (what locating the task table needs).
   */
  findTableHead(name: string): { sheet: SheetInfo; table: TableHead } | null {
    for (const sheet of this.sheets) {
      if (!sheet.part) continue;
      let heads = this.tablesCache.get(sheet.part) ?? this.headsCache.get(sheet.part);
      if (!heads) {
        heads = readSheetTableHeads(this.pkg, sheet.part);
        this.headsCache.set(sheet.part, heads);
      }
      const table = heads.find((t) => sameName(t.name, name) || sameName(t.displayName, name));
      if (table) return { sheet, table };
    }
    return null;
  }

  /** A table by name (or display name), in any sheet, ignoring case as Excel does. */
  findTable(name: string): { sheet: SheetInfo; table: TableInfo } | null {
    for (const sheet of this.sheets) {
      const table = this.tables(sheet).find((t) => sameName(t.name, name) || sameName(t.displayName, name));
      if (table) return { sheet, table };
    }
    return null;
  }

  /**
   * Visits a sheet's rows in order (only rows and cells the file holds); `visit` returns false
   * to stop early. A sheet without a part (a broken relationship) has no rows.
   */
  forEachRow(
    sheet: SheetInfo,
    options: ReadRowsOptions,
    visit: (row: Row) => boolean | void,
  ): SheetReadStats {
    if (!sheet.part || sheet.kind !== 'worksheet') return { rowsVisited: 0, cellsVisited: 0 };
    const part = sheet.part;
    const ctx = {
      file: this.file,
      sheetName: sheet.name,
      sharedStrings: () => this.sharedStrings(),
      styles: () => this.styles(),
      date1904: this.date1904,
      maxCells: this.pkg.limits.maxCellsPerSheet,
    };
    return this.pkg.parse(part, (sc) => scanRows(sc, ctx, options, visit));
  }

  /** The rows of a sheet, each with the cells it holds (empty cells left out unless asked for). */
  readRows(sheet: SheetInfo, options: ReadRowsOptions = {}): SheetRows {
    const rows: Row[] = [];
    const stats = this.forEachRow(sheet, options, (row) => {
      rows.push(row);
    });
    return { rows, stats };
  }

  /** One cell, reading the sheet only up to its row. */
  cell(sheet: SheetInfo, ref: string | { row: number; col: number }): Cell | null {
    const at = typeof ref === 'string' ? parseCellRef(ref) : ref;
    if (!at) return null;
    let found: Cell | null = null;
    this.forEachRow(sheet, { rows: [at.row, at.row], cols: [at.col, at.col] }, (row) => {
      found = row.cells[0] ?? null;
      return false;
    });
    return found;
  }

  layout(sheet: SheetInfo): SheetLayout {
    const part = sheet.part;
    if (!part) return { dimension: null, merges: [], validations: [], columns: [], freeze: null };
    let layout = this.layoutCache.get(part);
    if (!layout) {
      layout = this.pkg.parse(part, readSheetLayout);
      this.layoutCache.set(part, layout);
    }
    return layout;
  }

  /** A defined name: the one scoped to `sheet` when it has one, else the workbook-level one. */
  definedName(name: string, sheet?: SheetInfo): DefinedName | null {
    const matches = this.definedNames.filter((n) => sameName(n.name, name));
    return (
      (sheet ? matches.find((n) => n.localSheetId === sheet.index) : undefined) ??
      matches.find((n) => n.localSheetId === null) ??
      null
    );
  }

  /** Where a defined name that is a plain sheet reference (`'Tổng hợp'!$B$3`) points. */
  resolveName(name: string, sheet?: SheetInfo): { sheet: SheetInfo; range: CellRange } | null {
    const defined = this.definedName(name, sheet);
    const target = defined ? parseSheetRange(defined.formula) : null;
    const where = target ? this.sheet(target.sheet) : null;
    return target && where ? { sheet: where, range: target.range } : null;
  }
}

export function openWorkbook(bytes: Uint8Array, options: OpenOptions = {}): WorkbookReader {
  return WorkbookReader.open(bytes, options);
}
