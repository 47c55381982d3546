import { mapColumns, PLAN_ENTRY_COLUMN_IDS } from '../model/columns';
import type { Lang } from '../model/lang';
import type { RawCell, TableSnapshot } from '../model/table';
import { diffPlanTasks } from '../tracking/revise';
import { cellValueOf } from '../workbook/cells';
import type { CellValue, ColumnSpec, TableSpec, WorkbookSpec } from '../workbook/types';

/**
 * Carries the staff's entries of an existing tracking table into the table of a revised plan.
 * Rows are matched by task text, then id (see matchTasks). Nothing the staff typed is dropped:
 * - a task still in the plan keeps every editable cell as entered;
 * - a task gone from the plan stays, appended at the end with all its cells and a marker in
 *   its note, for the staff to decide;
 * - columns the staff added to the table are kept as extra columns.
 * Two editable columns start as copies of the plan: the deadline type and the deadline. When the
 * meta sheet shows a row's plan columns were not touched since the build (same fingerprint),
 * those two follow the revised plan (a new deadline must reach the sheet); when staff changed
 * them, or there is no meta to tell, their values stay.
 */

const PLAN_DERIVED = new Set<string>(PLAN_ENTRY_COLUMN_IDS);

export const REMOVED_MARK: Record<Lang, string> = {
  vi: '[Không còn trong kế hoạch sửa đổi]',
  en: '[No longer in the revised plan]',
};

export interface MergeResult {
  spec: WorkbookSpec;
  /** Tasks whose entries were carried over. */
  kept: string[];
  /** Tasks whose id changed in the revised plan (matched by text): entries followed the text. */
  renumbered: { oldId: string; newId: string }[];
  /** New tasks (no entries yet). */
  added: string[];
  /** Tasks no longer in the plan: kept as marked rows. */
  removed: string[];
  /** Headers of staff-added columns kept. */
  extraColumns: string[];
}

function hasContent(raw: RawCell | undefined): boolean {
  return raw !== null && raw !== undefined && !(typeof raw === 'string' && raw.trim() === '');
}

/** A value read back from a sheet, as a CellValue for the column it goes to. */
export function rawToCell(raw: RawCell | undefined, col: ColumnSpec | null): CellValue {
  if (!hasContent(raw)) return null;
  return cellValueOf(col?.id ?? null, raw);
}

function textOf(raw: RawCell | undefined): string {
  return raw === null || raw === undefined ? '' : String(raw).trim();
}

/**
 * New task id → old task id. A revised plan often renumbers (a task dropped near the top shifts
 * every number below it), so an id match alone would hand entries to the wrong task: tasks are
 * matched by text first (diffPlanTasks, src/tracking/revise.ts), by id only when the old table
 * has no task text to compare.
 */
function matchTasks(
  table: TableSpec,
  idCol: number,
  old: TableSnapshot,
  oldIdCol: number,
  oldTextCol: number | undefined,
  oldIds: string[],
): Map<string, string> {
  const textCol = table.columns.findIndex((c) => c.id === 'text');
  const newTasks = table.rows.map((r) => ({
    id: r[idCol]?.t === 'text' ? r[idCol].v.trim() : '',
    text: textCol >= 0 && r[textCol]?.t === 'text' ? r[textCol].v : '',
  }));
  if (oldTextCol === undefined || textCol < 0) {
    const known = new Set(oldIds);
    return new Map(newTasks.filter((t) => known.has(t.id)).map((t) => [t.id, t.id]));
  }
  const seen = new Set<string>();
  const oldTasks = old.rows
    .map((r) => ({ id: textOf(r[oldIdCol]), text: textOf(r[oldTextCol]) }))
    .filter((t) => t.id && !seen.has(t.id) && seen.add(t.id));
  const revision = diffPlanTasks(oldTasks, newTasks);
  return new Map(revision.matches.map((m) => [m.newId, m.oldId]));
}

/**
 * `untouched`: ids of the old rows whose plan columns are as built (untouchedTasks,
 * src/tracking/task-hash.ts); their deadline type and deadline follow the revised plan.
 */
