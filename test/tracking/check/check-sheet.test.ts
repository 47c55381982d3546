import ExcelJS from 'exceljs';
import { checkTracking } from '../../../src/tracking/check';
import {
  buildCheckSheet,
  CHECK_HEADER_ROW,
  cellLinkFormula,
  orderFindings,
} from '../../../src/workbook/sheets/check';
import type { Finding } from '../../../src/tracking/check/types';
import { SHEET_NAMES } from '../../../src/workbook/names';
import type { CellValue, Lang } from '../../../src/workbook/types';
import { writeXlsx } from '../../../src/xlsx/write';
import { correctEntry, Entry, letterOf, metaFor, REPORT_DATE, SAMPLE_TASKS, snapshotOf } from './fixture';

/**
 * A table filled correctly except for a few planted mistakes across agencies, one of them under
 * another tone-mark spelling of its agency, and one row without a lead agency.
 */
function plantedFindings(lang: Lang = 'vi'): Finding[] {
  const entries: Entry[] = SAMPLE_TASKS.map((t) => correctEntry(t, lang));
  const at = (id: string) => entries[SAMPLE_TASKS.findIndex((t) => t.id === id)];
  at('IV.1.1').status = lang === 'vi' ? 'hoàn thành' : 'done!'; // near miss / unknown
  at('IV.3.5').completedOn = null; // done without a date
  at('IV.3.5').progress = 150;
  at('IV.3.6').lead = 'Ban Tổ chức Tỉnh uỷ'; // same agency, other tone-mark style
  at('IV.3.6').progress = 'nửa chừng';
  at('IV.7.1').updatedOn = 45000; // 15/03/2023: no update this period
  at('IV.9.2').lead = null;
  at('IV.9.2').status = 'xong';
  const findings = checkTracking({
    snapshot: snapshotOf(entries, lang),
    meta: metaFor(SAMPLE_TASKS, lang),
    reportDate: REPORT_DATE,
  });
  return findings;
}

const text = (v: CellValue) => (v && v.t === 'text' ? v.v : null);

