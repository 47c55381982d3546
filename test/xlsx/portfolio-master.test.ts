/**
 * Issue 17's "done when", on the sample plus three real plans in one master:
 * - the same department spelled differently by two plans (Hà Tĩnh 624, Đồng Tháp 552) merged;
 * - split gives that department ONE copy holding its tasks of both plans; every return merged back
 *   with nothing lost, read back by openpyxl; an extension proposed in a return is accepted;
 * - the `Tổng hợp` sheet's agency and plan × agency tables, recalculated by LibreOffice, equal the
 *   results the build wrote and the pure summary, figure by figure, and the merged row is the
 *   sum of the two spellings' rows before the merge.
 */
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { addPlanToMaster } from '../../src/app/add-plan';
import { recordAgencyAliases } from '../../src/app/agencies';
import { mapColumns } from '../../src/model/columns';
import { isoToSerial } from '../../src/model/dates';
import { columnLetter } from '../../src/model/table';
import { DEADLINE_STATES } from '../../src/model/vocabulary';
import { parsePlan } from '../../src/plan/parse';
import { canonicalAgency } from '../../src/tracking/agency-aliases';
import { readEntries } from '../../src/tracking/entries';
import { summarize } from '../../src/tracking/summary';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { splitWorkbook } from '../../src/xlsx/split';
import { writeXlsx } from '../../src/xlsx/write';
import { editCells, type UserValue } from '../e2e-roundtrip/user-edit';
import { recalcXlsxBytes, sofficeAvailable } from '../helpers/libreoffice';
import { dumpWithOpenpyxl, type DumpedSheet } from '../helpers/openpyxl-dump';

const ROOT = resolve(__dirname, '../..');
const REAL = (f: string) => join(ROOT, 'test/fixtures/real', f);
const PLANS = [
  join(ROOT, 'samples/nq28-nam-dinh.txt'),
  REAL('ha-tinh-624-kh-ubnd-2025.txt'),
  REAL('dong-thap-552-kh-ubnd-2025.txt'),
  REAL('dak-lak-0129-kh-ubnd-2025.txt'),
];
const REPORT_DATE = '2025-12-15';
const VH_SHORT = 'Sở Văn hoá Thể thao du lịch';
const VH_FULL = 'Sở Văn hóa, Thể thao và Du lịch';

async function master(): Promise<Uint8Array> {
  const [first, ...rest] = PLANS.map((p) => readFileSync(p, 'utf8'));
  let bytes = await writeXlsx(
    buildWorkbookSpec(parsePlan(first), { lang: 'vi', reportDate: REPORT_DATE, sourceText: first }),
  );
  for (const text of rest) {
    const added = await addPlanToMaster(await readTrackingWorkbook(bytes), parsePlan(text), {
      sourceText: text,
    });
    bytes = await writeXlsx(added.spec);
  }
  return bytes;
}

/** The agency table of a `Tổng hợp` sheet as openpyxl reads it: name → the figures of its row. */
function agencyTable(sheet: DumpedSheet, cached: boolean): Map<string, (string | number | null)[]> {
  const out = new Map<string, (string | number | null)[]>();
  const at = (ref: string) => {
    const c = sheet.cells[ref];
    return c ? (cached ? c.cached : c.value) : null;
  };
  // The header row of the agency table is row 6; agencies follow until "Khác / chưa có…".
  for (let r = 7; ; r++) {
    const name = at(`A${r}`);
    if (typeof name !== 'string' || name.startsWith('Khác')) break;
    const figures = DEADLINE_STATES.map((_, k) => at(`${columnLetter(1 + k)}${r}`) as number);
    out.set(name, [...figures, at(`${columnLetter(DEADLINE_STATES.length + 1)}${r}`) as number]);
  }
  return out;
}

