import type { Lang } from '../model/lang';
import { LocalizedError, type Msg } from '../model/msg';
import type { TrackingWorkbook } from '../model/workbook-meta';
import type { RevisedTable } from '../tracking/revise-table';
import { isSheet, SHEET_NAMES, TABLE_NAME, type SheetName } from '../workbook/names';
import type { WorkbookSpec } from '../workbook/types';
import { hasName, hasSheet, type WorkbookInventory } from './inventory';
import { createPivots } from './pivot';
import { readTracking } from './read';
import { renderWorkbook, withMetaSheet, type RenderOptions, type RenderReport } from './render';
import { swapIn } from './swap';
import { renameSpec } from './spec-rename';

/**
 * Building into a workbook that may already track this (or another) plan. Entries are never
 * overwritten:
 * - 'update': the task list is revised from the new plan. The existing table is read and handed
 *   to `revise` (the one revision, src/app/revise.ts: every entry carried to its task, removed
 *   tasks kept as marked rows, staff-added columns kept, the report date kept). The revised
 *   workbook is drawn into temporary sheets; only when all of it is written
 *   are the old tracking sheets deleted and the temporary ones renamed (Excel follows renames in
 *   formulas and names), in one request (swap.ts). A failure before that point deletes the
 *   temporary sheets: the user's sheets are never touched; a failure of the swap itself is
 *   brought to the old or the new workbook whole. The old task sheet is kept, hidden, as a backup.
 * - 'new-sheets': the workbook is drawn next to the old one under suffixed sheet, table and name
 *   names (" (2)", "_2"), leaving the old one as it is.
 */

export type ExistingMode = 'update' | 'new-sheets';

export interface ExistingInfo {
  found: boolean;
  /** Sheet holding the tracking table, if any. */
  tableSheet: string | null;
  metaSheet: string | null;
  inventory: WorkbookInventory;
  tables: { name: string; sheet: string; id?: string }[];
}

export class ExistingWorkbookError extends LocalizedError {
  readonly choices: ExistingMode[];
  constructor(readonly info: ExistingInfo) {
    super(
      info.found
        ? {
            vi:
              'Sổ này đã có bảng theo dõi. Chọn "Cập nhật" (giữ nguyên mọi số liệu đã nhập, cập nhật danh sách nhiệm vụ) ' +
              'hoặc "Tạo trang mới". Không có gì bị ghi đè.',
            en:
              'This workbook already has a tracking table. Choose "Update" (keeps every entry, revises the task list) ' +
              'or "New sheets". Nothing was overwritten.',
          }
        : {
            vi: 'Sổ này đã có trang tính trùng tên với trang sẽ tạo. Chọn "Tạo trang mới" để tạo bên cạnh. Không có gì bị ghi đè.',
            en:
              'This workbook already has sheets with the names to be created. Choose "New sheets" to build alongside. ' +
              'Nothing was overwritten.',
          },
    );
    this.name = 'ExistingWorkbookError';
    this.choices = info.found ? ['update', 'new-sheets'] : ['new-sheets'];
  }
}

/** One sync: sheets, names and tables of the workbook. */
export async function detectExisting(context: Excel.RequestContext): Promise<ExistingInfo> {
  const sheets = context.workbook.worksheets.load('items/id,items/name,items/visibility');
  const names = context.workbook.names.load('items/name,items/formula');
  const tables = context.workbook.tables.load('items/id,items/name,items/worksheet/name');
  await context.sync();
  const inventory: WorkbookInventory = {
    sheets: sheets.items.map((s) => ({ name: s.name, visibility: String(s.visibility), id: s.id })),
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula) })),
  };
  const list = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name, id: t.id }));
  const table = list.find((t) => t.name.toLowerCase() === TABLE_NAME.toLowerCase());
  const metaSheet =
    inventory.sheets.find((s) => s.name === SHEET_NAMES.meta.vi || s.name === SHEET_NAMES.meta.en)?.name ??
    null;
  return {
    found: !!table || !!metaSheet,
    tableSheet: table?.sheet ?? null,
    metaSheet,
    inventory,
    tables: list,
  };
}

