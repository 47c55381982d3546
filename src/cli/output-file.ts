/**
 * Writing the CLI's result files: each is written under a temporary name beside its target and
 * renamed at the end, so a failure never leaves a half-written workbook where the user looks.
 */
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isLocalizedError, LocalizedError } from '../model/msg';
import { mkdirFailure, writeFailure } from './fs-errors';

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

export interface WriteOptions {
  /** Create the target's missing parent folders first. */
  createDirs?: boolean;
  /** Permissions given to the files before they take their place (those of the file replaced). */
  mode?: number;
}

/** The paths among `paths` that already exist. */
export function existingPaths(paths: readonly string[]): string[] {
  return paths.filter((p) => existsSync(p));
}

/**
 * Refuses to overwrite `path` unless `force` (a LocalizedError, exit 2); even with `force`,
 * refuses a folder in the way and a read-only file, which the user protected on purpose.
 */
export function refuseOverwrite(path: string, force: boolean): void {
  refuseUnwritableTarget(path);
  if (force || existingPaths([path]).length === 0) return;
  throw new LocalizedError({
    vi: `Tệp đã tồn tại: ${path}. Thêm --force để ghi đè.`,
    en: `The file already exists: ${path}. Add --force to overwrite it.`,
  });
}

/**
 * Refuses an output path where a folder stands, or a file nobody may write (the permission
 * bits, which root would otherwise ignore): renaming over it would quietly undo that choice.
 */
export function refuseUnwritableTarget(path: string): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    return;
  }
  if (st.isDirectory())
    throw new LocalizedError({
      vi: `Không ghi được ${path}: đã có một thư mục cùng tên. Hãy chọn tên tệp khác.`,
      en: `Cannot write ${path}: a folder with that name is in the way. Choose another file name.`,
    });
  if ((st.mode & 0o222) === 0)
    throw new LocalizedError({
      vi: `Không ghi được ${path}: tệp chỉ cho đọc. Bỏ thuộc tính chỉ đọc của tệp, hoặc chọn tên tệp khác.`,
      en: `Cannot write ${path}: the file is read-only. Make it writable, or choose another file name.`,
    });
}

/**
 * Creates `dir` and its missing parents, one level at a time from the nearest folder that
 * exists. Node's `mkdir({ recursive: true })` never returns under a path like /proc/x.
 */
export async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  let d = dir;
  for (;;) {
    let found = false;
    try {
      found = (await stat(d)).isDirectory();
      if (!found) throw Object.assign(new Error(d), { code: 'ENOTDIR' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw mkdirFailure(dir, e);
    }
    if (found) break;
    missing.unshift(d);
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (const m of missing) {
    try {
      await mkdir(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw mkdirFailure(m, e);
    }
  }
}

/** Refuses a workbook output that does not end in .xlsx. */
export function requireXlsxPath(path: string): void {
  if (/\.xlsx$/i.test(path)) return;
  throw new LocalizedError({
    vi: `Tệp kết quả phải có đuôi .xlsx: ${path}.`,
    en: `The output file must end in .xlsx: ${path}.`,
  });
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Writes every file under a temporary name first and renames them only once all are written;
 * on failure the temporary files are removed and a LocalizedError names the file that failed.
 */
export async function writeFilesAtomically(
  files: readonly OutputFile[],
  opts: WriteOptions = {},
): Promise<void> {
  const temps: string[] = [];
  let current = files[0]?.path ?? '';
  try {
    for (const f of files) {
      current = f.path;
      if (opts.createDirs) await makeDirs(dirname(f.path));
      const tmp = tempPathFor(f.path);
      temps.push(tmp);
      await writeFile(tmp, f.bytes);
      if (opts.mode !== undefined) await chmod(tmp, opts.mode);
    }
    for (let i = 0; i < files.length; i++) {
      current = files[i].path;
      await rename(temps[i], files[i].path);
    }
  } catch (e) {
    for (const t of temps) await rm(t, { force: true }).catch(() => undefined);
    throw isLocalizedError(e) ? e : writeFailure(current, e);
  }
}

/** Receives a file's bytes in pieces, in order. */
export type ChunkSink = (chunk: Uint8Array) => void;

/**
 * Streams a file to `path` through a temporary file beside it, renamed once complete: a large
 * workbook never sits whole in memory, and a failure midway removes the temporary file and
 * leaves whatever was at `path` as it was. A failure of the file system is a LocalizedError
 * naming the file; one of the producer is rethrown as it is.
 */
export async function streamFileAtomically(
  path: string,
  produce: (sink: ChunkSink) => void | Promise<void>,
  opts: WriteOptions = {},
): Promise<void> {
  const tmp = tempPathFor(path);
  try {
    if (opts.createDirs) await makeDirs(dirname(path));
    const fd = openSync(tmp, 'w');
    try {
      await produce((chunk) => {
        writeSync(fd, chunk);
      });
    } finally {
      closeSync(fd);
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw (e as NodeJS.ErrnoException | null)?.code ? writeFailure(path, e) : e;
  }
}
