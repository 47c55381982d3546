import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferIo } from '../../src/cli/io';
import {
  existingPaths,
  overwriteRefusal,
  writeFilesAtomically,
  writeOutputFile,
  xlsxPathProblem,
} from '../../src/cli/output-file';

const bytes = (text: string) => new TextEncoder().encode(text);

function workdir(): string {
  return mkdtempSync(join(tmpdir(), 'pt-output-file-'));
}

describe('overwriteRefusal / existingPaths', () => {
  it('refuses an existing file without force, in both languages, and allows it with force', () => {
    const dir = workdir();
    const path = join(dir, 'so.xlsx');
    expect(overwriteRefusal(path, false)).toBeNull();
    writeFileSync(path, 'x');
    expect(overwriteRefusal(path, false)).toMatch(/Tệp đã tồn tại: .*so\.xlsx.*--force.*already exists/s);
    expect(overwriteRefusal(path, true)).toBeNull();
    expect(existingPaths([join(dir, 'khac.xlsx'), path])).toEqual([path]);
  });
});

describe('xlsxPathProblem', () => {
  it('accepts .xlsx in any case and refuses anything else in both languages', () => {
    expect(xlsxPathProblem('a/so.xlsx')).toBeNull();
    expect(xlsxPathProblem('SO.XLSX')).toBeNull();
    expect(xlsxPathProblem('so.csv')).toMatch(/đuôi \.xlsx.*must end in \.xlsx/);
    expect(xlsxPathProblem('so.xlsx.bak')).not.toBeNull();
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

describe('writeOutputFile', () => {
  it('writes the produced bytes and answers true, printing nothing', async () => {
    const dir = workdir();
    const io = bufferIo(dir);
    expect(await writeOutputFile(join(dir, 'so.xlsx'), async () => bytes('nội dung'), io)).toBe(true);
    expect(readFileSync(join(dir, 'so.xlsx'), 'utf8')).toBe('nội dung');
    expect(io.stdout + io.stderr).toBe('');
  });

  it('answers false with a vi + en message and leaves nothing when producing the bytes fails', async () => {
    const dir = workdir();
    mkdirSync(join(dir, 'sub'));
    const io = bufferIo(dir);
    const produce = async (): Promise<Uint8Array> => {
      throw new Error('hỏng');
    };
    expect(await writeOutputFile(join(dir, 'sub', 'so.xlsx'), produce, io, { createDirs: true })).toBe(false);
    expect(io.stderr).toMatch(/Không ghi được .*so\.xlsx: hỏng \/ Cannot write .*so\.xlsx: hỏng/);
    expect(readdirSync(join(dir, 'sub'))).toEqual([]);
  });

  it('answers false and leaves nothing when the target cannot be written', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'not-a-dir'), '');
    const io = bufferIo(dir);
    const target = join(dir, 'not-a-dir', 'so.xlsx');
    expect(await writeOutputFile(target, async () => bytes('1'), io, { createDirs: true })).toBe(false);
    expect(io.stderr).toMatch(/Không ghi được.*Cannot write/);
    expect(readdirSync(dir)).toEqual(['not-a-dir']);
  });
});

describe('writeOutputFile, streamed', () => {
  it('writes the chunks in order and leaves no temporary file', async () => {
    const dir = workdir();
    const io = bufferIo(dir);
    const target = join(dir, 'so.xlsx');
    const stream = (sink: (c: Uint8Array) => void) => ['một ', 'hai ', 'ba'].forEach((t) => sink(bytes(t)));
    expect(await writeOutputFile(target, { stream }, io)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('một hai ba');
    expect(readdirSync(dir)).toEqual(['so.xlsx']);
  });

  it('keeps the old file and removes the half-written one when the stream fails midway', async () => {
    const dir = workdir();
    const target = join(dir, 'so.xlsx');
    writeFileSync(target, 'cũ');
    const io = bufferIo(dir);
    const stream = (sink: (c: Uint8Array) => void) => {
      sink(bytes('nửa chừng'));
      throw new Error('hỏng giữa chừng');
    };
    expect(await writeOutputFile(target, { stream }, io)).toBe(false);
    expect(io.stderr).toMatch(/Không ghi được .*hỏng giữa chừng/);
    expect(readFileSync(target, 'utf8')).toBe('cũ');
    expect(readdirSync(dir)).toEqual(['so.xlsx']);
  });
});