/** The revised workbook for the one read from the open workbook (update mode). */
export type Reviser = (old: TrackingWorkbook) => Promise<{ spec: WorkbookSpec; table: RevisedTable }>;

/**
 * A workbook to draw in place of the one read: a revision, or the same rows drawn again with a new
 * meta (an agency alias), which moves no task and so has no revision to report.
 */
export type Redrawer = (old: TrackingWorkbook) => Promise<{ spec: WorkbookSpec; table?: RevisedTable }>;

const NO_REVISION: Pick<RevisedTable, 'kept' | 'added' | 'removed' | 'renumbered' | 'extraColumns'> = {
  kept: [],
  added: [],
  removed: [],
  renumbered: [],
  extraColumns: [],
};

export interface BuildOptions extends RenderOptions {
  /** Required when the workbook already tracks a plan. */
  mode?: ExistingMode;
  /** Required for 'update'. */
  revise?: Reviser;
}

export interface BuildResult {
  mode: 'fresh' | ExistingMode;
  syncs: number;
  render: RenderReport;
  /** Final sheet names by spec key. */
  sheetNames: Record<string, string>;
  kept: string[];
  added: string[];
  removed: string[];
  renumbered: { oldId: string; newId: string }[];
  extraColumns: string[];
  /**
   * True when an old PivotTable sheet was removed (its source table was replaced) and could not
   * be made again (a host without ExcelApi 1.8).
   */
  pivotSheetRemoved: boolean;
  /** True when the workbook had a PivotTable sheet and a redraw made it again over the new table. */
  pivotSheetRedrawn?: boolean;
  /** Update mode: the old task sheet, kept hidden under this name. */
  backupSheet: string | null;
  message: Msg;
}

/** Final sheet names by spec key. */
function keys(spec: WorkbookSpec): Record<string, string> {
  return Object.fromEntries(spec.sheets.map((sh) => [sh.key, sh.name]));
}

function suffixName(name: string, suffix: string, max = 31): string {
  return name.length + suffix.length > max ? name.slice(0, max - suffix.length) + suffix : name + suffix;
}

function randomToken(): string {
  return Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
}

export async function buildTrackingWorkbook(
  context: Excel.RequestContext,
  specIn: WorkbookSpec,
  opts: BuildOptions = {},
): Promise<BuildResult> {
  const spec = withMetaSheet(specIn);
  const info = await detectExisting(context);
  const syncs = 1;
  const base = {
    kept: [] as string[],
    added: [] as string[],
    removed: [] as string[],
    renumbered: [] as { oldId: string; newId: string }[],
    extraColumns: [] as string[],
    pivotSheetRemoved: false,
    backupSheet: null,
  };
  const conflicts = spec.sheets.some((s) => hasSheet(info.inventory, s.name));

  if (!info.found && !conflicts) {
    const render = await renderWorkbook(context, spec, { ...opts, inventory: info.inventory });
    return {
      mode: 'fresh',
      syncs: syncs + render.syncs,
      render,
      sheetNames: keys(spec),
      ...base,
      added: tableIds(spec),
      message: {
        vi: `Đã tạo bảng theo dõi (${render.tableRows} nhiệm vụ).`,
        en: `Tracking workbook built (${render.tableRows} tasks).`,
      },
    };
  }
  if (!opts.mode) throw new ExistingWorkbookError(info);

  if (opts.mode === 'new-sheets') {
    const tableNames = spec.sheets.flatMap((s) => s.tables.map((t) => t.name));
    for (let n = 2; n < 1000; n++) {
      const sheets = new Map(spec.sheets.map((s) => [s.name, suffixName(s.name, ` (${n})`)]));
      const tables = new Map(tableNames.map((t) => [t, `${t}_${n}`]));
      const names = new Map(spec.names.map((x) => [x.name, `${x.name}_${n}`]));
      const free =
        [...sheets.values()].every((s) => !hasSheet(info.inventory, s)) &&
        [...tables.values()].every(
          (t) => !info.tables.some((x) => x.name.toLowerCase() === t.toLowerCase()),
        ) &&
        [...names.values()].every((x) => !hasName(info.inventory, x));
      if (!free) continue;
      const renamed = renameSpec(spec, { sheets, tables, names });
      const render = await renderWorkbook(context, renamed, { ...opts, inventory: info.inventory });
      return {
        mode: 'new-sheets',
        syncs: syncs + render.syncs,
        render,
        sheetNames: keys(renamed),
        ...base,
        added: tableIds(spec),
        message: {
          vi: `Đã tạo bảng theo dõi mới trong các trang có hậu tố "(${n})"; bảng cũ giữ nguyên.`,
          en: `New tracking sheets built with the suffix "(${n})"; the old ones are unchanged.`,
        },
      };
    }
    throw new Error('No free sheet names');
  }

  // ---- update
  if (!opts.revise) throw new Error("Update mode needs the revised plan's reviser");
  const updated = await updateInPlace(context, info, opts.revise, opts);
  return { ...updated, syncs: syncs + updated.syncs };
}

