/**
 * openpyxl (Debian python3-openpyxl) as a real producer and as an independent reader: save a
 * workbook the way a Python script or pandas does, edit it (values, formulas without cached
 * results, inserted columns, deleted rows), and read every cell back. Always /usr/bin/python3:
 * the python3 on PATH may be another interpreter without openpyxl.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export const PYTHON = '/usr/bin/python3';

export function hasOpenpyxl(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs a Python snippet with arguments; returns its standard output. */
export function runPython(script: string, args: string[] = [], timeoutMs = 120_000): string {
  return execFileSync(PYTHON, ['-c', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'openpyxl-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A cell as openpyxl sees it. Dates come back as ISO text in `date`. */
export interface OpenpyxlCell {
  /** openpyxl's data_type: n, s, b, e, f (formula), d (date). */
  type: string;
  value: number | string | boolean | null;
  /** With data_only: the cached result; null when the file holds none. */
  cached: number | string | boolean | null;
  date: string | null;
  numberFormat: string;
}

export interface OpenpyxlSheet {
  name: string;
  state: string;
  cells: Record<string, OpenpyxlCell>;
}

const DUMP = `
import json, sys, datetime, warnings
warnings.simplefilter('ignore')
import openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
cached = openpyxl.load_workbook(path, data_only=True)
def plain(v):
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return None
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)
def iso(v):
    if isinstance(v, datetime.datetime):
        return v.isoformat()
    if isinstance(v, datetime.date):
        return v.isoformat()
    return None
out = []
for ws in wb.worksheets:
    cws = cached[ws.title]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            cv = cws[c.coordinate].value
            cells[c.coordinate] = {
                'type': c.data_type, 'value': plain(c.value), 'cached': plain(cv),
                'date': iso(c.value) or iso(cv), 'numberFormat': c.number_format,
            }
    out.append({'name': ws.title, 'state': ws.sheet_state, 'cells': cells})
print(json.dumps(out))
`;

/** Every non-empty cell of every worksheet, read by openpyxl (formulas and cached values). */
export function openpyxlRead(bytes: Uint8Array): OpenpyxlSheet[] {
  return withTempDir((dir) => {
    const path = join(dir, 'in.xlsx');
    writeFileSync(path, bytes);
    return JSON.parse(runPython(DUMP, [path])) as OpenpyxlSheet[];
  });
}

/** An edit openpyxl makes, as a script would. Rows and columns are 1-based, as openpyxl counts. */
export type OpenpyxlEdit =
  | { sheet: string; set: string; value: number | string | boolean | null }
  /** A date, written as a datetime with a date format. */
  | { sheet: string; set: string; date: string }
  /** A formula (with "="), which openpyxl saves without a cached result. */
  | { sheet: string; set: string; formula: string }
  | { sheet: string; insertCols: number; amount?: number }
  | { sheet: string; deleteRows: number; amount?: number }
  | { sheet: string; insertRows: number; amount?: number }
  | { addSheet: string }
  | { sheet: string; state: 'visible' | 'hidden' | 'veryHidden' };

const EDIT = `
import json, sys, datetime, warnings
warnings.simplefilter('ignore')
import openpyxl
src, dst, ops = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)
for op in ops:
    if 'addSheet' in op:
        wb.create_sheet(op['addSheet'])
        continue
    ws = wb[op['sheet']]
    if 'set' in op:
        c = ws[op['set']]
        if 'date' in op:
            c.value = datetime.datetime.fromisoformat(op['date'])
            c.number_format = 'dd/mm/yyyy'
        elif 'formula' in op:
            c.value = op['formula']
        else:
            c.value = op['value']
    elif 'insertCols' in op:
        ws.insert_cols(op['insertCols'], op.get('amount', 1))
    elif 'deleteRows' in op:
        ws.delete_rows(op['deleteRows'], op.get('amount', 1))
    elif 'insertRows' in op:
        ws.insert_rows(op['insertRows'], op.get('amount', 1))
    elif 'state' in op:
        ws.sheet_state = op['state']
wb.save(dst)
`;

/** Loads the workbook in openpyxl, applies the edits, saves it (no edits: a plain load and save). */
export function openpyxlSave(bytes: Uint8Array, edits: OpenpyxlEdit[] = []): Uint8Array {
  return withTempDir((dir) => {
    const src = join(dir, 'in.xlsx');
    const dst = join(dir, 'out.xlsx');
    writeFileSync(src, bytes);
    runPython(EDIT, [src, dst, JSON.stringify(edits)]);
    return new Uint8Array(readFileSync(dst));
  });
}

/** Whether openpyxl can open the file at all (the check a broken workbook.xml fails). */
export function openpyxlOpens(bytes: Uint8Array): { ok: true } | { ok: false; error: string } {
  return withTempDir((dir) => {
    const path = join(dir, 'in.xlsx');
    writeFileSync(path, bytes);
    try {
      runPython(
        'import sys, warnings\nwarnings.simplefilter("ignore")\nimport openpyxl\nopenpyxl.load_workbook(sys.argv[1])',
        [path],
      );
      return { ok: true };
    } catch (e) {
      return { ok: false, error: String((e as { stderr?: string }).stderr ?? e) };
    }
  });
}