describe('buildCheckSheet', () => {
  const findings = plantedFindings();
  const sheet = buildCheckSheet(findings, 'vi', SHEET_NAMES.tasks.vi);
  const table = sheet.tables[0];
  const col = (id: string) => table.columns.findIndex((c) => c.id === id);

  it('plants enough to be meaningful: several agencies, severities and a row without agency', () => {
    expect(new Set(findings.map((f) => f.severity)).size).toBeGreaterThanOrEqual(2);
    expect(findings.some((f) => !f.agency)).toBe(true);
    expect(new Set(findings.map((f) => f.agency)).size).toBeGreaterThanOrEqual(4);
  });

  it('is the Kiểm tra sheet: header row frozen, one row per finding', () => {
    expect(sheet.name).toBe('Kiểm tra');
    expect(sheet.key).toBe('check');
    expect(table.row).toBe(CHECK_HEADER_ROW);
    expect(sheet.freeze).toEqual({ rows: CHECK_HEADER_ROW + 1, cols: 0 });
    expect(table.columns.map((c) => c.header)).toEqual([
      'Cơ quan chủ trì',
      'Mức độ',
      'Mã nhiệm vụ',
      'Ô',
      'Nội dung',
      'Gợi ý sửa',
    ]);
    expect(table.rows).toHaveLength(findings.length);
    // Every finding once: its message at its cell.
    const seen = table.rows.map((r) => `${text(r[col('message')])}@${(r[col('cell')] as { f: string }).f}`);
    const expected = findings.map((f) => `${f.message.vi}@${cellLinkFormula('Nhiệm vụ', f.cell)}`);
    expect([...seen].sort()).toEqual([...expected].sort());
    // Counts in the line under the title, computed here from the findings.
    const n = (s: string) => findings.filter((f) => f.severity === s).length;
    expect(text(sheet.cells[1].value)).toContain(
      `${n('error')} lỗi, ${n('warning')} cảnh báo, ${n('info')} lưu ý`,
    );
  });

  it('links each row to its cell on the task sheet with a HYPERLINK formula', () => {
    for (const [i, f] of orderFindings(findings).entries()) {
      const cell = table.rows[i][col('cell')];
      // The formula's result (the address it shows) travels with it, for readers that do not calculate.
      expect(cell).toEqual({
        t: 'formula',
        f: `HYPERLINK("#'Nhiệm vụ'!${f.cell}","${f.cell}")`,
        result: f.cell,
      });
      expect(text(table.rows[i][col('taskId')])).toBe(f.taskId);
      expect(text(table.rows[i][col('suggestion')])).toBe(f.suggestion ? f.suggestion.label.vi : null);
    }
    // The status near miss on IV.1.1 (sheet row 2) points at the status cell and suggests the word.
    const status = findings.find((f) => f.taskId === 'IV.1.1' && f.column === 'status');
    expect(status?.cell).toBe(`${letterOf('status')}2`);
    expect(status?.suggestion?.label.vi).toContain('Đã hoàn thành');
  });

  it('quotes sheet names with apostrophes and double quotes for Excel', () => {
    expect(cellLinkFormula("Việc của 'Sở'", 'B3')).toBe(`HYPERLINK("#'Việc của ''Sở'''!B3","B3")`);
    expect(cellLinkFormula('Tên "lạ"', 'B3')).toBe(`HYPERLINK("#'Tên ""lạ""'!B3","B3")`);
  });

  it('groups by agency (table-level first, then plan order), then by severity, then row', () => {
    const rank = { error: 0, warning: 1, info: 2 };
    const ordered = orderFindings(findings);
    // Group names as shown: contiguous blocks, each agency once.
    const names = table.rows.map((r) => text(r[col('agency')]) as string);
    const blocks = names.filter((n, i) => i === 0 || names[i - 1] !== n);
    expect(new Set(blocks).size).toBe(blocks.length);
    expect(blocks[0]).toBe('(bảng theo dõi / không có cơ quan chủ trì)');
    // The two spellings of Ban Tổ chức are one group, under the spelling met first.
    expect(blocks.filter((b) => /^Ban Tổ chức/.test(b))).toEqual(['Ban Tổ chức Tỉnh ủy']);
    expect(ordered.some((f) => f.agency === 'Ban Tổ chức Tỉnh uỷ')).toBe(true);
    // Agencies in the order of their first finding in the table.
    const firstRow = new Map<string, number>();
    names.forEach((n, i) => {
      if (!firstRow.has(n)) firstRow.set(n, ordered[i].row);
    });
    const rows = blocks.slice(1).map((b) => firstRow.get(b) as number);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    // Inside a block: severity, then sheet row.
    for (let i = 1; i < ordered.length; i++) {
      if (names[i] !== names[i - 1]) continue;
      const a = ordered[i - 1];
      const b = ordered[i];
      expect(rank[a.severity] < rank[b.severity] || (a.severity === b.severity && a.row <= b.row)).toBe(true);
    }
    // Severity in words.
    expect(new Set(table.rows.map((r) => text(r[col('severity')])))).toEqual(
      new Set(ordered.map((f) => ({ error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' })[f.severity])),
    );
  });

  it('speaks English on an English workbook', () => {
    const en = plantedFindings('en');
    const s = buildCheckSheet(en, 'en', SHEET_NAMES.tasks.en);
    expect(s.name).toBe('Check');
    const t = s.tables[0];
    const ordered = orderFindings(en);
    t.rows.forEach((r, i) => {
      expect(text(r[4])).toBe(ordered[i].message.en);
      expect(r[3]).toEqual({
        t: 'formula',
        f: `HYPERLINK("#'Tasks'!${ordered[i].cell}","${ordered[i].cell}")`,
        result: ordered[i].cell,
      });
    });
    expect(t.rows.some((r) => ['Error', 'Warning', 'Note'].includes(text(r[1]) ?? ''))).toBe(true);
  });

  it('says so, without a table, when there is nothing to report', () => {
    const s = buildCheckSheet([], 'vi', 'Nhiệm vụ');
    expect(s.tables).toEqual([]);
    expect(text(s.cells[1].value)).toBe('Không phát hiện vấn đề nào.');
  });

  it('is drawn by the .xlsx writer too: links, filter buttons and frozen header survive', async () => {
    const bytes = await writeXlsx({ lang: 'vi', sheets: [sheet], names: [], meta: metaFor(SAMPLE_TASKS) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Kiểm tra');
    if (!ws) throw new Error('no check sheet');
    const first = orderFindings(findings)[0];
    const link = ws.getCell(CHECK_HEADER_ROW + 2, col('cell') + 1).value as { formula: string };
    expect(link.formula).toBe(`HYPERLINK("#'Nhiệm vụ'!${first.cell}","${first.cell}")`);
    expect(ws.getCell(CHECK_HEADER_ROW + 1, 1).value).toBe('Cơ quan chủ trì');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: CHECK_HEADER_ROW + 1 });
    const xlsxTable = ws.getTable('KiemTra') as unknown as {
      table: { columns: { filterButton: boolean }[] };
    };
    expect(xlsxTable.table.columns.every((c) => c.filterButton)).toBe(true);
  });
});
