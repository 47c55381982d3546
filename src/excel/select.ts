/**
 * "Go to cell" for the checker's findings, and a temporary highlight of the cells concerned.
 * The highlight remembers each cell's fill so that clearing it puts the sheet back as it was.
 */

export interface CellRef {
  sheet: string;
  /** A1 address on that sheet, e.g. "I12". */
  address: string;
}

/** One sync. */
export async function goToCell(context: Excel.RequestContext, cell: CellRef): Promise<void> {
  const ws = context.workbook.worksheets.getItem(cell.sheet);
  ws.activate();
  ws.getRange(cell.address).select();
  await context.sync();
}

export interface Highlight {
  cells: (CellRef & { previous: string | null })[];
}

const NO_FILL = '#FFFFFF';

/** Two syncs: read the current fills, then paint. */
export async function highlightCells(
  context: Excel.RequestContext,
  cells: readonly CellRef[],
  fill = '#FFD966',
): Promise<Highlight> {
  const fills = cells.map((c) => {
    const f = context.workbook.worksheets.getItem(c.sheet).getRange(c.address).format.fill;
    f.load('color');
    return f;
  });
  await context.sync();
  const previous = fills.map((f) => (f.color && f.color.toUpperCase() !== NO_FILL ? f.color : null));
  fills.forEach((f) => {
    f.color = fill;
  });
  await context.sync();
  return { cells: cells.map((c, i) => ({ ...c, previous: previous[i] })) };
}

/** One sync. */
export async function clearHighlight(context: Excel.RequestContext, highlight: Highlight): Promise<void> {
  for (const c of highlight.cells) {
    const f = context.workbook.worksheets.getItem(c.sheet).getRange(c.address).format.fill;
    if (c.previous) f.color = c.previous;
    else f.clear();
  }
  await context.sync();
}
