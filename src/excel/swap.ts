import { TABLE_NAME } from '../workbook/names';
import { makeUnit, sendRequest, toRequest } from './batches';
import type { Command } from './commands';

/**
 * Update mode's last step: the revised workbook, drawn into temporary sheets, takes the place of
 * the old one. One request: the new task sheet is activated first (Excel will not hide the active
 * sheet, and the old task sheet may be it), the deferred names are deleted, the old task sheet is
 * kept hidden under a backup name with its table renamed, the other old sheets are deleted, and
 * the temporary sheets, tables and names take the final names.
 *
 * Excel does not roll a failed request back: the commands before the failing one stay applied.
 * So on failure the workbook is looked at again and brought to one of the two whole states, by
 * what is in it: sheets and tables are told apart by their ids, never by the names they had (the
 * old task sheet may already be under its backup name, a new sheet under an old sheet's name):
 * - while every old generated sheet is still there, nothing is lost by going back: the backup is
 *   renamed and shown again, the names restored, the temporary sheets deleted (the error is then
 *   rethrown: nothing changed);
 * - once one of them is gone, the new sheets hold everything and the swap is finished instead
 *   (no error: the update is done).
 */

export interface SwapPlan {
  /** The new task sheet under its temporary name, activated first. */
  activate: string | null;
  /** Names the old workbook had that the new one redefines: their old and new formulas. */
  names: { name: string; oldFormula: string; newFormula: string }[];
  /** The id of every sheet the workbook had before the update: any other sheet is the update's. */
  sheetsBefore: string[];
  /** The old task sheet, kept hidden under `backup`, its table renamed to `backupTable`. */
  task: { id: string; name: string; backup: string; tableId: string | null; backupTable: string } | null;
  /** The other old generated sheets (summary, lists, guide, meta, PivotTables): deleted. */
  oldSheets: { id: string; name: string }[];
  /** Final name → temporary name. */
  sheets: [string, string][];
  tables: [string, string][];
}

export interface SwapOutcome {
  syncs: number;
  /** 'done' normally; 'finished' when a failed swap was completed by recovery. */
  state: 'done' | 'finished';
}

interface Named {
  name: string;
  visibility?: string;
}

/** Sheets and tables by id, and names, of the workbook as it is now. */
interface State {
  sheets: Map<string, Named>;
  tables: Map<string, Named>;
  names: Set<string>;
}

const key = (s: string) => s.toLocaleLowerCase();

async function look(context: Excel.RequestContext): Promise<State> {
  const sheets = context.workbook.worksheets.load('items/id,items/name,items/visibility');
  const names = context.workbook.names.load('items/name');
  const tables = context.workbook.tables.load('items/id,items/name');
  await context.sync();
  return {
    sheets: new Map(sheets.items.map((s) => [s.id, { name: s.name, visibility: String(s.visibility) }])),
    tables: new Map(tables.items.map((t) => [t.id, { name: t.name }])),
    names: new Set(names.items.map((n) => key(n.name))),
  };
}

/**
 * Deletes a sheet, unhiding it first where it is (or may be) very hidden: Excel refuses to delete
 * a very hidden sheet. Never the active sheet: Excel will not hide that one.
 */
function deleteSheet(sheet: string, visibility: string | undefined): Command[] {
  const unhide = visibility === undefined || visibility === 'VeryHidden';
  return [
    ...(unhide ? [{ op: 'visibility', sheet, state: 'Hidden' } as Command] : []),
    { op: 'deleteSheet', sheet },
  ];
}

export function swapCommands(plan: SwapPlan): Command[] {
  const out: Command[] = [];
  if (plan.activate) out.push({ op: 'activate', sheet: plan.activate });
  for (const n of plan.names) out.push({ op: 'deleteName', name: n.name });
  if (plan.task) {
    out.push(
      { op: 'renameTable', table: TABLE_NAME, to: plan.task.backupTable },
      { op: 'renameSheet', sheet: plan.task.name, to: plan.task.backup },
      { op: 'visibility', sheet: plan.task.backup, state: 'Hidden' },
    );
  }
  for (const s of plan.oldSheets) out.push(...deleteSheet(s.name, undefined));
  for (const [final, temp] of plan.sheets) out.push({ op: 'renameSheet', sheet: temp, to: final });
  for (const [final, temp] of plan.tables) out.push({ op: 'renameTable', table: temp, to: final });
  for (const n of plan.names) out.push({ op: 'addName', name: n.name, formula: n.newFormula });
  out.push({ op: 'calculate' });
  return out;
}

