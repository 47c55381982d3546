/**
 * Checks what staff entered in the tracking table. Pure: a TableSnapshot and the build record
 * in, findings out, each pointing at one cell with a Vietnamese and an English message.
 * One pass over the rows; every rule does constant work per row (lists and dates are read
 * through caches), so 100,000 rows take a fraction of a second.
 */
import { mapColumns, type TaskColumnId } from '../../model/columns';
import type { Msg } from '../../model/msg';
import { columnLetter, type TableSnapshot } from '../../model/table';
import { DEFAULT_CONVENTION, periodContaining } from '../periods';
import { createRowReader } from './read';
import { adjustmentRule } from './rules/adjustment';
import { categoryRule } from './rules/category';
import { completionRule } from './rules/completion';
import { dateCellsRule } from './rules/date-cells';
import { dueRule } from './rules/due';
import { noUpdateRule } from './rules/no-update';
import { overdueRule } from './rules/overdue';
import { progressRule } from './rules/progress';
import { statusRule } from './rules/status';
import { structureRule } from './rules/structure';
import { textLengthRule } from './rules/text-length';
import type {
  CheckInput,
  Emit,
  Finding,
  RowContext,
  RowRule,
  RuleInfo,
  Suggestion,
  TableContext,
  TableRule,
} from './types';

export type { CheckInput, Finding, RuleInfo, Severity, Suggestion } from './types';

export const ROW_RULES: readonly RowRule[] = [
  statusRule,
  categoryRule,
  dateCellsRule,
  completionRule,
  progressRule,
  dueRule,
  overdueRule,
  noUpdateRule,
  adjustmentRule,
];
export const TABLE_RULES: readonly TableRule[] = [structureRule, textLengthRule];

/** Every rule, for documentation and legends. */
export const RULES: readonly RuleInfo[] = [...TABLE_RULES, ...ROW_RULES].flatMap((r) => r.rules);

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** What every rule reads about the table, the rows read later by the caller's own walk. */
function tableContext(input: CheckInput) {
  const { snapshot, meta, reportDate } = input;
  const map = mapColumns(snapshot.headers);
  const lang = input.lang ?? meta?.lang ?? map.lang;
  const period = periodContaining(
    reportDate,
    input.updatePeriod ?? 'quarter',
    input.convention ?? DEFAULT_CONVENTION,
  );
  const planYear = meta?.planIssuedOn ? Number(meta.planIssuedOn.slice(0, 4)) : null;
  const ctx: TableContext = {
    snapshot,
    meta,
    map,
    lang,
    reportDate,
    periodStart: period.start,
    periodLabel: period.label,
    planFirstYearEnd: planYear ? `${planYear}-12-31` : null,
    rows: [],
    extensions: input.extensions,
  };
  return { ctx, reader: createRowReader(snapshot, map, lang) };
}

export function checkTracking(input: CheckInput): Finding[] {
  const { snapshot } = input;
  const { ctx, reader } = tableContext(input);
  const { map, rows } = ctx;
  for (let i = 0; i < snapshot.rows.length; i++) {
    const row = reader.read(i);
    if (row) rows.push(row);
  }

  // Findings go into one bucket per sheet row (header row = bucket 0), so the result comes out
  // in row order without sorting the whole list; each bucket holds a handful.
  const buckets: { cols: number[]; items: Finding[] }[] = [];
  const rowByIndex: (RowContext | undefined)[] = new Array(snapshot.rows.length);
  for (const r of rows) rowByIndex[r.index] = r;
  const letters = snapshot.headers.map((_h, i) => columnLetter(snapshot.firstCol + i));
  const letter = (i: number) => letters[i] ?? columnLetter(snapshot.firstCol + i);
  const emit: Emit = (rule, at, message, suggestion) => {
    const row = at.rowIndex === null ? undefined : rowByIndex[at.rowIndex];
    const colIndex = at.headerIndex ?? (at.column ? map.index[at.column] : undefined) ?? 0;
    const b = at.rowIndex === null ? 0 : at.rowIndex + 1;
    const bucket = (buckets[b] ??= { cols: [], items: [] });
    bucket.cols.push(colIndex);
    bucket.items.push(findingOf(snapshot, letter(colIndex), row, rule, at, message, suggestion));
  };

  for (const rule of TABLE_RULES) rule.check(ctx, emit);
  const active = ROW_RULES.filter((r) => r.needs.every((id: TaskColumnId) => map.index[id] !== undefined));
  for (const row of rows) for (const rule of active) rule.check(row, ctx, emit);

  const out: Finding[] = [];
  for (const bucket of buckets) if (bucket) pushInOrder(out, bucket.cols, bucket.items);
  return out;
}

