/** Table parts (Excel "Format as Table"), found through a sheet's relationships. */
import { CellRange, parseRange } from './cell-ref';
import type { OoxmlPackage } from './package';
import { isSml } from './namespaces';
import { EOF, START } from './scanner';
import { decodeXstring } from './xml';

export interface TableColumn {
  id: number;
  name: string;
  /** The formula every row of the column computes, when it is a calculated column. */
  calculatedColumnFormula: string | null;
}

export interface TableInfo {
  part: string;
  id: number;
  name: string;
  displayName: string;
  /** The table's range as written, e.g. "A1:O35", and parsed. */
  ref: string;
  range: CellRange | null;
  headerRowCount: number;
  totalsRowCount: number;
  columns: TableColumn[];
  /** The autoFilter range, when the table has one. */
  autoFilter: string | null;
}

function count(value: string | null, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 0 ? n : fallback;
}

export function readTable(pkg: OoxmlPackage, part: string): TableInfo {
  return pkg.parse(part, (sc) => {
    const table: TableInfo = {
      part,
      id: 0,
      name: '',
      displayName: '',
      ref: '',
      range: null,
      headerRowCount: 1,
      totalsRowCount: 0,
      columns: [],
      autoFilter: null,
    };
    let column: TableColumn | null = null;
    for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
      if (ev !== START || !isSml(sc.ns)) {
        if (ev === START) sc.skip();
        continue;
      }
      switch (sc.local) {
        case 'table':
          table.id = count(sc.attr('id'), 0);
          table.name = sc.attr('name') ?? '';
          table.displayName = sc.attr('displayName') ?? table.name;
          table.ref = sc.attr('ref') ?? '';
          table.range = parseRange(table.ref);
          table.headerRowCount = count(sc.attr('headerRowCount'), 1);
          table.totalsRowCount = count(sc.attr('totalsRowCount'), 0);
          break;
        case 'autoFilter':
          table.autoFilter = sc.attr('ref');
          sc.skip();
          break;
        case 'tableColumns':
          break;
        case 'tableColumn':
          column = {
            id: count(sc.attr('id'), table.columns.length + 1),
            name: decodeXstring(sc.attr('name') ?? ''),
            calculatedColumnFormula: null,
          };
          table.columns.push(column);
          break;
        case 'calculatedColumnFormula':
          if (column) column.calculatedColumnFormula = decodeXstring(sc.text());
          else sc.skip();
          break;
        default:
          sc.skip();
      }
    }
    return table;
  });
}

/** What finding a table by name needs: its names and range, all on the root element. */
export type TableHead = Pick<TableInfo, 'part' | 'name' | 'displayName' | 'range'>;

/**
 * A table part read up to its root tag: the columns, filter and formulas after it are left
 * unparsed. A root that is not SpreadsheetML's `table` gives no name, as it does to readTable.
 */
export function readTableHead(pkg: OoxmlPackage, part: string): TableHead {
  return pkg.parse(part, (sc) => {
    const head: TableHead = { part, name: '', displayName: '', range: null };
    if (sc.next() === START && isSml(sc.ns) && sc.local === 'table') {
      head.name = sc.attr('name') ?? '';
      head.displayName = sc.attr('displayName') ?? head.name;
      head.range = parseRange(sc.attr('ref') ?? '');
    }
    return head;
  });
}

/** The tables of a sheet part, in the order of its relationships. */
export function readSheetTables(pkg: OoxmlPackage, sheetPart: string): TableInfo[] {
  return pkg
    .relationships(sheetPart)
    .filter((r) => r.kind === 'table' && r.part)
    .map((r) => readTable(pkg, r.part as string));
}

/** The names and range of each table of a sheet part, in the order of its relationships. */
export function readSheetTableHeads(pkg: OoxmlPackage, sheetPart: string): TableHead[] {
  return pkg
    .relationships(sheetPart)
    .filter((r) => r.kind === 'table' && r.part)
    .map((r) => readTableHead(pkg, r.part as string));
}
