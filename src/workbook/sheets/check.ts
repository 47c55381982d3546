/**
 * The optional `Kiểm tra` (Check) sheet: the checker's findings as a list staff can filter and
 * print, each with a link that jumps to the cell to fix. Pure: a SheetSpec that either renderer
 * draws. The sheet is generated, so it holds no entries of its own and is rebuilt on every check.
 */
import { columnHeader } from '../../model/columns';
import type { Lang } from '../../model/lang';
import { SEVERITY_LABELS } from '../../model/labels';
import { localize, localizeAll, type Msg } from '../../model/msg';
import { columnLetter } from '../../model/table';
import { SEVERITIES } from '../../model/vocabulary';
import type { AgencyAlias } from '../../model/workbook-meta';
import { agencyGrouping } from '../../tracking/agency-aliases';
import { groupFindingsByAgency } from '../../tracking/check/group';
import type { Finding, Severity } from '../../tracking/check/types';
import { quote, sheetRef } from '../formulas';
import { sheetName } from '../names';
import type { CellSpec, CellValue, ColumnSpec, SheetSpec, TableSpec } from '../types';
import { figuresPrint } from './print-layout';

export const CHECK_TABLE_NAME = 'KiemTra';

/** 0-based sheet row of the list's header (title and counts above it). */
export const CHECK_HEADER_ROW = 3;

export const SEVERITY_ORDER: readonly Severity[] = SEVERITIES;

const WORDS = {
  title: { vi: 'KẾT QUẢ KIỂM TRA SỐ LIỆU ĐÃ NHẬP', en: 'CHECK OF THE ENTRIES' },
  none: { vi: 'Không phát hiện vấn đề nào.', en: 'No problems found.' },
  noAgency: { vi: '(bảng theo dõi / không có cơ quan chủ trì)', en: '(table / no lead agency)' },
  severity: { vi: 'Mức độ', en: 'Severity' },
  cell: { vi: 'Ô', en: 'Cell' },
  message: { vi: 'Nội dung', en: 'Problem' },
  suggestion: { vi: 'Gợi ý sửa', en: 'Suggested fix' },
} satisfies Record<string, Msg>;

function counts(e: number, w: number, i: number): Msg {
  return {
    vi: `${e} lỗi, ${w} cảnh báo, ${i} lưu ý. Bấm vào ô ở cột "${WORDS.cell.vi}" để đến chỗ cần sửa. Trang này được tạo lại sau mỗi lần kiểm tra.`,
    en: `${e} error(s), ${w} warning(s), ${i} note(s). Click a cell in the "${WORDS.cell.en}" column to go to it. This sheet is rebuilt on every check.`,
  };
}

function headers(lang: Lang): string[] {
  const w = localizeAll(WORDS, lang);
  return [
    columnHeader('lead', lang),
    w.severity,
    columnHeader('taskId', lang),
    w.cell,
    w.message,
    w.suggestion,
  ];
}

const COLUMN_IDS = ['agency', 'severity', 'taskId', 'cell', 'message', 'suggestion'] as const;
const KINDS: ColumnSpec['kind'][] = ['text', 'text', 'text', 'formula', 'text', 'text'];
// Wide enough for the filter button next to each header; long texts wrap.
const WIDTHS = [34, 12, 13, 10, 70, 40];

/** `HYPERLINK("#'Nhiệm vụ'!I12","I12")`: "#" makes it a link inside this workbook. */
export function cellLinkFormula(sheet: string, cell: string): string {
  return `HYPERLINK(${quote(`#${sheetRef(sheet)}!${cell}`)},${quote(cell)})`;
}

/**
 * Findings grouped by agency (the table-level group first, then agencies in the order their
 * first finding appears, i.e. plan order), each group ordered by severity, then as found (row order).
 * Agencies group under the plan's canonical key, so tone-mark variants of one name stay together.
 */
