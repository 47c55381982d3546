/**
 * `Lịch sử` times as a clerk in Vietnam reads them (issue 19): the installed command, run under
 * TZ=Asia/Ho_Chi_Minh, writes the merge's time as local dd/mm/yyyy hh:mm with its offset
 * (UTC+7), not an ISO instant in UTC; rows an older version wrote (ISO text) stay as they were.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATUS_LABELS } from '../../src/model/labels';
import { openWorkbook } from '../../src/xlsx/ooxml/read';
import { splitWorkbook } from '../../src/xlsx/split';
import { editCells } from '../e2e-roundtrip/user-edit';
import { buildMaster, fill, NV } from '../xlsx/merge-fixture';

const ROOT = join(__dirname, '../..');
const HISTORY = 'Lịch sử';

function historyColumnA(bytes: Uint8Array): string[] {
  const wb = openWorkbook(bytes);
  const sheet = wb.sheet(HISTORY)!;
  return wb.readRows(sheet).rows.map((r) => String(r.cells[0]?.value ?? ''));
}

/** "dd/mm/yyyy hh:mm" of a moment in UTC+7. */
function inVietnam(at: Date): string {
  const w = new Date(at.getTime() + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(w.getUTCDate())}/${two(w.getUTCMonth() + 1)}/${w.getUTCFullYear()} ${two(w.getUTCHours())}:${two(w.getUTCMinutes())}`;
}

describe('the merge’s time in the Lịch sử sheet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pt-history-time-'));

  beforeAll(() => {
    try {
      execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch {
      // tsc emits even when a type error elsewhere is reported; the runs below are what count.
    }
  });

  const merge = (...args: string[]) =>
    spawnSync('node', [join(ROOT, 'bin/plan-tracker.js'), 'merge', ...args, '--no-backup'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, TZ: 'Asia/Ho_Chi_Minh' },
    });

  it('is local time with its offset, and older ISO rows are kept as written', async () => {
    const built = await buildMaster();
    const { files } = await splitWorkbook(built);
    const copy = files.find((f) => f.agencyKey === NV)!.bytes;
    const master = join(dir, 'so-tong.xlsx');
    writeFileSync(master, built);
    writeFileSync(join(dir, 'nv-1.xlsx'), await fill(copy, [['IV.1.1', 'status', STATUS_LABELS.done.vi]]));

    const before = new Date();
    const first = merge('so-tong.xlsx', 'nv-1.xlsx');
    const after = new Date();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const [, written] = historyColumnA(readFileSync(master));
    expect(written).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(UTC\+7\)$/);
    expect([inVietnam(before), inVietnam(after)]).toContain(written.replace(' (UTC+7)', ''));

    // A row as an earlier version wrote it: an ISO instant in UTC.
    const old = '2024-06-21T08:00:00.000Z';
    writeFileSync(master, await editCells(readFileSync(master), HISTORY, { A2: old }));
    writeFileSync(join(dir, 'nv-2.xlsx'), await fill(copy, [['IV.1.2', 'note', 'Chờ kinh phí']]));
    const second = merge('so-tong.xlsx', 'nv-2.xlsx');
    expect(second.status).toBe(0);
    const rows = historyColumnA(readFileSync(master));
    expect(rows[1]).toBe(old);
    expect(rows[2]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(UTC\+7\)$/);
  });
});
