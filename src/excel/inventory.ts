/** What the workbook holds before we touch it: read once, in one sync, and passed around. */
export interface WorkbookInventory {
  /** `id` is Excel's own, stable across renames. */
  sheets: { name: string; visibility: string; id?: string }[];
  names: { name: string; formula: string }[];
}

export async function takeInventory(context: Excel.RequestContext): Promise<WorkbookInventory> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility');
  const names = context.workbook.names.load('items/name,items/formula');
  await context.sync();
  return {
    sheets: sheets.items.map((s) => ({ name: s.name, visibility: String(s.visibility) })),
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula) })),
  };
}

export function hasSheet(inv: WorkbookInventory, name: string): boolean {
  const k = name.toLocaleLowerCase();
  return inv.sheets.some((s) => s.name.toLocaleLowerCase() === k);
}

export function hasName(inv: WorkbookInventory, name: string): boolean {
  const k = name.toLowerCase();
  return inv.names.some((n) => n.name.toLowerCase() === k);
}