export function orderFindings(findings: readonly Finding[], aliases: readonly AgencyAlias[] = []): Finding[] {
  const out: Finding[] = [];
  for (const g of groupFindingsByAgency(findings, aliases)) {
    for (const s of SEVERITY_ORDER) for (const f of g.findings) if (f.severity === s) out.push(f);
  }
  return out;
}

export function buildCheckSheet(
  findings: readonly Finding[],
  lang: Lang,
  tasksSheetName: string,
  aliases: readonly AgencyAlias[] = [],
): SheetSpec {
  const agencies = agencyGrouping(aliases);
  const w = localizeAll(WORDS, lang);
  const text = (v: string): CellValue => ({ t: 'text', v });
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const cells: CellSpec[] = [
    { row: 0, col: 0, value: text(w.title), style: { bold: true, size: 14, color: '1F4E79' } },
    {
      row: 1,
      col: 0,
      value: text(
        findings.length ? localize(counts(count('error'), count('warning'), count('info')), lang) : w.none,
      ),
      style: { italic: true },
    },
  ];
  const ordered = orderFindings(findings, aliases);
  const groupName = new Map<string, string>();
  const rows: CellValue[][] = ordered.map((f) => {
    const key = f.agency && f.agency.trim() ? agencies.key(f.agency) : '';
    // Every row of a group shows one name (the alias target, else as first written), so the
    // filter lists each agency once.
    if (!groupName.has(key))
      groupName.set(key, key ? agencies.label((f.agency as string).trim()) : w.noAgency);
    const suggestion = f.suggestion ? localize(f.suggestion.label, lang) : null;
    return [
      text(groupName.get(key) as string),
      text(localize(SEVERITY_LABELS[f.severity], lang)),
      f.taskId ? text(f.taskId) : null,
      // The link shows the cell's address, which is also what the formula computes.
      { t: 'formula', f: cellLinkFormula(tasksSheetName, f.cell), result: f.cell },
      text(localize(f.message, lang)),
      suggestion ? text(suggestion) : null,
    ];
  });
  const columns: ColumnSpec[] = COLUMN_IDS.map((id, i) => ({
    id,
    header: headers(lang)[i],
    kind: KINDS[i],
    width: WIDTHS[i],
    wrap: id === 'message' || id === 'suggestion' || id === 'agency',
    editable: false,
  }));
  const tables: TableSpec[] = rows.length
    ? [
        {
          name: CHECK_TABLE_NAME,
          row: CHECK_HEADER_ROW,
          col: 0,
          columns,
          rows,
          style: 'TableStyleMedium2',
        },
      ]
    : [];
  // Severity in colour, so errors stand out when the list is long.
  const first = CHECK_HEADER_ROW + 2;
  const sev = columnLetter(1);
  const sevRange = `${sev}${first}:${sev}${first + rows.length - 1}`;
  const conditionalFormats: SheetSpec['conditionalFormats'] = rows.length
    ? [
        {
          kind: 'expression',
          range: sevRange,
          formula: `$${sev}${first}=${quote(localize(SEVERITY_LABELS.error, lang))}`,
          style: { fill: 'FFC7CE', color: '9C0006', bold: true },
          priority: 1,
        },
        {
          kind: 'expression',
          range: sevRange,
          formula: `$${sev}${first}=${quote(localize(SEVERITY_LABELS.warning, lang))}`,
          style: { fill: 'FFEB9C', color: '9C5700' },
          priority: 2,
        },
      ]
    : [];
  return {
    key: 'check',
    name: sheetName('check', lang),
    state: 'visible',
    widths: [...WIDTHS],
    freeze: { rows: CHECK_HEADER_ROW + 1, cols: 0 },
    cells,
    tables,
    merges: [],
    validations: [],
    conditionalFormats,
    tabColor: 'C00000',
    print: figuresPrint(lang, 'landscape', { first: CHECK_HEADER_ROW + 1, last: CHECK_HEADER_ROW + 1 }),
  };
}
