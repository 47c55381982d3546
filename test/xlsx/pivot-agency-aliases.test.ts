/**
 * The .xlsx PivotTables of a portfolio master after two spellings of one agency are merged
 * (issue 17): Hà Tĩnh's plan writes `Sở Văn hóa, Thể thao và Du lịch`, Đồng Tháp's `Sở Văn hoá
 * Thể thao du lịch`. Before the merge the pivots list both; after it, one row, as the formula
 * summary does: in the pivot cache's items, and in the pivot LibreOffice computes from the table
 * (the figures the writer drew are removed first, so what is read can only be LibreOffice's).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'fs';
import { join } from 'path';
import { addPlanToMaster } from '../../src/app/add-plan';
import { recordAgencyAliases } from '../../src/app/agencies';
import { columnHeader, mapColumns } from '../../src/model/columns';
import { parsePlan } from '../../src/plan/parse';
import { readEntries } from '../../src/tracking/entries';
import { summarize } from '../../src/tracking/summary';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { SHEET_NAMES } from '../../src/workbook/names';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { recalcXlsxBytes, sofficeAvailable } from '../helpers/libreoffice';
import { dumpWithOpenpyxl, openpyxlAvailable, sheetOf } from '../helpers/openpyxl-dump';

const REAL = join(__dirname, '../fixtures/real');
const REPORT_DATE = '2025-12-15';
const VH_SHORT = 'Sở Văn hoá Thể thao du lịch';
const VH_FULL = 'Sở Văn hóa, Thể thao và Du lịch';
const GROUP = columnHeader('agencyGroup', 'vi');

async function portfolio(): Promise<Uint8Array> {
  const [a, b] = ['ha-tinh-624-kh-ubnd-2025.txt', 'dong-thap-552-kh-ubnd-2025.txt'].map((f) =>
    readFileSync(join(REAL, f), 'utf8'),
  );
  const first = await writeXlsx(
    buildWorkbookSpec(parsePlan(a), { lang: 'vi', reportDate: REPORT_DATE, sourceText: a }),
  );
  const added = await addPlanToMaster(await readTrackingWorkbook(first), parsePlan(b), { sourceText: b });
  return writeXlsx(added.spec);
}

const attr = (xml: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Each pivot of the package: its name and the items of its row field, as the cache lists them. */
function pivotRows(bytes: Uint8Array): { name: string; field: string; items: string[] }[] {
  const files = unzipSync(bytes);
  const text = (part: string) => strFromU8(files[part]);
  const parts = Object.keys(files).filter((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n));
  return parts.map((part) => {
    const table = text(part);
    const rels = text(part.replace('pivotTables/', 'pivotTables/_rels/') + '.rels');
    const target = attr(rels, 'Target')!.replace('../', 'xl/');
    const cache = text(target);
    const fields = [...cache.matchAll(/<cacheField\b[^>]*>[\s\S]*?<\/cacheField>/g)].map((m) => m[0]);
    const x = Number(attr(/<rowFields[^>]*>\s*<field [^>]*>/.exec(table)![0], 'x'));
    const field = fields[x];
    const items = [...field.matchAll(/<(s|m)(?: v="([^"]*)")?\/>/g)].map((m) =>
      m[1] === 'm' ? '' : unescape(m[2]),
    );
    return { name: attr(table, 'name')!, field: unescape(attr(field, 'name')!), items };
  });
}

/** The package with the cells of the sheet at `index` removed. */
function withoutCells(bytes: Uint8Array, index: number): Uint8Array {
  const files = unzipSync(bytes);
  const part = `xl/worksheets/sheet${index + 1}.xml`;
  files[part] = strToU8(strFromU8(files[part]).replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>'));
  return zipSync(files);
}

describe('PivotTables of a portfolio master with two spellings merged', () => {
  let before: Uint8Array;
  let merged: Uint8Array;
  beforeAll(async () => {
    before = await portfolio();
    merged = (
      await recordAgencyAliases({ name: 'so-tong.xlsx', bytes: before }, [{ from: VH_SHORT, to: VH_FULL }])
    ).bytes;
  }, 120_000);

  it('lists the agency once in every pivot cache, as the summary counts it', async () => {
    const wasBefore = pivotRows(before);
    expect(wasBefore.length).toBeGreaterThanOrEqual(3);
    for (const p of wasBefore) expect(p.items).toEqual(expect.arrayContaining([VH_SHORT, VH_FULL]));

    const wb = await readTrackingWorkbook(merged);
    const summary = summarize(readEntries(wb.snapshot).entries, {
      reportDate: REPORT_DATE,
      aliases: wb.meta?.agencyAliases,
    });
    const agencies = summary.byAgency.map((r) => (r.key === '' ? '' : r.label));
    const after = pivotRows(merged);
    expect(after.map((p) => p.name).sort()).toEqual(wasBefore.map((p) => p.name).sort());
    for (const p of after) {
      expect(p.field).toBe(GROUP);
      expect(p.items).toContain(VH_FULL);
      expect(p.items).not.toContain(VH_SHORT);
      // One item per row of the summary's agency table, no more.
      expect(new Set(p.items)).toEqual(new Set(agencies));
    }
    // The column the pivots group on is in the table, hidden, and holds the kept name for both.
    const map = mapColumns(wb.snapshot.headers);
    const vh = wb.snapshot.rows.filter((r) => [VH_SHORT, VH_FULL].includes(String(r[map.index.lead!])));
    expect(vh.map((r) => r[map.index.agencyGroup!])).toEqual([VH_FULL, VH_FULL]);
    const tasks = strFromU8(unzipSync(merged)['xl/worksheets/sheet1.xml']);
    const col = wb.snapshot.firstCol + map.index.agencyGroup! + 1;
    expect(tasks).toMatch(new RegExp(`<col min="${col}" max="${col}"[^>]*hidden="1"`));
  });

  const maybe = sofficeAvailable() && openpyxlAvailable() ? it : it.skip;
  maybe(
    'opens in LibreOffice, which computes one pivot row for the agency from the table',
    async () => {
      const wb = await readTrackingWorkbook(merged);
      const pivotAt = wb.sheetNames.indexOf(SHEET_NAMES.pivot.vi);
      expect(pivotAt).toBeGreaterThan(0);
      const { 'gop.xlsx': computed } = await recalcXlsxBytes({ 'gop.xlsx': withoutCells(merged, pivotAt) });
      const sheet = sheetOf(dumpWithOpenpyxl(computed), SHEET_NAMES.pivot.vi);
      const labels = Object.entries(sheet.cells)
        .filter(([ref]) => /^A\d+$/.test(ref))
        .map(([ref, c]) => [Number(ref.slice(1)), c.cached ?? c.value] as const);
      // Each pivot lists the agency once, with both spellings' tasks (one each) in its total.
      const rows = labels.filter(([, v]) => v === VH_FULL).map(([r]) => r);
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(labels.some(([, v]) => v === VH_SHORT)).toBe(false);
      for (const r of rows) {
        const figures = Object.entries(sheet.cells)
          .filter(([ref]) => new RegExp(`^[B-Z]${r}$`).test(ref))
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([, c]) => c.cached ?? c.value);
        expect(figures[figures.length - 1]).toBe(2);
      }
    },
    240_000,
  );
});
