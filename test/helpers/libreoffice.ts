import { execFile, execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { pathToFileURL } from 'url';

/**
 * LibreOffice headless for tests: opens .xlsx files, recalculates every formula and saves them
 * again as .xlsx, so a test can read the values LibreOffice computed. One call per batch (start-up
 * costs seconds); a fresh profile per call avoids profile locks between parallel test files.
 */

export function sofficeAvailable(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

// Recalculate on load always: files written by ExcelJS carry no cached results, and filled
// copies carry stale ones.
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface ConvertOptions {
  /** Target format for --convert-to (default "xlsx"). */
  format?: string;
  /**
   * Recalculate every formula on load (default). False re-saves the way a user's LibreOffice
   * does with its default settings, cached results kept.
   */
  recalc?: boolean;
  /** Where converted files go (default: a new temp dir). Must differ from the inputs' folders. */
  outDir?: string;
  timeoutMs?: number;
}

/** Converts (and so recalculates) a batch of files; returns the output paths in input order. */
export async function recalcWithLibreOffice(files: string[], opts: ConvertOptions = {}): Promise<string[]> {
  const format = opts.format ?? 'xlsx';
  const outDir = opts.outDir ?? mkdtempSync(join(tmpdir(), 'lo-out-'));
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  if (opts.recalc !== false)
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--nologo',
    '--convert-to',
    format,
    '--outdir',
    outDir,
    ...files,
  ];
  try {
    await new Promise<void>((resolve, reject) => {
      execFile('soffice', args, { timeout: opts.timeoutMs ?? 180_000 }, (err, _stdout, stderr) => {
        if (err) reject(new Error(`soffice failed: ${err.message}\n${stderr}`));
        else resolve();
      });
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const ext = format.split(':')[0];
  const outputs = files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, '') + '.' + ext));
  // soffice exits 0 even when it could not open a file: say which one is missing.
  const missing = outputs.filter((o) => !existsSync(o));
  if (missing.length) throw new Error(`soffice produced no output for: ${missing.join(', ')}`);
  return outputs;
}

/**
 * In-memory convenience: recalculates several workbooks (name → bytes) in one soffice call and
 * returns the recalculated bytes under the same names. Names must be distinct file names.
 */
export async function recalcXlsxBytes(
  files: Record<string, Uint8Array>,
  opts: Pick<ConvertOptions, 'recalc'> = {},
): Promise<Record<string, Uint8Array>> {
  const dir = mkdtempSync(join(tmpdir(), 'lo-in-'));
  try {
    const names = Object.keys(files);
    const paths = names.map((name) => {
      const path = join(dir, name.endsWith('.xlsx') ? name : `${name}.xlsx`);
      writeFileSync(path, files[name]);
      return path;
    });
    const outputs = await recalcWithLibreOffice(paths, { outDir: join(dir, 'out'), recalc: opts.recalc });
    const result: Record<string, Uint8Array> = {};
    names.forEach((name, i) => (result[name] = new Uint8Array(readFileSync(outputs[i]))));
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
