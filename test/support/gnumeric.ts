/** Gnumeric (Debian gnumeric, `ssconvert`) as a real producer: re-saves a workbook as .xlsx. */
import { execFile, execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export function hasGnumeric(): boolean {
  try {
    execFileSync('ssconvert', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Each file opened and saved by Gnumeric (its ECMA-376 2nd edition writer), in parallel. */
export async function gnumericResave(files: Record<string, Uint8Array>): Promise<Record<string, Uint8Array>> {
  const dir = mkdtempSync(join(tmpdir(), 'gnumeric-'));
  try {
    const names = Object.keys(files);
    const outputs = await Promise.all(
      names.map(
        (name, i) =>
          new Promise<Uint8Array>((resolve, reject) => {
            const input = join(dir, `in-${i}.xlsx`);
            const output = join(dir, `out-${i}.xlsx`);
            writeFileSync(input, files[name]);
            execFile(
              'ssconvert',
              ['--export-type=Gnumeric_Excel:xlsx2', input, output],
              { timeout: 120_000 },
              (err, _o, stderr) =>
                err
                  ? reject(new Error(`ssconvert failed for ${name}: ${err.message}\n${stderr}`))
                  : resolve(new Uint8Array(readFileSync(output))),
            );
          }),
      ),
    );
    const out: Record<string, Uint8Array> = {};
    names.forEach((name, i) => (out[name] = outputs[i]));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
