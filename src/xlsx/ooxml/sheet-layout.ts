/**
 * What a worksheet says about itself besides its cells: used range, merged cells, data
 * validations (ranges kept as the `sqref` lists they are written as, never one entry per cell),
 * column widths and styles, frozen panes. Read in one pass that jumps over the cells.
 */
import { CellRange, parseSqref } from './cell-ref';
import { isSml } from './namespaces';
import { END, EOF, START, XmlScanner } from './scanner';

export interface ColumnFormat {
  /** 0-based, inclusive. */
  first: number;
  last: number;
  width: number | null;
  style: number | null;
  hidden: boolean;
}

export interface DataValidationInfo {
  type: string;
  operator: string | null;
  allowBlank: boolean;
  /** The ranges as written (space-separated), and parsed. */
  sqref: string;
  ranges: CellRange[];
  formula1: string | null;
  formula2: string | null;
  prompt: string | null;
  error: string | null;
  /** Written in Excel 2010's extension list (validations that refer to other sheets). */
  extension: boolean;
}

export interface FrozenPanes {
  /** Rows and columns kept in view. */
  rows: number;
  cols: number;
  topLeftCell: string | null;
}

export interface SheetLayout {
  dimension: string | null;
  merges: string[];
  validations: DataValidationInfo[];
  columns: ColumnFormat[];
  freeze: FrozenPanes | null;
}

const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';

function flag(v: string | null): boolean {
  return v === '1' || v?.toLowerCase() === 'true';
}

function numberOrNull(v: string | null): number | null {
  if (v === null || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function validationOf(sc: XmlScanner, extension: boolean): DataValidationInfo {
  return {
    type: sc.attr('type') ?? 'none',
    operator: sc.attr('operator'),
    allowBlank: flag(sc.attr('allowBlank')),
    sqref: sc.attr('sqref') ?? '',
    ranges: [],
    formula1: null,
    formula2: null,
    prompt: sc.attr('prompt'),
    error: sc.attr('error'),
    extension,
  };
}

/** After the START of a dataValidation (either vocabulary): its formulas and, for x14, its sqref. */
function readValidationBody(sc: XmlScanner, dv: DataValidationInfo): void {
  if (sc.selfClosing) {
    sc.skip();
    return;
  }
  const depth = sc.depth;
  for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
    if (ev === END) {
      if (sc.depth < depth) break;
      continue;
    }
    const uri = isSml(sc.ns) ? 'sml' : sc.uriOf(sc.prefix);
    if ((uri === 'sml' || uri === X14) && (sc.local === 'formula1' || sc.local === 'formula2')) {
      const which = sc.local;
      // x14 wraps the formula in <xm:f>; SpreadsheetML has it as the element's text.
      const text = sc.text();
      dv[which] = text.trim();
    } else if (uri === XM && sc.local === 'sqref') dv.sqref = sc.text().trim();
    else if (uri !== XM || sc.local !== 'f') sc.skip();
  }
  dv.ranges = parseSqref(dv.sqref);
}

export function readSheetLayout(sc: XmlScanner): SheetLayout {
  const layout: SheetLayout = { dimension: null, merges: [], validations: [], columns: [], freeze: null };
  for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
    if (ev !== START) continue;
    if (!isSml(sc.ns)) {
      const uri = sc.uriOf(sc.prefix);
      if (uri === X14 && sc.local === 'dataValidation') {
        const dv = validationOf(sc, true);
        readValidationBody(sc, dv);
        layout.validations.push(dv);
      } else if (uri !== X14 || sc.local !== 'dataValidations') sc.skip();
      continue;
    }
    switch (sc.local) {
      case 'worksheet':
      case 'sheetViews':
      case 'sheetView':
      case 'cols':
      case 'mergeCells':
      case 'dataValidations':
      case 'extLst':
      case 'ext':
        break;
      case 'dimension':
        layout.dimension = sc.attr('ref');
        break;
      case 'pane':
        if ((sc.attr('state') ?? '').startsWith('frozen')) {
          layout.freeze = {
            rows: Math.max(0, Math.floor(numberOrNull(sc.attr('ySplit')) ?? 0)),
            cols: Math.max(0, Math.floor(numberOrNull(sc.attr('xSplit')) ?? 0)),
            topLeftCell: sc.attr('topLeftCell'),
          };
        }
        break;
      case 'col': {
        const min = numberOrNull(sc.attr('min'));
        const max = numberOrNull(sc.attr('max'));
        if (min !== null && min >= 1)
          layout.columns.push({
            first: min - 1,
            last: (max ?? min) - 1,
            width: numberOrNull(sc.attr('width')),
            style: numberOrNull(sc.attr('style')),
            hidden: flag(sc.attr('hidden')),
          });
        break;
      }
      case 'mergeCell': {
        const ref = sc.attr('ref');
        if (ref) layout.merges.push(ref);
        break;
      }
      case 'dataValidation': {
        const dv = validationOf(sc, false);
        readValidationBody(sc, dv);
        layout.validations.push(dv);
        break;
      }
      default:
        // sheetData above all: jumped over without reading a cell.
        sc.skip();
    }
  }
  return layout;
}
