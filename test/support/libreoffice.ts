/**
 * LibreOffice as a real producer: a plain re-save (`soffice --headless --convert-to xlsx`, from
 * test/helpers/libreoffice.ts, one call for many files) and edits made through its scripting
 * interface (UNO, Debian python3-uno) exactly as a user's LibreOffice makes them: deleting a row
 * the way Calc does leaves rows 1048575–1048576 in the saved file (issue 20.1).
 *
 * Each run starts its own soffice with its own profile and pipe, so parallel test files never
 * share an instance.
 */
import { execFile, execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { recalcXlsxBytes, sofficeAvailable } from '../helpers/libreoffice';
import { PYTHON } from './openpyxl';

export { sofficeAvailable };

export function hasUno(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import uno'], { stdio: 'ignore' });
    return sofficeAvailable();
  } catch {
    return false;
  }
}

/** Re-saves every file as LibreOffice does with its default settings (no forced recalculation). */
export function libreofficeResave(files: Record<string, Uint8Array>): Promise<Record<string, Uint8Array>> {
  return recalcXlsxBytes(files, { recalc: false });
}

/** Opens, recalculates every formula and saves (what a check of computed values needs). */
export function libreofficeRecalc(files: Record<string, Uint8Array>): Promise<Record<string, Uint8Array>> {
  return recalcXlsxBytes(files, { recalc: true });
}

/** An edit made in Calc. Rows and columns are 0-based, as UNO counts them. */
export type CalcEdit =
  | { sheet: string; deleteRows: number; count?: number }
  | { sheet: string; insertRows: number; count?: number }
  | { sheet: string; insertColumns: number; count?: number }
  | { sheet: string; set: string; value: number | string }
  | { sheet: string; set: string; formula: string }
  | { sheet: string; clear: string };

const UNO_SCRIPT = `
import json, os, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue

spec = json.load(open(sys.argv[1]))
def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p

soffice = subprocess.Popen([
    'soffice', '-env:UserInstallation=' + spec['profile'], '--headless', '--invisible', '--nologo',
    '--norestore', '--nodefault', '--nofirststartwizard',
    '--accept=pipe,name=%s;urp;StarOffice.ComponentContext' % spec['pipe'],
], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    ctx = None
    for _ in range(240):
        try:
            ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % spec['pipe'])
            break
        except Exception:
            time.sleep(0.25)
    if ctx is None:
        raise SystemExit('LibreOffice did not start')
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    for job in spec['jobs']:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job['in']), '_blank', 0, (prop('Hidden', True),))
        for op in job['edits']:
            sheet = doc.Sheets.getByName(op['sheet'])
            if 'deleteRows' in op:
                sheet.Rows.removeByIndex(op['deleteRows'], op.get('count', 1))
            elif 'insertRows' in op:
                sheet.Rows.insertByIndex(op['insertRows'], op.get('count', 1))
            elif 'insertColumns' in op:
                sheet.Columns.insertByIndex(op['insertColumns'], op.get('count', 1))
            elif 'clear' in op:
                sheet.getCellRangeByName(op['clear']).setString('')
            elif 'formula' in op:
                sheet.getCellRangeByName(op['set']).setFormula(op['formula'])
            elif isinstance(op['value'], str):
                sheet.getCellRangeByName(op['set']).setString(op['value'])
            else:
                sheet.getCellRangeByName(op['set']).setValue(op['value'])
        doc.storeToURL(uno.systemPathToFileUrl(job['out']), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
        doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        soffice.wait(timeout=30)
    except Exception:
        soffice.kill()
`;

/** Opens each file in LibreOffice, makes its edits through UNO, saves it as .xlsx; one soffice for all. */
export async function libreofficeEdit(
  jobs: Record<string, { bytes: Uint8Array; edits: CalcEdit[] }>,
  timeoutMs = 240_000,
): Promise<Record<string, Uint8Array>> {
  const dir = mkdtempSync(join(tmpdir(), 'lo-uno-'));
  try {
    const names = Object.keys(jobs);
    const spec = {
      profile: pathToFileURL(join(dir, 'profile')).href,
      pipe: `plan-tracker-${process.pid}-${Date.now()}`,
      jobs: names.map((name, i) => {
        const input = join(dir, `in-${i}.xlsx`);
        writeFileSync(input, jobs[name].bytes);
        return { in: input, out: join(dir, `out-${i}.xlsx`), edits: jobs[name].edits };
      }),
    };
    const specPath = join(dir, 'spec.json');
    writeFileSync(specPath, JSON.stringify(spec));
    await new Promise<void>((resolve, reject) => {
      execFile(PYTHON, ['-c', UNO_SCRIPT, specPath], { timeout: timeoutMs }, (err, _out, stderr) =>
        err ? reject(new Error(`LibreOffice (UNO) failed: ${err.message}\n${stderr}`)) : resolve(),
      );
    });
    const out: Record<string, Uint8Array> = {};
    names.forEach((name, i) => (out[name] = new Uint8Array(readFileSync(spec.jobs[i].out))));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