/**
 * The error-level findings of the row rules, one row when asked: what a merge needs for the
 * cells it would take, without checking every row of every return. The table rules are not run:
 * their findings are about ids, the header and over-long text, which a merge refuses or lists
 * before it looks at a cell's findings. For a row, the same findings in the same order as
 * `checkTracking` gives for it, keeping its errors only and leaving out the table rules'.
 */
export function rowErrorChecker(input: CheckInput): (rowIndex: number) => readonly Finding[] {
  const { snapshot } = input;
  // Only the table rules read every row, and they are not run here: ctx.rows stays empty.
  const { ctx, reader } = tableContext(input);
  const { map } = ctx;
  const active = ROW_RULES.filter(
    (r) =>
      r.rules.some((info) => info.severity === 'error') &&
      r.needs.every((id: TaskColumnId) => map.index[id] !== undefined),
  );
  // One emit for every row asked (no closure per row): it reads the row being checked.
  let current: RowContext | null = null;
  let cols: number[] = [];
  let items: Finding[] = [];
  const emit: Emit = (rule, at, message, suggestion) => {
    if (rule.severity !== 'error' || current === null) return;
    const colIndex = at.headerIndex ?? (at.column ? map.index[at.column] : undefined) ?? 0;
    // A row rule speaks of its own row (another is read for the finding's task and agency).
    const about =
      at.rowIndex === current.index
        ? current
        : at.rowIndex === null
          ? undefined
          : (reader.read(at.rowIndex) ?? undefined);
    cols.push(colIndex);
    items.push(
      findingOf(snapshot, columnLetter(snapshot.firstCol + colIndex), about, rule, at, message, suggestion),
    );
  };
  return (rowIndex) => {
    const row = reader.read(rowIndex);
    if (!row) return NO_FINDINGS;
    current = row;
    for (const rule of active) rule.check(row, ctx, emit);
    current = null;
    if (items.length === 0) return NO_FINDINGS;
    const out: Finding[] = [];
    pushInOrder(out, cols, items);
    cols = [];
    items = [];
    return out;
  };
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

function findingOf(
  snapshot: TableSnapshot,
  letter: string,
  row: RowContext | undefined,
  rule: RuleInfo,
  at: Parameters<Emit>[1],
  message: Msg,
  suggestion: Suggestion | undefined,
): Finding {
  const sheetRow = at.rowIndex === null ? snapshot.headerRow : snapshot.headerRow + 1 + at.rowIndex;
  const finding: Finding = {
    sheet: snapshot.sheet,
    cell: `${letter}${sheetRow}`,
    row: sheetRow,
    column: at.column,
    taskId: at.taskId !== undefined ? at.taskId : (row?.taskId ?? null),
    agency: at.agency !== undefined ? at.agency : (row?.agency ?? null),
    code: rule.code,
    severity: rule.severity,
    message,
  };
  if (suggestion) finding.suggestion = suggestion;
  return finding;
}

/** One row's findings by column, then severity, then code (ties in the order found). */
function pushInOrder(out: Finding[], cols: readonly number[], items: readonly Finding[]): void {
  if (items.length === 1) {
    out.push(items[0]);
    return;
  }
  const order = items.map((_f, i) => i);
  order.sort((a, b) => cols[a] - cols[b] || byKind(items[a], items[b]));
  for (const i of order) out.push(items[i]);
}

function byKind(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