export function mergeEntries(
  spec: WorkbookSpec,
  tableName: string,
  old: TableSnapshot,
  untouched: ReadonlySet<string> = new Set(),
): MergeResult {
  const sheetIndex = spec.sheets.findIndex((s) => s.tables.some((t) => t.name === tableName));
  if (sheetIndex < 0) throw new Error(`Table ${tableName} is not in the spec`);
  const sheet = spec.sheets[sheetIndex];
  const table = sheet.tables.find((t) => t.name === tableName) as TableSpec;
  const map = mapColumns(old.headers);
  const idCol = table.columns.findIndex((c) => c.id === 'taskId');
  const oldId = map.index.taskId;
  if (idCol < 0 || oldId === undefined) throw new Error('Both tables need a task id column');

  // Where each spec column's data sits in the old table (by column id, then by header text).
  const headerKey = (h: string) => h.normalize('NFC').trim().toLocaleLowerCase('vi');
  const oldIndexOf = (c: ColumnSpec): number | undefined => {
    const byId = (map.index as Record<string, number | undefined>)[c.id];
    if (byId !== undefined) return byId;
    const i = old.headers.findIndex((h) => headerKey(String(h ?? '')) === headerKey(c.header));
    return i < 0 ? undefined : i;
  };
  const oldIdx = table.columns.map(oldIndexOf);
  const used = new Set(oldIdx.filter((i): i is number => i !== undefined));
  const extras = old.headers
    .map((h, i) => ({ h: String(h ?? ''), i }))
    .filter(({ h, i }) => !used.has(i) && h.trim() !== '' && old.rows.some((r) => hasContent(r[i])));
  const extraColumns: ColumnSpec[] = extras.map(({ h }, k) => ({
    id: `extra${k + 1}`,
    header: h,
    kind: 'text',
    width: 20,
    wrap: true,
    editable: true,
  }));
  const columns = [...table.columns, ...extraColumns];

  const oldById = new Map<string, RawCell[]>();
  for (const r of old.rows) {
    const id = textOf(r[oldId]);
    if (id && !oldById.has(id)) oldById.set(id, r);
  }
  const kept: string[] = [];
  const added: string[] = [];
  const matchedOld = new Set<string>();
  const firstSheetRow = table.row + 2;
  const oldFor = matchTasks(table, idCol, old, oldId, map.index.text, [...oldById.keys()]);
  const renumbered: { oldId: string; newId: string }[] = [];

  const rows: CellValue[][] = table.rows.map((row) => {
    const id = row[idCol]?.t === 'text' ? row[idCol].v.trim() : '';
    const prevId = oldFor.get(id);
    const prev = prevId === undefined ? undefined : oldById.get(prevId);
    if (!prev || prevId === undefined) {
      added.push(id);
      return [...row, ...extras.map(() => null)];
    }
    matchedOld.add(prevId);
    if (prevId !== id) renumbered.push({ oldId: prevId, newId: id });
    kept.push(id);
    const merged = row.map((v, c) => {
      const col = table.columns[c];
      const i = oldIdx[c];
      if (!col.editable || i === undefined || !hasContent(prev[i])) return v;
      if (PLAN_DERIVED.has(col.id) && untouched.has(prevId)) return v;
      return rawToCell(prev[i], col);
    });
    return [...merged, ...extras.map(({ i }) => rawToCell(prev[i], null))];
  });

  const removed: string[] = [];
  const noteCol = table.columns.findIndex((c) => c.id === 'note');
  for (const [id, prev] of oldById) {
    if (matchedOld.has(id)) continue;
    removed.push(id);
    const sheetRow = firstSheetRow + rows.length;
    const row: CellValue[] = table.columns.map((col, c) => {
      if (col.kind === 'formula' && col.formula) return { t: 'formula', f: col.formula(sheetRow) };
      const i = oldIdx[c];
      return i === undefined ? null : rawToCell(prev[i], col);
    });
    if (noteCol >= 0) {
      const note = row[noteCol]?.t === 'text' ? row[noteCol].v : '';
      const mark = REMOVED_MARK[spec.lang];
      row[noteCol] = { t: 'text', v: note.startsWith(mark) ? note : `${mark} ${note}`.trim() };
    }
    rows.push([...row, ...extras.map(({ i }) => rawToCell(prev[i], null))]);
  }

  const newTable: TableSpec = { ...table, columns, rows };
  const widths = [...sheet.widths];
  extraColumns.forEach((c, k) => {
    widths[table.col + table.columns.length + k] = c.width;
  });
  const sheets = spec.sheets.map((s, i) =>
    i === sheetIndex
      ? { ...s, widths, tables: s.tables.map((t) => (t.name === tableName ? newTable : t)) }
      : s,
  );
  return {
    spec: { ...spec, sheets },
    kept,
    added,
    renumbered,
    removed,
    extraColumns: extraColumns.map((c) => c.header),
  };
}

/**
 * The report date staff set (the cell the NgayBaoCao name points to) is an entry too: an update
 * keeps it instead of the date the new build was given.
 */
export function keepReportDate(spec: WorkbookSpec, nameText: string, iso: string | null): WorkbookSpec {
  if (!iso) return spec;
  const ref = spec.names.find((n) => n.name === nameText)?.ref;
  const m = ref ? /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref) : null;
  if (!m) return spec;
  const sheetName = m[1].replace(/''/g, "'");
  const col = [...m[2]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[3]) - 1;
  return {
    ...spec,
    sheets: spec.sheets.map((s) =>
      s.name !== sheetName
        ? s
        : {
            ...s,
            cells: s.cells.map((c) =>
              c.row === row && c.col === col ? { ...c, value: { t: 'date', v: iso } } : c,
            ),
          },
    ),
  };
}