/** The sheets the update made (by id: whatever names they have reached). */
function madeSheets(plan: SwapPlan, state: State): Named[] {
  const before = new Set(plan.sheetsBefore);
  return [...state.sheets].filter(([id]) => !before.has(id)).map(([, s]) => s);
}

/** Back to the old workbook: possible while no old generated sheet has been deleted. */
function backCommands(plan: SwapPlan, state: State): Command[] {
  const out: Command[] = [];
  const task = plan.task;
  const now = task ? state.sheets.get(task.id) : undefined;
  if (task && now) {
    if (now.name !== task.name) out.push({ op: 'renameSheet', sheet: now.name, to: task.name });
    const table = task.tableId ? state.tables.get(task.tableId) : undefined;
    if (table && table.name !== TABLE_NAME)
      out.push({ op: 'renameTable', table: table.name, to: TABLE_NAME });
    out.push({ op: 'visibility', sheet: task.name, state: 'Visible' }, { op: 'activate', sheet: task.name });
  }
  for (const s of madeSheets(plan, state)) out.push(...deleteSheet(s.name, s.visibility));
  for (const n of plan.names) {
    if (state.names.has(key(n.name))) out.push({ op: 'deleteName', name: n.name });
    out.push({ op: 'addName', name: n.name, formula: n.oldFormula });
  }
  return out;
}

/** On to the new workbook: whatever of the swap did not happen, done now. */
function forwardCommands(plan: SwapPlan, state: State): Command[] {
  const out: Command[] = [];
  const made = madeSheets(plan, state);
  const finalOf = new Map(plan.sheets.map(([final, temp]) => [temp, final]));
  const newTasks = plan.activate
    ? made.find((s) => s.name === plan.activate || s.name === finalOf.get(plan.activate!))
    : undefined;
  if (newTasks) out.push({ op: 'activate', sheet: newTasks.name });
  const task = plan.task;
  const now = task ? state.sheets.get(task.id) : undefined;
  if (task && now) {
    const table = task.tableId ? state.tables.get(task.tableId) : undefined;
    if (table && table.name !== task.backupTable)
      out.push({ op: 'renameTable', table: table.name, to: task.backupTable });
    if (now.name !== task.backup) out.push({ op: 'renameSheet', sheet: now.name, to: task.backup });
    out.push({ op: 'visibility', sheet: task.backup, state: 'Hidden' });
  }
  for (const s of plan.oldSheets) {
    const left = state.sheets.get(s.id);
    if (left) out.push(...deleteSheet(left.name, left.visibility));
  }
  for (const s of made) {
    const final = finalOf.get(s.name);
    if (final) out.push({ op: 'renameSheet', sheet: s.name, to: final });
  }
  const tableNames = new Set([...state.tables.values()].map((t) => t.name));
  for (const [final, temp] of plan.tables) {
    if (tableNames.has(temp)) out.push({ op: 'renameTable', table: temp, to: final });
  }
  for (const n of plan.names) {
    if (!state.names.has(key(n.name))) out.push({ op: 'addName', name: n.name, formula: n.newFormula });
  }
  out.push({ op: 'calculate' });
  return out;
}

export async function swapIn(context: Excel.RequestContext, plan: SwapPlan): Promise<SwapOutcome> {
  try {
    await sendRequest(context, toRequest([makeUnit(swapCommands(plan))]));
    return { syncs: 1, state: 'done' };
  } catch (err) {
    let syncs = 1;
    try {
      const state = await look(context);
      syncs += 1;
      const gone = plan.oldSheets.some((s) => !state.sheets.has(s.id));
      await sendRequest(
        context,
        toRequest([makeUnit(gone ? forwardCommands(plan, state) : backCommands(plan, state))]),
      );
      syncs += 1;
      if (gone) return { syncs, state: 'finished' };
    } catch {
      // Recovery is best effort; the first error is the one to explain.
    }
    throw err;
  }
}
