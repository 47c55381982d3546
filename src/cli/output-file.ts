/**
 * Writing the CLI's result files: each is written under a temporary name beside its target and
 * renamed at the end, so a failure never leaves a half-written workbook where the user looks.
 */
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LocalizedError } from '../model/msg';
import { writeFailure } from './fs-errors';

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

/** Refuses to overwrite `path` unless `force` (a LocalizedError, exit 2). */
export function refuseOverwrite(path: string, force: boolean): void {
  if (force || existingPaths([path]).length === 0) return;
  throw new LocalizedError({
    vi: `Tệp đã tồn tại: ${path}. Thêm --force để ghi đè.`,
    en: `The file already exists: ${path}. Add --force to overwrite it.`,
  });
}

/** Refuses a workbook output that does not end in .xlsx. */
export function requireXlsxPath(path: string): void {
  if (/\.xlsx$/i.test(path)) return;
  throw new LocalizedError({
    vi: 'Tệp kết quả phải có đuôi .xlsx.',
    en: 'The output file must end in .xlsx.',
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
      if (opts.createDirs) await mkdir(dirname(f.path), { recursive: true });
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
    throw writeFailure(current, e);
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
    if (opts.createDirs) await mkdir(dirname(path), { recursive: true });
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
