/**
 * The master on disk under merge (issue 20 items 14–15, issue 13's backup): one merge at a time,
 * a symbolic link followed to the real file, permissions kept, the previous master kept, the
 * temporary files of a killed run cleaned. Each failed on the code before (two merges at once
 * both said "Đã gộp" and one change was lost; the link was replaced by a regular file; 0600
 * became 0644; the temporary file stayed).
 */
import { createHash } from 'crypto';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
  mkdirSync,
  rmSync,
} from 'fs';
import { hostname, tmpdir } from 'os';
import { join } from 'path';
import { run as merge } from '../../src/cli/commands/merge';
import { splitWorkbook } from '../../src/xlsx/split';
import { buildMaster, fill, NV, TC, valueOf } from '../xlsx/merge-fixture';
import { runCli } from './run';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('plan-tracker merge: the master file', () => {
  let masterBytes: Uint8Array;
  let nv: Uint8Array;
  let tc: Uint8Array;
  let dir: string;

  beforeAll(async () => {
    masterBytes = await buildMaster();
    const { files } = await splitWorkbook(masterBytes);
    nv = await fill(files.find((f) => f.agencyKey === NV)!.bytes, [
      ['IV.1.1', 'result', 'Sở Nội vụ báo cáo'],
    ]);
    tc = await fill(files.find((f) => f.agencyKey === TC)!.bytes, [
      ['IV.3.1', 'note', 'Sở Tài chính báo cáo'],
    ]);
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pt-merge-file-'));
    writeFileSync(join(dir, 'so-tong.xlsx'), masterBytes);
    writeFileSync(join(dir, 'nv.xlsx'), nv);
    writeFileSync(join(dir, 'tc.xlsx'), tc);
  });

  const run = (...args: string[]) => runCli(merge, args, dir);
  const masterNow = () => new Uint8Array(readFileSync(join(dir, 'so-tong.xlsx')));

  it('runs one merge at a time: the second is refused with a message, and no change is lost', async () => {
    const [a, b] = await Promise.all([run('so-tong.xlsx', 'nv.xlsx'), run('so-tong.xlsx', 'tc.xlsx')]);
    const codes = [a.code, b.code].sort();
    expect(codes).toEqual([0, 2]);
    const refused = a.code === 2 ? a : b;
    expect(refused.stderr).toMatch(/đang được một lần gộp khác sử dụng \(tiến trình \d+/);
    expect(refused.stderr).not.toMatch(/EEXIST|errno/);
    // The refused one runs again once the first is done: both changes are in.
    const again = await run('so-tong.xlsx', a.code === 2 ? 'nv.xlsx' : 'tc.xlsx');
    expect(again.code).toBe(0);
    expect(await valueOf(masterNow(), 'IV.1.1', 'result')).toBe('Sở Nội vụ báo cáo');
    expect(await valueOf(masterNow(), 'IV.3.1', 'note')).toBe('Sở Tài chính báo cáo');
    expect(existsSync(join(dir, '.so-tong.xlsx.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that is gone', async () => {
    writeFileSync(
      join(dir, '.so-tong.xlsx.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), at: '2024-06-01T00:00:00Z' }),
    );
    const res = await run('so-tong.xlsx', 'nv.xlsx');
    expect(res.code).toBe(0);
    expect(await valueOf(masterNow(), 'IV.1.1', 'result')).toBe('Sở Nội vụ báo cáo');
  });

  it('writes through a symbolic link to the real master and keeps its permissions', async () => {
    const real = join(dir, 'that-muc', 'so-that.xlsx');
    mkdirSync(join(dir, 'that-muc'));
    writeFileSync(real, masterBytes);
    chmodSync(real, 0o600);
    rmSync(join(dir, 'so-tong.xlsx'));
    symlinkSync(real, join(dir, 'so-tong.xlsx'));
    const res = await run('so-tong.xlsx', 'nv.xlsx');
    expect(res.code).toBe(0);
    expect(lstatSync(join(dir, 'so-tong.xlsx')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'so-tong.xlsx'))).toBe(real);
    expect(await valueOf(new Uint8Array(readFileSync(real)), 'IV.1.1', 'result')).toBe('Sở Nội vụ báo cáo');
    expect(statSync(real).mode & 0o777).toBe(0o600);
  });

  it('keeps the previous master as NAME.truoc-khi-gop.xlsx, unless --no-backup', async () => {
    const before = sha(masterNow());
    expect((await run('so-tong.xlsx', 'nv.xlsx')).code).toBe(0);
    expect(sha(new Uint8Array(readFileSync(join(dir, 'so-tong.truoc-khi-gop.xlsx'))))).toBe(before);
    expect(sha(masterNow())).not.toBe(before);

    writeFileSync(join(dir, 'so-tong.xlsx'), masterBytes);
    rmSync(join(dir, 'so-tong.truoc-khi-gop.xlsx'));
    expect((await run('so-tong.xlsx', 'nv.xlsx', '--no-backup')).code).toBe(0);
    expect(existsSync(join(dir, 'so-tong.truoc-khi-gop.xlsx'))).toBe(false);
  });

  it('cleans the temporary files a killed run left, and only its own pattern', async () => {
    const stale = '.so-tong.xlsx.4194303.1717000000000.tmp';
    writeFileSync(join(dir, stale), 'half a workbook');
    writeFileSync(join(dir, '.other.xlsx.4194303.1717000000000.tmp'), 'not ours');
    writeFileSync(join(dir, 'ghi-chu.tmp'), 'the user’s own');
    expect((await run('so-tong.xlsx', 'nv.xlsx')).code).toBe(0);
    const left = readdirSync(dir);
    expect(left).not.toContain(stale);
    expect(left).toContain('.other.xlsx.4194303.1717000000000.tmp');
    expect(left).toContain('ghi-chu.tmp');
  });

  it('a refused merge leaves every file byte-identical and writes no backup', async () => {
    writeFileSync(join(dir, 'hong.xlsx'), 'không phải excel');
    const before = sha(masterNow());
    const res = await run('so-tong.xlsx', 'nv.xlsx', 'hong.xlsx');
    // A return that is no workbook is bad input, like such a master (issue 19).
    expect(res.code).toBe(2);
    expect(sha(masterNow())).toBe(before);
    expect(existsSync(join(dir, 'so-tong.truoc-khi-gop.xlsx'))).toBe(false);
  });
});
