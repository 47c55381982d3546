import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFailure, writeFailure } from '../../src/cli/fs-errors';
import {
  existingPaths,
  refuseOverwrite,
  requireXlsxPath,
  streamFileAtomically,
  writeFilesAtomically,
} from '../../src/cli/output-file';
import { LocalizedError } from '../../src/model/msg';

const bytes = (text: string) => new TextEncoder().encode(text);

function workdir(): string {
  return mkdtempSync(join(tmpdir(), 'pt-output-file-'));
}

/** The error a call throws (a LocalizedError is expected). */
function thrown(f: () => void): LocalizedError {
  try {
    f();
  } catch (e) {
    return e as LocalizedError;
  }
  throw new Error('nothing thrown');
}

describe('refuseOverwrite / existingPaths', () => {
  it('refuses an existing file without force, in both languages, and allows it with force', () => {
    const dir = workdir();
    const path = join(dir, 'so.xlsx');
    expect(() => refuseOverwrite(path, false)).not.toThrow();
    writeFileSync(path, 'x');
    const e = thrown(() => refuseOverwrite(path, false));
    expect(e).toBeInstanceOf(LocalizedError);
    expect(e.exitCode).toBe(2);
    expect(e.msg.vi).toMatch(/^Tệp đã tồn tại: .*so\.xlsx.*--force/);
    expect(e.msg.en).toMatch(/already exists: .*so\.xlsx.*--force/);
    expect(() => refuseOverwrite(path, true)).not.toThrow();
    expect(existingPaths([join(dir, 'khac.xlsx'), path])).toEqual([path]);
  });
});

describe('requireXlsxPath', () => {
  it('accepts .xlsx in any case and refuses anything else in both languages', () => {
    expect(() => requireXlsxPath('a/so.xlsx')).not.toThrow();
    expect(() => requireXlsxPath('SO.XLSX')).not.toThrow();
    const e = thrown(() => requireXlsxPath('so.csv'));
    expect([e.msg.vi, e.msg.en]).toEqual([
      expect.stringMatching(/đuôi \.xlsx/),
      expect.stringMatching(/must end in \.xlsx/),
    ]);
    expect(() => requireXlsxPath('so.xlsx.bak')).toThrow(LocalizedError);
  });
});

describe('writeFilesAtomically', () => {
  it('writes every file and leaves no temporary file', async () => {
    const dir = workdir();
    await writeFilesAtomically([
      { path: join(dir, 'a.xlsx'), bytes: bytes('một') },
      { path: join(dir, 'b.xlsx'), bytes: bytes('hai') },
    ]);
    expect(readdirSync(dir).sort()).toEqual(['a.xlsx', 'b.xlsx']);
    expect(readFileSync(join(dir, 'b.xlsx'), 'utf8')).toBe('hai');
  });

  it('replaces an existing file', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'a.xlsx'), 'cũ');
    await writeFilesAtomically([{ path: join(dir, 'a.xlsx'), bytes: bytes('mới') }]);
    expect(readFileSync(join(dir, 'a.xlsx'), 'utf8')).toBe('mới');
  });

  it('creates missing folders only when asked', async () => {
    const dir = workdir();
    const nested = join(dir, 'x', 'y', 'a.xlsx');
    await expect(writeFilesAtomically([{ path: nested, bytes: bytes('1') }])).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
    await writeFilesAtomically([{ path: nested, bytes: bytes('1') }], { createDirs: true });
    expect(readFileSync(nested, 'utf8')).toBe('1');
  });

  it('renames nothing when one file cannot be written, and removes the temporary files', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'not-a-dir'), '');
    await expect(
      writeFilesAtomically([
        { path: join(dir, 'a.xlsx'), bytes: bytes('1') },
        { path: join(dir, 'not-a-dir', 'b.xlsx'), bytes: bytes('2') },
      ]),
    ).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['not-a-dir']);
  });
});

describe('what a failed write or read says', () => {
  it('names the file and the reason in words, never an errno code, with exit code 2', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'not-a-dir'), '');
    const target = join(dir, 'not-a-dir', 'so.xlsx');
    const e = await writeFilesAtomically([{ path: target, bytes: bytes('1') }], { createDirs: true }).catch(
      (x: unknown) => x as LocalizedError,
    );
    expect(e).toBeInstanceOf(LocalizedError);
    expect(e?.exitCode).toBe(2);
    // The folder that cannot be made is the one named.
    expect(e?.msg.vi).toContain(`Không tạo được thư mục ${join(dir, 'not-a-dir')}: `);
    expect(e?.msg.en).toContain(`Cannot make the folder ${join(dir, 'not-a-dir')}: `);
    expect(`${e?.msg.vi} ${e?.msg.en}`).not.toMatch(/E[A-Z]{3,}/);
    expect(readdirSync(dir)).toEqual(['not-a-dir']);
  });

  it.each([
    ['EACCES', /không có quyền ghi/, /no permission to write/],
    ['ENOSPC', /ổ đĩa đã đầy/, /drive is full/],
    ['EROFS', /chỉ cho đọc/, /read-only/],
    ['EMYSTERY', /lỗi khi ghi tệp/, /write failed/],
  ])('a write failing with %s is said in words', (code, vi, en) => {
    const e = writeFailure('so.xlsx', Object.assign(new Error('x'), { code }));
    expect([e.exitCode, e.msg.vi, e.msg.en]).toEqual([
      2,
      expect.stringMatching(vi),
      expect.stringMatching(en),
    ]);
    expect(`${e.msg.vi} ${e.msg.en}`).not.toContain(code);
  });

  it('a read failing with EACCES is said in words, exit code 2', () => {
    const e = readFailure('ke-hoach.txt', Object.assign(new Error('x'), { code: 'EACCES' }));
    expect([e.exitCode, e.msg.en]).toEqual([2, 'Cannot read ke-hoach.txt: no permission to read the file.']);
  });
});

describe('streamFileAtomically', () => {
  it('writes the chunks in order and leaves no temporary file', async () => {
    const dir = workdir();
    const target = join(dir, 'so.xlsx');
    await streamFileAtomically(target, (sink) => ['một ', 'hai ', 'ba'].forEach((t) => sink(bytes(t))));
    expect(readFileSync(target, 'utf8')).toBe('một hai ba');
    expect(readdirSync(dir)).toEqual(['so.xlsx']);
  });

  it('keeps the old file and removes the half-written one when the stream fails midway', async () => {
    const dir = workdir();
    const target = join(dir, 'so.xlsx');
    writeFileSync(target, 'cũ');
    const stream = (sink: (c: Uint8Array) => void) => {
      sink(bytes('nửa chừng'));
      throw new Error('hỏng giữa chừng');
    };
    await expect(streamFileAtomically(target, stream)).rejects.toThrow('hỏng giữa chừng');
    expect(readFileSync(target, 'utf8')).toBe('cũ');
    expect(readdirSync(dir)).toEqual(['so.xlsx']);
  });

  it('names the file in both languages when the place cannot be written', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'not-a-dir'), '');
    const target = join(dir, 'not-a-dir', 'so.xlsx');
    const error = await streamFileAtomically(target, (sink) => sink(bytes('1'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalizedError);
    expect((error as LocalizedError).msg.vi).toMatch(/so\.xlsx/);
    expect((error as LocalizedError).msg.en).toMatch(/so\.xlsx/);
    expect(readdirSync(dir)).toEqual(['not-a-dir']);
  });
});
