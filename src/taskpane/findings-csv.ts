/**
 * The check's findings as a CSV file Excel opens right: UTF-8 with a byte-order mark (without it
 * Excel reads Vietnamese as Windows-1252), CRLF line ends, every field quoted (RFC 4180).
 */
import type { Finding } from '../app/check';
import { localize } from '../model/msg';
import type { Lang } from '../model/lang';
import { ruleLabel, SEVERITY_LABEL } from './findings';
import type { MessageKey, Translate } from './i18n';

/** Excel's reference to a cell of a sheet: 'Theo dõi'!I5 (the name quoted unless plain). */
export function cellReference(sheet: string, cell: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet)
    ? `${sheet}!${cell}`
    : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * One quoted field. A text Excel would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe, so a word typed into the workbook cannot become a formula on opening the file.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

const COLUMNS: readonly MessageKey[] = [
  'csvCell',
  'csvTask',
  'csvAgency',
  'csvSeverity',
  'csvRule',
  'csvMessage',
  'csvSuggestion',
];

/** The CSV text (no BOM): a header row in the pane's language, then one row per finding. */
export function findingsCsvText(findings: readonly Finding[], lang: Lang, t: Translate): string {
  const rows = [
    COLUMNS.map((k) => t(k)),
    ...findings.map((f) => [
      cellReference(f.sheet, f.cell),
      f.taskId ?? '',
      f.agency?.trim() ?? '',
      t(SEVERITY_LABEL[f.severity]),
      ruleLabel(f.code, lang),
      localize(f.message, lang),
      f.suggestion ? localize(f.suggestion.label, lang) : '',
    ]),
  ];
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The file's bytes: BOM, then the text as UTF-8. */
export function findingsCsv(findings: readonly Finding[], lang: Lang, t: Translate): Uint8Array {
  return new TextEncoder().encode('\uFEFF' + findingsCsvText(findings, lang, t));
}

export const CSV_MIME = 'text/csv;charset=utf-8';