/**
 * Update mode on a workbook `detectExisting` found tracking: its table is read and handed to
 * `revise`, whose workbook is drawn into temporary sheets and swapped in (see above). Every
 * in-place redraw of the table goes through here: the revision of a plan, and the changes made
 * to a whole master (a plan added, agencies merged: src/excel/master-change.ts). Nothing is
 * written when `revise` throws.
 */
export async function updateInPlace(
  context: Excel.RequestContext,
  info: ExistingInfo,
  revise: Redrawer,
  opts: RenderOptions = {},
): Promise<BuildResult & { mode: 'update' }> {
  const old = await readTracking(context);
  let syncs = old.syncs;
  const revised = await revise(old);
  const table = revised.table ?? NO_REVISION;
  const next = withMetaSheet(revised.spec);

  const token = randomToken();
  const tempSheets = new Map(next.sheets.map((s, i) => [s.name, `~pt${i}_${token}`]));
  const tempTables = new Map(
    next.sheets.flatMap((s) => s.tables.map((t) => [t.name, `${t.name}_tmp_${token}`] as [string, string])),
  );
  const temp = renameSpec(next, { sheets: tempSheets, tables: tempTables });
  const deferred = next.names.filter((n) => hasName(info.inventory, n.name)).map((n) => n.name);
  const render = await renderWorkbook(context, temp, {
    ...opts,
    inventory: info.inventory,
    skipNames: deferred,
    activate: null,
  });
  syncs += render.syncs;

  // The old tracking sheets: ours by name in either language, plus wherever the old table lives.
  const ourNames = new Set<string>();
  for (const sheet of next.sheets) {
    const names = SHEET_NAMES[sheet.key as SheetName] as Msg | undefined;
    ourNames.add(sheet.name.toLowerCase());
    if (names) for (const n of [names.vi, names.en]) ourNames.add(n.toLowerCase());
  }
  if (info.tableSheet) ourNames.add(info.tableSheet.toLowerCase());
  const oldSheets = info.inventory.sheets
    .map((s) => s.name)
    .filter((n) => ourNames.has(n.toLowerCase()) || isSheet('pivot', n));
  const hadPivotSheet = oldSheets.some((n) => isSheet('pivot', n));
  // The old task sheet is not deleted but kept, hidden, as a backup: anything staff put on it
  // outside the table (notes, their own formulas) stays reachable. The rest is generated content.
  const backupSheet = info.tableSheet ? freeBackupName(info, info.tableSheet, next.lang) : null;
  const backupTable = `${TABLE_NAME}_${BACKUP_WORD[next.lang].table}_${token}`;

  const tasksSheet = next.sheets.find((s) => s.key === 'tasks');
  const formulaOf = (name: string) => info.inventory.names.find((n) => n.name === name)?.formula ?? '';
  const isTaskSheet = (n: string) => !!info.tableSheet && n.toLowerCase() === info.tableSheet.toLowerCase();
  const idOf = (name: string) => info.inventory.sheets.find((x) => x.name === name)?.id ?? '';
  const oldTable = info.tables.find((t) => t.name.toLowerCase() === TABLE_NAME.toLowerCase());
  const swap = await swapIn(context, {
    activate: tasksSheet ? (tempSheets.get(tasksSheet.name) ?? null) : null,
    names: next.names
      .filter((x) => deferred.includes(x.name))
      .map((x) => ({
        name: x.name,
        oldFormula: formulaOf(x.name),
        newFormula: x.ref.startsWith('=') ? x.ref : `=${x.ref}`,
      })),
    sheetsBefore: info.inventory.sheets.map((x) => x.id ?? ''),
    task:
      backupSheet && info.tableSheet
        ? {
            id: idOf(info.tableSheet),
            name: info.tableSheet,
            backup: backupSheet,
            tableId: oldTable?.id ?? null,
            backupTable,
          }
        : null,
    oldSheets: oldSheets
      .filter((n) => !(backupSheet && isTaskSheet(n)))
      .map((n) => ({ id: idOf(n), name: n })),
    sheets: [...tempSheets],
    tables: [...tempTables],
  });
  syncs += swap.syncs;
  // A workbook that had PivotTables keeps them: made again over the table just swapped in, with
  // the task sheet left in front.
  let pivotSheetRemoved = hadPivotSheet;
  if (hadPivotSheet) {
    const pivots = await createPivots(context, {
      lang: next.lang,
      isSetSupported: opts.isSetSupported,
      activate: false,
    });
    if (pivots.ok) pivotSheetRemoved = false;
    // Two syncs when made, one when the table could not be read, none on a host without them.
    syncs += pivots.fallback ? 0 : pivots.ok ? 2 : 1;
  }
  const pivotSheetRedrawn = hadPivotSheet && !pivotSheetRemoved;
  return {
    mode: 'update',
    syncs,
    render,
    sheetNames: keys(next),
    kept: table.kept,
    added: table.added,
    removed: table.removed,
    renumbered: table.renumbered,
    extraColumns: table.extraColumns.map((c) => c.header),
    pivotSheetRemoved,
    pivotSheetRedrawn,
    backupSheet,
    message: {
      vi:
        `Đã cập nhật danh sách nhiệm vụ: giữ số liệu của ${table.kept.length} nhiệm vụ, thêm ${table.added.length}, ` +
        `${table.removed.length} nhiệm vụ không còn trong kế hoạch được giữ lại và đánh dấu ở cuối bảng.` +
        (backupSheet ? ` Trang cũ được giữ (ẩn) với tên "${backupSheet}".` : '') +
        (pivotSheetRemoved ? ' Trang PivotTable cũ đã được gỡ; bấm "Tạo PivotTable" để tạo lại.' : '') +
        (pivotSheetRedrawn ? ' Các PivotTable được lập lại trên bảng mới.' : ''),
      en:
        `Task list updated: entries of ${table.kept.length} tasks kept, ${table.added.length} added, ` +
        `${table.removed.length} tasks no longer in the plan kept and marked at the end of the table.` +
        (backupSheet ? ` The old sheet is kept (hidden) as "${backupSheet}".` : '') +
        (pivotSheetRemoved
          ? ' The old PivotTable sheet was removed; press "Create PivotTables" to rebuild it.'
          : '') +
        (pivotSheetRedrawn ? ' The PivotTables were made again over the new table.' : ''),
    },
  };
}

const BACKUP_WORD: Record<Lang, { sheet: string; table: string }> = {
  vi: { sheet: 'trước cập nhật', table: 'truoc' },
  en: { sheet: 'before update', table: 'before' },
};

function freeBackupName(info: ExistingInfo, base: string, lang: Lang): string {
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? ` (${BACKUP_WORD[lang].sheet})` : ` (${BACKUP_WORD[lang].sheet} ${n})`;
    const name = suffixName(base, suffix);
    if (!hasSheet(info.inventory, name)) return name;
  }
  return suffixName(base, ` (${Date.now()})`);
}

function tableIds(spec: WorkbookSpec): string[] {
  const t = spec.sheets.flatMap((s) => s.tables).find((x) => x.name === TABLE_NAME);
  if (!t) return [];
  const c = t.columns.findIndex((x) => x.id === 'taskId');
  return t.rows.map((r) => (r[c]?.t === 'text' ? r[c].v : '')).filter(Boolean);
}
