import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/**
 * An .xlsx read back by openpyxl (Debian python3-openpyxl, run with /usr/bin/python3: the pyenv
 * python on PATH lacks it), as plain JSON: an independent reader for the writer's tests.
 */

export interface DumpedCell {
  /** The formula ("=…") or the value; dates as ISO text. */
  value: string | number | boolean | null;
  /** The cached value (openpyxl's data_only view). */
  cached: string | number | boolean | null;
  numFmt: string;
  font: string | null;
  bold: boolean;
}

export interface DumpedSheet {
  title: string;
  state: string;
  freeze: string | null;
  cells: Record<string, DumpedCell>;
  merged: string[];
  widths: Record<string, number>;
  heights: Record<string, number>;
  tables: {
    name: string;
    ref: string;
    columns: string[];
    formulas: (string | null)[];
    style: string | null;
  }[];
  validations: {
    sqref: string;
    type: string;
    formula1: string | null;
    formula2: string | null;
    allowBlank: boolean;
    prompt: string | null;
    error: string | null;
  }[];
  conditional: { sqref: string; types: string[] }[];
  printTitleRows: string | null;
  printArea: string[] | null;
  rowBreaks: number[];
  page: {
    paperSize: number | null;
    orientation: string | null;
    fitToWidth: number | null;
    fitToHeight: number | null;
    fitToPage: boolean;
    margins: { left: number; right: number; top: number; bottom: number };
    footer: string | null;
    horizontalCentered: boolean;
  };
  tabColor: string | null;
}

export interface DumpedWorkbook {
  sheets: DumpedSheet[];
  names: Record<string, string>;
}

const SCRIPT = String.raw`
import json, sys, datetime, warnings
warnings.simplefilter('ignore')
import openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
cached = openpyxl.load_workbook(path, data_only=True)
def plain(v):
    if isinstance(v, (datetime.datetime, datetime.date)):
        return v.isoformat()[:10] if isinstance(v, datetime.datetime) and v.time() == datetime.time(0) else v.isoformat()
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)
out = {'sheets': [], 'names': {}}
for dn in wb.defined_names.definedName:
    out['names'][dn.name] = dn.attr_text
for ws in wb.worksheets:
    cs = cached[ws.title]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not c.has_style:
                continue
            if c.value is None:
                continue
            cells[c.coordinate] = {
                'value': plain(c.value), 'cached': plain(cs[c.coordinate].value),
                'numFmt': c.number_format, 'font': c.font.name if c.font else None,
                'bold': bool(c.font and c.font.b),
            }
    tables = []
    for t in ws.tables.values():
        tables.append({'name': t.name, 'ref': t.ref,
            'columns': [col.name for col in t.tableColumns],
            'formulas': [(col.calculatedColumnFormula.attr_text if col.calculatedColumnFormula is not None else None) for col in t.tableColumns],
            'style': t.tableStyleInfo.name if t.tableStyleInfo else None})
    dvs = [{'sqref': str(dv.sqref), 'type': dv.type, 'formula1': dv.formula1, 'formula2': dv.formula2,
            'allowBlank': bool(dv.allow_blank), 'prompt': dv.prompt, 'error': dv.error}
           for dv in ws.data_validations.dataValidation]
    cf = [{'sqref': str(rng.sqref), 'types': [r.type for r in rules]} for rng, rules in ws.conditional_formatting._cf_rules.items()]
    ps = ws.page_setup
    m = ws.page_margins
    out['sheets'].append({
        'title': ws.title, 'state': ws.sheet_state, 'freeze': ws.freeze_panes,
        'cells': cells, 'merged': [str(r) for r in ws.merged_cells.ranges],
        'widths': {k: v.width for k, v in ws.column_dimensions.items() if v.customWidth},
        'heights': {str(k): v.height for k, v in ws.row_dimensions.items() if v.height is not None},
        'tables': tables, 'validations': dvs, 'conditional': cf,
        'printTitleRows': ws.print_title_rows,
        'printArea': ws.print_area,
        'rowBreaks': [b.id for b in ws.row_breaks.brk],
        'page': {'paperSize': int(ps.paperSize) if ps.paperSize is not None else None, 'orientation': ps.orientation,
                 'fitToWidth': int(ps.fitToWidth) if ps.fitToWidth is not None else None,
                 'fitToHeight': int(ps.fitToHeight) if ps.fitToHeight is not None else None,
                 'fitToPage': bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
                 'margins': {'left': m.left, 'right': m.right, 'top': m.top, 'bottom': m.bottom},
                 'footer': ws.oddFooter.center.text if ws.oddFooter and ws.oddFooter.center else None,
                 'horizontalCentered': bool(ws.print_options.horizontalCentered)},
        'tabColor': ws.sheet_properties.tabColor.rgb if ws.sheet_properties.tabColor is not None else None,
    })
json.dump(out, sys.stdout, ensure_ascii=False)
`;

export function openpyxlAvailable(): boolean {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function dumpWithOpenpyxl(bytes: Uint8Array): DumpedWorkbook {
  const dir = mkdtempSync(join(tmpdir(), 'openpyxl-'));
  try {
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    const out = execFileSync('/usr/bin/python3', ['-c', SCRIPT, file], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    return JSON.parse(out) as DumpedWorkbook;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function sheetOf(book: DumpedWorkbook, title: string): DumpedSheet {
  const s = book.sheets.find((x) => x.title === title);
  if (!s) throw new Error(`no sheet ${title} (have ${book.sheets.map((x) => x.title).join(', ')})`);
  return s;
}
