import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { agencyKey } from '../../src/plan/agency';
import { parsePlan } from '../../src/plan/parse';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { mapColumns } from '../../src/model/columns';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';

describe('plan-tracker split', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pt-split-'));
  const masterPath = join(dir, 'so-tong.xlsx');
  const text = readFileSync(join(__dirname, '../../samples/nq28-nam-dinh.txt'), 'utf8');
  const plan = parsePlan(text);

  beforeAll(async () => {
    writeFileSync(
      masterPath,
      await writeXlsx(buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-06-20', sourceText: text })),
    );
  });

  const run = async (...args: string[]) => {
    const io = bufferIo(dir);
    return { code: await main(['split', ...args], io), out: io.stdout, err: io.stderr };
  };

  it('writes one file per lead agency holding exactly its tasks', async () => {
    const res = await run(masterPath, '-o', 'out');
    expect(res.code).toBe(0);
    const files = readdirSync(join(dir, 'out'));
    const leads = new Map<string, string[]>();
    for (const t of plan.tasks)
      if (t.lead) leads.set(agencyKey(t.lead), [...(leads.get(agencyKey(t.lead)) ?? []), t.id]);
    expect(files).toHaveLength(leads.size);
    expect(files.every((f) => f.endsWith('.xlsx') && !/[<>:"/\\|?*]/.test(f))).toBe(true);
    for (const f of files) {
      const wb = await readTrackingWorkbook(readFileSync(join(dir, 'out', f)));
      const map = mapColumns(wb.snapshot.headers);
      const ids = wb.snapshot.rows.map((r) => r[map.index.taskId as number]);
      expect(ids).toEqual(leads.get(wb.meta?.agencyKey ?? ''));
    }
    // Tasks without a lead are named, not silently dropped.
    const orphan = plan.tasks.filter((t) => !t.lead).map((t) => t.id);
    if (orphan.length) expect(res.err).toContain(orphan[0]);
  });

  it('never overwrites files already in the folder without --force', async () => {
    const res = await run(masterPath, '-o', 'again');
    expect(res.code).toBe(0);
    const target = join(dir, 'again', readdirSync(join(dir, 'again'))[0]);
    writeFileSync(target, 'returned copy');
    // Refused as bad input: nothing written, exit 2, said in the language asked for.
    const again = await run(masterPath, '-o', 'again', '--lang', 'en');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^The folder already has files with these names \(use --force/);
    expect(readFileSync(target, 'utf8')).toBe('returned copy');
    expect((await run(masterPath, '-o', 'again', '--force')).code).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses to split an agency copy and answers usage errors with 2', async () => {
    const copy = join(dir, 'out', readdirSync(join(dir, 'out'))[0]);
    const res = await run(copy, '-o', 'nested');
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/đã là sổ tách cho một cơ quan/);
    expect(existsSync(join(dir, 'nested'))).toBe(false);
    expect((await run(masterPath)).code).toBe(2);
    expect((await run('-o', 'x')).code).toBe(2);
    expect((await run(join(dir, 'nope.xlsx'), '-o', 'x')).code).toBe(2);
  });
});
