/**
 * Bad input is exit code 2 with a message naming the file, whatever the command (issue 20.8: a
 * truncated, text or empty master made merge exit 1; parse of a binary file exited 0 with a
 * garbled outline).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { run as check } from '../../src/cli/commands/check';
import { run as merge } from '../../src/cli/commands/merge';
import { run as parse } from '../../src/cli/commands/parse';
import { run as split } from '../../src/cli/commands/split';
import { run as summary } from '../../src/cli/commands/summary';
import { splitWorkbook } from '../../src/xlsx/split';
import { buildMaster, NV } from '../xlsx/merge-fixture';
import { inBothLanguages } from './run';

describe('bad files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pt-bad-'));
  let master: Uint8Array;

  beforeAll(async () => {
    master = await buildMaster();
    const { files } = await splitWorkbook(master);
    writeFileSync(join(dir, 'nv.xlsx'), files.find((f) => f.agencyKey === NV)!.bytes);
    writeFileSync(join(dir, 'trong.xlsx'), new Uint8Array(0));
    writeFileSync(join(dir, 'van-ban.xlsx'), 'Đây là một tệp văn bản, không phải Excel.\n');
    writeFileSync(join(dir, 'cut-cut.xlsx'), master.slice(0, Math.floor(master.length / 2)));
  });

  it.each(['trong.xlsx', 'van-ban.xlsx', 'cut-cut.xlsx'])(
    'a master that is %s: exit 2, the file named, nothing changed',
    async (name) => {
      const before = readFileSync(join(dir, name));
      for (const [command, args] of [
        [merge, [name, 'nv.xlsx']],
        [check, [name]],
        [summary, [name]],
        [split, [name, '-o', join(dir, 'out')]],
      ] as const) {
        const res = await inBothLanguages(command, [...args], dir);
        expect(res.code).toBe(2);
        expect(res.stderr).toContain(`"${name}"`);
        expect(res.stderr).not.toMatch(/\bat \w+ \(|Error:|ENOENT|EEXIST/);
      }
      expect(readFileSync(join(dir, name))).toEqual(before);
    },
  );

  it('parse of a binary file is bad input (exit 2), not a garbled outline', async () => {
    writeFileSync(join(dir, 'anh.txt'), Buffer.from(master));
    const res = await inBothLanguages(parse, ['anh.txt'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('anh.txt');
    expect(res.stdout).toBe('');
  });
});