describe('a master of four plans (issue 17, done when)', () => {
  let before: Uint8Array;
  let merged: Uint8Array;
  beforeAll(async () => {
    before = await master();
    const recorded = await recordAgencyAliases({ name: 'so-tong.xlsx', bytes: before }, [
      { from: VH_SHORT, to: VH_FULL },
    ]);
    merged = recorded.bytes;
  }, 240_000);

  it('counts the two spellings as one agency in Tổng hợp, recalculated by LibreOffice', async () => {
    const wbBefore = await readTrackingWorkbook(before);
    const wb = await readTrackingWorkbook(merged);
    expect(wb.meta?.plans).toHaveLength(4);
    const { entries } = readEntries(wb.snapshot);
    const leads = new Set(entries.map((e) => e.lead));
    expect(leads).toContain(VH_SHORT);
    expect(leads).toContain(VH_FULL);

    const dumpBefore = agencyTable(
      dumpWithOpenpyxl(before).sheets.find((s) => s.title === 'Tổng hợp')!,
      true,
    );
    const short = dumpBefore.get(VH_SHORT)!;
    const full = dumpBefore.get(VH_FULL)!;
    expect(short).toBeDefined();
    expect(full).toBeDefined();

    const summary = summarize(entries, { reportDate: REPORT_DATE, aliases: wb.meta?.agencyAliases });
    const book = dumpWithOpenpyxl(merged);
    const sheet = book.sheets.find((s) => s.title === 'Tổng hợp')!;
    const cachedTable = agencyTable(sheet, true);
    expect(cachedTable.has(VH_SHORT)).toBe(false);
    // The merged row, worked out: each state and the total are the two rows' sums.
    expect(cachedTable.get(VH_FULL)).toEqual(short.map((n, i) => (n as number) + (full[i] as number)));
    expect(cachedTable.size).toBe(dumpBefore.size - 1);
    // …and equal to the pure summary's row of that agency, state by state.
    const row = summary.byAgency.find((r) => r.key === canonicalAgency(VH_FULL, wb.meta?.agencyAliases))!;
    expect(cachedTable.get(VH_FULL)).toEqual([...DEADLINE_STATES.map((s) => row.counts[s]), row.total]);
    // Every agency row of the sheet is a row of the summary, with the same figures.
    for (const r of summary.byAgency.filter((x) => x.key !== ''))
      expect(cachedTable.get(r.label)).toEqual([...DEADLINE_STATES.map((s) => r.counts[s]), r.total]);
    // The same tables in the master before the merge hold one row more and the same tasks.
    expect(readEntries(wbBefore.snapshot).entries).toHaveLength(entries.length);

    // The plan × agency table: each plan's total is its tasks, and the plans add up to the table.
    const planTotals = Object.entries(sheet.cells)
      .filter(([ref, c]) => ref.startsWith('B') && c.value === 'Cộng kế hoạch')
      .map(([ref]) => sheet.cells[`C${ref.slice(1)}`].cached as number);
    expect(planTotals).toEqual(wb.meta!.plans!.map((p) => p.taskIds.length));

    // The report sheets are drawn again, with a PivotTable of agencies by plan.
    expect(wb.sheetNames).toEqual(expect.arrayContaining(['Báo cáo', 'PivotTable']));
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(merged);
    const pivotParts = Object.keys(zip.files).filter((n) => /pivotTables\/pivotTable\d+\.xml$/.test(n));
    const pivotXml = await Promise.all(pivotParts.map((n) => zip.file(n)!.async('string')));
    expect(pivotXml.some((x) => x.includes('name="CoQuanKeHoach"'))).toBe(true);

    if (!sofficeAvailable()) return;
    const recalculated = await recalcXlsxBytes({ 'gop.xlsx': merged });
    const lo = dumpWithOpenpyxl(recalculated['gop.xlsx']).sheets.find((s) => s.title === 'Tổng hợp')!;
    expect(agencyTable(lo, true)).toEqual(cachedTable);
    // Every formula of the sheet: LibreOffice's value is the one the build wrote.
    for (const [ref, c] of Object.entries(sheet.cells)) {
      if (typeof c.value !== 'string' || !c.value.startsWith('=')) continue;
      expect([ref, lo.cells[ref]?.cached ?? null]).toEqual([ref, c.cached]);
    }
  }, 240_000);

  it("splits one copy for the merged agency with both plans' tasks; returns merge back, nothing lost", async () => {
    const { files } = await splitWorkbook(merged);
    const vh = files.filter((f) => f.agencyName === VH_FULL);
    expect(vh).toHaveLength(1);
    const prefixes = new Set(vh[0].taskIds.map((id) => id.split('.')[0]));
    expect(prefixes).toEqual(new Set(['KH624', 'KH552']));

    const returns: { file: string; bytes: Uint8Array }[] = [];
    const expected = new Map<string, [string, number, string]>();
    let extended: string | null = null;
    for (const [k, f] of files.entries()) {
      const wb = await readTrackingWorkbook(f.bytes);
      const map = mapColumns(wb.snapshot.headers);
      const edits: Record<string, UserValue> = {};
      wb.snapshot.rows.forEach((r, i) => {
        const id = String(r[map.index.taskId!]);
        const cell = (col: number) =>
          `${columnLetter(wb.snapshot.firstCol + col)}${wb.snapshot.headerRow + 1 + i}`;
        const value: [string, number, string] = ['Đang thực hiện', (k * 13 + i) % 100, `Kết quả ${id}`];
        edits[cell(map.index.status!)] = value[0];
        edits[cell(map.index.progress!)] = value[1];
        edits[cell(map.index.result!)] = value[2];
        expected.set(id, value);
        // The department asks to move its first dated task of Đồng Tháp's plan.
        if (f === vh[0] && !extended && id.startsWith('KH552.') && typeof r[map.index.due!] === 'number') {
          extended = id;
          edits[cell(map.index.adjustedDue!)] = isoToSerial('2026-06-30');
          edits[cell(map.index.adjustmentBasis!)] = 'Công văn số 123/UBND-VX ngày 05/12/2025';
        }
      });
      returns.push({ file: f.fileName, bytes: await editCells(f.bytes, wb.snapshot.sheet, edits) });
    }
    expect(extended).not.toBeNull();
    const res = await mergeWorkbooks({ file: 'so-tong.xlsx', bytes: merged }, returns);
    expect(res.plan.refused).toEqual([]);
    expect(res.plan.skipped).toEqual([]);
    expect(res.plan.conflicts).toEqual([]);
    // The extension arrives as a change like any other, listed.
    const ext = res.plan.changes.filter((c) => c.taskId === extended);
    expect(ext.map((c) => c.column).sort()).toEqual(
      expect.arrayContaining(['adjustedDue', 'adjustmentBasis', 'progress', 'result', 'status']),
    );

    // Read back by openpyxl: every task's status, progress and result as the agency typed it.
    const out = res.output as Uint8Array;
    const book = dumpWithOpenpyxl(out);
    const table = book.sheets.find((s) => s.title === 'Nhiệm vụ')!;
    const wb = await readTrackingWorkbook(out);
    const map = mapColumns(wb.snapshot.headers);
    const letter = (i: number) => columnLetter(wb.snapshot.firstCol + i);
    const seen = new Set<string>();
    for (let r = wb.snapshot.headerRow + 1; ; r++) {
      const id = table.cells[`${letter(map.index.taskId!)}${r}`]?.value;
      if (typeof id !== 'string') break;
      const want = expected.get(id);
      if (!want) continue;
      seen.add(id);
      const got = [map.index.status!, map.index.progress!, map.index.result!].map(
        (c) => table.cells[`${letter(c)}${r}`]?.value ?? null,
      );
      expect([id, ...got]).toEqual([id, ...want]);
      if (id === extended) {
        expect(table.cells[`${letter(map.index.adjustedDue!)}${r}`]?.value).toMatch(/^2026-06-30/);
        expect(table.cells[`${letter(map.index.adjustmentBasis!)}${r}`]?.value).toBe(
          'Công văn số 123/UBND-VX ngày 05/12/2025',
        );
      }
    }
    expect(seen.size).toBe(expected.size);
    // The history lists the extension; the aliases and the plans survive the merge.
    const history = book.sheets.find((s) => s.title === 'Lịch sử')!;
    const logged = Object.values(history.cells).map((c) => String(c.value));
    expect(logged.some((v) => v.includes('2026') || v.includes('30/06/2026'))).toBe(true);
    expect(wb.meta?.agencyAliases).toEqual([{ from: VH_SHORT, to: VH_FULL }]);
    expect(wb.meta?.plans).toHaveLength(4);
    // The summary after the merge counts the extension.
    const after = summarize(readEntries(wb.snapshot).entries, {
      reportDate: REPORT_DATE,
      aliases: wb.meta?.agencyAliases,
    });
    expect(after.byAgency.find((r) => r.label === VH_FULL)?.extended).toBe(1);
  }, 240_000);
});
