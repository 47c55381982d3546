/**
 * Re-importing a revised plan into an existing master: a new workbook description built from
 * the revised plan, with every entry carried to its task (matched by text, see revise.ts) and the
 * entries of removed tasks kept on a sheet of their own, so nothing staff typed is lost.
 */
import type { Plan } from '../plan/types';
import { buildWorkbookSpec, rowDeadline } from '../workbook/build';
import { COLUMN_HEADERS, TaskColumnId } from '../workbook/labels';
import { cellOf, mapColumns } from '../workbook/snapshot';
import type {
  CellSpec,
  CellValue,
  Lang,
  RawCell,
  SheetSpec,
  TableSnapshot,
  WorkbookMeta,
  WorkbookSpec,
} from '../workbook/types';
import { serialToIso } from '../workbook/dates';
import { readEntries } from './entries';
import { applyRevision, diffPlanTasks, PlanRevision } from './revise';

/** What staff enter, carried from the old row. */
const STAFF_COLUMNS = ['status', 'completedOn', 'progress', 'result', 'note', 'updatedOn'] as const;
const DATE_COLUMNS = new Set<string>(['due', 'completedOn', 'updatedOn']);

export interface ReviseInput {
  snapshot: TableSnapshot;
  meta: WorkbookMeta | null;
  reportDate: string;
  lang: Lang;
  now?: Date;
}

export interface OrphanedEntry {
  oldId: string;
  text: string;
  cells: Partial<Record<TaskColumnId, RawCell>>;
}

export interface ReviseResult {
  revision: PlanRevision;
  spec: WorkbookSpec;
  /** Entries of tasks the revised plan no longer has (also on the "removed tasks" sheet). */
  orphaned: OrphanedEntry[];
}

const REMOVED_SHEET: Record<Lang, { name: string; title: string; oldId: string }> = {
  vi: {
    name: 'Nhiệm vụ đã bỏ',
    title: 'Nhiệm vụ không còn trong kế hoạch sửa đổi — số liệu đã nhập được giữ lại tại đây',
    oldId: 'Mã cũ',
  },
  en: {
    name: 'Removed tasks',
    title: 'Tasks no longer in the revised plan — the entries made for them are kept here',
    oldId: 'Old ID',
  },
};

function cellValue(column: string, raw: RawCell): CellValue {
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'number')
    return DATE_COLUMNS.has(column) && raw >= 1
      ? { t: 'date', v: serialToIso(raw) }
      : { t: 'number', v: raw };
  if (typeof raw === 'boolean') return { t: 'bool', v: raw };
  return { t: 'text', v: raw };
}

const isBlank = (v: RawCell) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

export function reviseWorkbook(
  input: ReviseInput,
  plan: Plan,
  opts: { sourceText?: string } = {},
): ReviseResult {
  const map = mapColumns(input.snapshot.headers);
  const { entries } = readEntries(input.snapshot, map);
  const revision = diffPlanTasks(
    entries.map((e) => ({ id: e.taskId, text: e.text })),
    plan.tasks.map((t) => ({ id: t.id, text: t.text })),
  );
  // Each old row's staff cells (and its due date, which staff may have entered for an undated task).
  const cellsById = new Map<string, Partial<Record<TaskColumnId, RawCell>>>();
  const textById = new Map<string, string>();
  for (const e of entries) {
    if (cellsById.has(e.taskId)) continue;
    const cells: Partial<Record<TaskColumnId, RawCell>> = {};
    for (const c of [...STAFF_COLUMNS, 'due' as const]) cells[c] = cellOf(input.snapshot, map, e.rowIndex, c);
    cellsById.set(e.taskId, cells);
    textById.set(e.taskId, e.text);
  }
  const applied = applyRevision(revision, cellsById);

  const spec = buildWorkbookSpec(plan, {
    lang: input.lang,
    reportDate: input.reportDate,
    now: input.now,
    // Same master lineage; the new fingerprint and task hashes make copies split from the old
    // plan refuse to merge, which is what a revision must do.
    workbookId: input.meta?.workbookId,
    sourceText: opts.sourceText,
    cells: (r) => {
      const task = plan.tasks[r];
      const cells = applied.entries.get(task.id);
      if (!cells) return undefined;
      const out: Partial<Record<TaskColumnId, CellValue>> = {};
      for (const c of STAFF_COLUMNS) out[c] = cellValue(c, cells[c] ?? null);
      // The plan's own date wins; a date staff entered stays only where the plan still gives none.
      if (!rowDeadline(task.deadlines).due && !isBlank(cells.due ?? null))
        out.due = cellValue('due', cells.due ?? null);
      return out;
    },
  });

  const orphaned: OrphanedEntry[] = applied.orphaned
    .filter((o) => STAFF_COLUMNS.some((c) => !isBlank(o.entry[c] ?? null)))
    .map((o) => ({ oldId: o.oldId, text: textById.get(o.oldId) ?? '', cells: o.entry }));
  if (orphaned.length > 0) spec.sheets.push(removedSheet(orphaned, input.lang));
  return { revision, spec, orphaned };
}

function removedSheet(orphaned: OrphanedEntry[], lang: Lang): SheetSpec {
  const words = REMOVED_SHEET[lang];
  const columns: TaskColumnId[] = ['text', ...STAFF_COLUMNS, 'due'];
  const cells: CellSpec[] = [
    { row: 0, col: 0, value: { t: 'text', v: words.title }, style: { bold: true, size: 12 } },
  ];
  const head = [words.oldId, ...columns.map((c) => COLUMN_HEADERS[lang][c])];
  head.forEach((h, c) =>
    cells.push({ row: 2, col: c, value: { t: 'text', v: h }, style: { bold: true, border: true } }),
  );
  orphaned.forEach((o, i) => {
    const row = 3 + i;
    cells.push({ row, col: 0, value: { t: 'text', v: o.oldId }, style: { border: true } });
    columns.forEach((c, k) => {
      const value = c === 'text' ? cellValue(c, o.text) : cellValue(c, o.cells[c] ?? null);
      cells.push({
        row,
        col: k + 1,
        value,
        style: { border: true, wrap: c === 'text', ...(DATE_COLUMNS.has(c) ? { numFmt: 'dd/mm/yyyy' } : {}) },
      });
    });
  });
  return {
    key: 'removed',
    name: words.name,
    state: 'visible',
    widths: [10, 60, 16, 13, 10, 40, 28, 13, 12],
    freeze: { rows: 3, cols: 0 },
    cells,
    tables: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    tabColor: 'A6A6A6',
  };
}
