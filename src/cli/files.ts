/** The use cases' FileReader over the disk: paths relative to the working folder. */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FileReader, NamedFile } from '../app/files';
import { readFailure } from './fs-errors';
import type { CliIo } from './io';

/** Reads `path` (as the user typed it); the file is named that way in every message. */
export async function readNamedFile(io: CliIo, path: string): Promise<NamedFile> {
  const full = resolve(io.cwd, path);
  try {
    if ((await stat(full)).isDirectory()) throw Object.assign(new Error(path), { code: 'EISDIR' });
    return { name: path, bytes: new Uint8Array(await readFile(full)) };
  } catch (e) {
    throw readFailure(path, e);
  }
}

export function diskFiles(io: CliIo): FileReader {
  return { read: (path) => readNamedFile(io, path) };
}
