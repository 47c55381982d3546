/**
 * Editing the master in place, safely: one merge at a time (a lock file beside the master with
 * the holder's pid; a lock whose holder is gone is taken over), written through a symbolic
 * link to the real file, with the file's permissions kept, the previous master kept as
 * `NAME.truoc-khi-gop.xlsx`, and temporary files a killed run left behind cleaned up.
 */
import { chmod, open, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';
import { LocalizedError } from '../model/msg';
import { writeFailure } from './fs-errors';
import type { NamedFile } from '../app/files';
import { refuseUnwritableTarget, writeFilesAtomically, type OutputFile } from './output-file';

/** The file the path names once symbolic links are followed (the path itself when it does not exist). */
export async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

export function lockPathOf(target: string): string {
  return join(dirname(target), `.${basename(target)}.lock`);
}

/** `so-tong.xlsx` → `so-tong.truoc-khi-gop.xlsx`, beside it. */
export function backupPathOf(target: string): string {
  const base = basename(target).replace(/\.xlsx$/i, '');
  return join(dirname(target), `${base}.truoc-khi-gop.xlsx`);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockRecord {
  pid: number;
  host: string;
  at: string;
}

async function readLock(path: string): Promise<LockRecord | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockRecord>;
    return { pid: Number(parsed.pid), host: String(parsed.host ?? ''), at: String(parsed.at ?? '') };
  } catch {
    return null;
  }
}

function heldBy(masterName: string, lock: LockRecord): LocalizedError {
  return new LocalizedError({
    vi: `Sổ tổng ${masterName} đang được một lần gộp khác sử dụng (tiến trình ${lock.pid}, từ ${lock.at}). Hãy đợi lần gộp đó xong rồi chạy lại; sổ tổng không thay đổi.`,
    en: `The master ${masterName} is in use by another merge (process ${lock.pid}, since ${lock.at}). Wait for it to finish and run again; the master is unchanged.`,
  });
}

export interface MasterLock {
  release(): Promise<void>;
}

/**
 * Takes the master's lock, or refuses with a message naming the holder. A lock left by a
 * process that no longer runs on this machine is stale and taken over.
 */
export async function lockMaster(target: string, masterName: string): Promise<MasterLock> {
  const path = lockPathOf(target);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = await open(path, 'wx');
      try {
        const record: LockRecord = { pid: process.pid, host: hostname(), at: new Date().toISOString() };
        await fd.writeFile(JSON.stringify(record));
      } finally {
        await fd.close();
      }
      return { release: () => rm(path, { force: true }) };
    } catch (e) {
      // The lock is ours, not the user's: a folder that refuses it refuses the master.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw writeFailure(masterName, e);
      const held = await readLock(path);
      // Only a holder on this machine can be known to be gone; an unreadable lock is being written.
      const stale = held !== null && held.host === hostname() && !alive(held.pid);
      if (!stale || attempt > 0) {
        throw heldBy(masterName, held ?? { pid: 0, host: '', at: '?' });
      }
      await rm(path, { force: true });
    }
  }
  throw heldBy(masterName, { pid: 0, host: '', at: '?' });
}

/** Removes `.NAME.<pid>.<ms>.tmp` files beside the target whose writer no longer runs. */
export async function cleanStaleTemps(target: string): Promise<string[]> {
  const base = basename(target);
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(`.${base}.`) || !name.endsWith('.tmp')) continue;
    const m = /^\.(.+)\.(\d+)\.(\d+)\.tmp$/.exec(name);
    if (!m || m[1] !== base || alive(Number(m[2]))) continue;
    await rm(join(dirname(target), name), { force: true });
    removed.push(name);
  }
  return removed;
}

export interface ReplaceOptions {
  /** The master's bytes as read, kept as the backup; null for no backup (--no-backup). */
  previous: Uint8Array | null;
}

/**
 * Replaces the master (the real file behind any link) by `bytes` with its permissions kept,
 * writing the backup first; both go through temporary files, so a failure changes nothing.
 */
export async function replaceMaster(target: string, bytes: Uint8Array, opts: ReplaceOptions): Promise<void> {
  let mode: number | null = null;
  try {
    mode = (await stat(target)).mode & 0o7777;
  } catch {
    mode = null;
  }
  const files: OutputFile[] = [];
  if (opts.previous) files.push({ path: backupPathOf(target), bytes: opts.previous });
  files.push({ path: target, bytes });
  await writeFilesAtomically(files, { mode: mode ?? undefined });
  if (mode !== null) await chmod(target, mode).catch(() => undefined);
}

/**
 * A master updated in place by a command other than merge (add, agencies --merge): locked, read,
 * produced from what was read, written through a temporary file and a rename with the previous
 * master kept beside it; any failure leaves it as it was. Returns the real file written.
 */
export async function updateMasterInPlace(
  masterPath: string,
  masterArg: string,
  read: () => Promise<NamedFile>,
  produce: (master: NamedFile) => Promise<Uint8Array>,
): Promise<string> {
  const target = await realTarget(masterPath);
  const lock = await lockMaster(target, masterArg);
  try {
    await cleanStaleTemps(target);
    const master = await read();
    refuseUnwritableTarget(target);
    const bytes = await produce(master);
    await replaceMaster(target, bytes, { previous: master.bytes });
  } finally {
    await lock.release();
  }
  return target;
}
