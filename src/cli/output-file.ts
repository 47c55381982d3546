/**
 * Writing the CLI's result files: each is written under a temporary name beside its target and
 * renamed at the end, so a failure never leaves a half-written workbook where the user looks.
 */
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CliIo } from './io';

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

export interface WriteOptions {
  /** Create the target's missing parent folders first. */
  createDirs?: boolean;
}

/** The paths among `paths` that already exist. */
export function existingPaths(paths: readonly string[]): string[] {
  return paths.filter((p) => existsSync(p));
}

/** Why `path` must not be written (it exists and `force` is off), or null when it may be. */
export function overwriteRefusal(path: string, force: boolean): string | null {
  if (force || existingPaths([path]).length === 0) return null;
  return `Tệp đã tồn tại: ${path}. Thêm --force để ghi đè. / The file already exists: ${path}. Add --force to overwrite it.`;
}

/** Why `path` cannot be a workbook output (it does not end in .xlsx), or null when it can. */
export function xlsxPathProblem(path: string): string | null {
  return /\.xlsx$/i.test(path)
    ? null
    : 'Tệp kết quả phải có đuôi .xlsx. / The output file must end in .xlsx.';
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Writes every file under a temporary name first and renames them only once all are written;
 * on failure the temporary files are removed and the error is rethrown.
 */
export async function writeFilesAtomically(
  files: readonly OutputFile[],
  opts: WriteOptions = {},
): Promise<void> {
  const temps: string[] = [];
  try {
    for (const f of files) {
      if (opts.createDirs) await mkdir(dirname(f.path), { recursive: true });
      const tmp = tempPathFor(f.path);
      temps.push(tmp);
      await writeFile(tmp, f.bytes);
    }
    for (let i = 0; i < files.length; i++) await rename(temps[i], files[i].path);
  } catch (e) {
    for (const t of temps) await rm(t, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** Receives a file's bytes in pieces, in order. */
export type ChunkSink = (chunk: Uint8Array) => void;

/**
 * Streams a file to `path` through a temporary file beside it, renamed once complete, so a large
 * workbook never sits whole in memory and a failure leaves nothing at `path`.
 */
export async function streamFileAtomically(
  path: string,
  produce: (sink: ChunkSink) => void | Promise<void>,
  opts: WriteOptions = {},
): Promise<void> {
  if (opts.createDirs) await mkdir(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  try {
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
    throw e;
  }
}

/**
 * Produces the file and writes it to `path` (temp + rename), either as bytes or streamed to a
 * sink. On any failure prints "cannot write" in both languages and answers false, leaving
 * nothing at `path`.
 */
export async function writeOutputFile(
  path: string,
  produce: (() => Promise<Uint8Array>) | { stream: (sink: ChunkSink) => void | Promise<void> },
  io: CliIo,
  opts: WriteOptions = {},
): Promise<boolean> {
  try {
    if (typeof produce === 'function') await writeFilesAtomically([{ path, bytes: await produce() }], opts);
    else await streamFileAtomically(path, produce.stream, opts);
    return true;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    io.err(`Không ghi được ${path}: ${why} / Cannot write ${path}: ${why}`);
    return false;
  }
}
