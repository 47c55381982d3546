/** The writer's own ZIP container (src/xlsx/ooxml/write/zip.ts), read back by fflate and Python. */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { zlibEngine } from '../../../src/xlsx/node-deflate';
import { fflateEngine } from '../../../src/xlsx/ooxml/write';
import { ZipWriter } from '../../../src/xlsx/ooxml/write/zip';

function zipOf(parts: [string, string][], mtime: Date, engine = zlibEngine(1)): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new ZipWriter((c) => chunks.push(c), engine, mtime);
  for (const [name, text] of parts) zip.text(name, text);
  zip.end();
  return Buffer.concat(chunks);
}

describe('the streaming ZIP writer', () => {
  const mtime = new Date(2026, 11, 2, 15, 4, 55);
  const parts: [string, string][] = [
    ['[Content_Types].xml', '<Types/>'],
    ['xl/worksheets/sheet1.xml', '<x>Tổ chức thực hiện</x>'.repeat(5000)],
    ['Báo cáo/đợt 1.xml', '<y/>'],
    ['empty.xml', ''],
  ];

  it('writes parts that fflate and Python read back by name, Vietnamese names included', () => {
    for (const engine of [zlibEngine(1), fflateEngine(1)]) {
      const bytes = zipOf(parts, mtime, engine);
      const read = unzipSync(bytes);
      expect(Object.keys(read)).toEqual(parts.map(([n]) => n));
      for (const [name, text] of parts) expect(strFromU8(read[name])).toBe(text);
      const dir = mkdtempSync(join(tmpdir(), 'zipw-'));
      try {
        const file = join(dir, 'a.zip');
        writeFileSync(file, bytes);
        const out = execFileSync('/usr/bin/python3', [
          '-c',
          [
            'import sys, zipfile',
            'z = zipfile.ZipFile(sys.argv[1])',
            'print(z.testzip())',
            'for i in z.infolist(): print(i.filename, i.date_time, i.file_size, i.flag_bits)',
          ].join('\n'),
          file,
        ]);
        const lines = String(out).trim().split('\n');
        expect(lines[0]).toBe('None');
        // Two-second steps; bit 3 (sizes after the data) always, bit 11 (UTF-8) for the name that needs it.
        expect(lines[3]).toBe(`Báo cáo/đợt 1.xml (2026, 12, 2, 15, 4, 54) 4 ${0x808}`);
        expect(lines[1]).toBe('[Content_Types].xml (2026, 12, 2, 15, 4, 54) 8 8');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('refuses what a ZIP cannot hold or order: dates before 1980, a part twice, a part started before the last ended', () => {
    expect(() => zipOf(parts, new Date(1979, 11, 31))).toThrow(RangeError);
    expect(() =>
      zipOf(
        [
          ['a.xml', ''],
          ['a.xml', ''],
        ],
        mtime,
      ),
    ).toThrow(/twice/);
    const zip = new ZipWriter(() => undefined, zlibEngine(1), mtime);
    zip.part('a.xml');
    expect(() => zip.part('b.xml')).toThrow(/before the previous one ended/);
    expect(() => zip.end()).toThrow(/not ended/);
  });
});
