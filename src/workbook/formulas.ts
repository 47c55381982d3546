import { taskColumnLetter, type TaskColumnId } from '../model/columns';
import type { Lang } from '../model/lang';
import { CATEGORY_LABELS, STATE_LABELS, STATUS_LABELS } from '../model/labels';
import type { Msg } from '../model/msg';
import { REPORT_DATE_NAME } from './names';

export { taskColumnLetter };

/**
 * Formula text shared by both renderers: English function names, comma separators, no leading
 * "=", and only functions that Excel 2016 and LibreOffice both have (IF, OR, AND, NOT, TRIM,
 * ISNUMBER, COUNTIF(S), SUM, IFERROR).
 */

/** A string literal for a formula ("" doubles quotes). */
export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A sheet name quoted for an A1 reference: 'Nhiệm vụ'!… */
export function sheetRef(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

function matchesAny(expr: string, words: string[]): string {
  const unique = [...new Set(words)];
  const tests = unique.map((w) => `${expr}=${quote(w)}`);
  return tests.length === 1 ? tests[0] : `OR(${tests.join(',')})`;
}

// No label holds these digits, so splitting on them finds exactly the row references.
const ROW_MARK = 987654321;
const stateFormulaParts = new Map<string, string[]>();

/**
 * `Tình trạng hạn` for one 1-based sheet row; the twin of deadlineState()
 * (src/tracking/deadline-state.ts) — change both together. The category and status words are
 * recognised in both languages (spacing trimmed; Excel compares case-insensitively), and the
 * result is written in the workbook's language.
 */
export function deadlineStateFormula(row: number, lang: Lang, firstCol = 0): string {
  // Built once per language and layout with a marker for the row, then only the row changes: a
  // workbook has a formula per task, and composing each from scratch cost seconds at 50,000.
  const key = `${lang}:${firstCol}`;
  let parts = stateFormulaParts.get(key);
  if (!parts) {
    parts = composeDeadlineStateFormula(ROW_MARK, lang, firstCol).split(String(ROW_MARK));
    stateFormulaParts.set(key, parts);
  }
  return parts.join(String(row));
}

function composeDeadlineStateFormula(row: number, lang: Lang, firstCol: number): string {
  const cell = (id: TaskColumnId) => `${taskColumnLetter(id, firstCol)}${row}`;
  const category = `TRIM(${cell('category')})`;
  const status = `TRIM(${cell('status')})`;
  // The adjusted deadline when it is a date, the plan's otherwise (effectiveDue in the twin).
  const adjusted = cell('adjustedDue');
  const due = `IF(ISNUMBER(${adjusted}),${adjusted},${cell('due')})`;
  const dated = `OR(ISNUMBER(${adjusted}),ISNUMBER(${cell('due')}))`;
  const done = cell('completedOn');
  const words = (key: keyof typeof STATE_LABELS) => STATE_LABELS[key][lang];
  const both = (m: Msg) => [m.vi, m.en];
  return (
    `IF(${matchesAny(category, both(CATEGORY_LABELS.ongoing))},${quote(words('ongoing'))},` +
    `IF(NOT(${dated}),IF(${matchesAny(category, both(CATEGORY_LABELS.periodic))},` +
    `${quote(words('ongoing'))},${quote(words('undated'))}),` +
    `IF(${matchesAny(status, both(STATUS_LABELS.done))},` +
    `IF(NOT(ISNUMBER(${done})),${quote(words('done_undated'))},` +
    `IF(${done}>${due},${quote(words('done_late'))},${quote(words('done_on_time'))})),` +
    `IF(${REPORT_DATE_NAME}>${due},${quote(words('overdue'))},${quote(words('in_progress_on_time'))}))))`
  );
}

/** The row formulas the registry's computed columns name. */
export const ROW_FORMULAS: Record<'deadlineState', (row: number, lang: Lang, firstCol?: number) => string> = {
  deadlineState: deadlineStateFormula,
};
