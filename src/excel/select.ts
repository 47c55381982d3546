import {
  DEFAULT_MAX_REQUEST_BYTES,
  makeUnit,
  partitionUnits,
  type Request,
  sendRequest,
  toRequest,
  type Unit,
} from './batches';
import { type Command, queueCommand, SheetCache } from './commands';

/**
 * "Go to cell" for the checker's findings, and a temporary highlight of the cells concerned.
 * The highlight remembers each cell's fill so that clearing it puts the sheet back as it was.
 *
 * A highlight touches every cell on its own (each keeps its own previous fill), about 0.8 KB of
 * request per cell as office.js sends it: some 6,000 cells fill a 5 MB request. Reading the
 * fills, painting and clearing are therefore cut into requests under the cap like every other
 * writer (batches.ts): two syncs for a few thousand cells, more only past the cap.
 */

export interface CellRef {
  sheet: string;
  /** A1 address on that sheet, e.g. "I12". */
  address: string;
}

export interface Highlight {
  cells: (CellRef & { previous: string | null })[];
}

export interface HighlightOptions {
  /** Largest request built. Default 3,500,000 bytes. */
  maxRequestBytes?: number;
}

const NO_FILL = '#FFFFFF';
/** Cells per unit: small enough to balance, large enough to keep measuring cheap. */
const CELLS_PER_UNIT = 100;
/**
 * Response bytes per cell read: the fill's colour and the identities office.js asks back for the
 * four objects on the way (sheet, range, format, fill), the kept range's reference id included.
 */
const READ_RESPONSE_BYTES_PER_CELL = 320;
const MAX_RESPONSE_BYTES = 3_500_000;

/** One sync. */
export async function goToCell(context: Excel.RequestContext, cell: CellRef): Promise<void> {
  const ws = context.workbook.worksheets.getItem(cell.sheet);
  ws.activate();
  ws.getRange(cell.address).select();
  await context.sync();
}

/** Commands cut into requests under the cap (and `perRequest` units at most). */
function requests(commands: Command[], cap: number, perRequest = Infinity): Request[] {
  const units: Unit[] = [];
  for (let i = 0; i < commands.length; i += CELLS_PER_UNIT)
    units.push(makeUnit(commands.slice(i, i + CELLS_PER_UNIT)));
  const bySize = partitionUnits(units, 1, cap - toRequest([]).bytes);
  return bySize.flatMap((batch) => {
    const out: Request[] = [];
    for (let i = 0; i < batch.length; i += perRequest) out.push(toRequest(batch.slice(i, i + perRequest)));
    return out;
  });
}

/** Reads the current fills, then paints: two syncs up to a few thousand cells. */
export async function highlightCells(
  context: Excel.RequestContext,
  cells: readonly CellRef[],
  fill = '#FFD966',
  opts: HighlightOptions = {},
): Promise<Highlight> {
  const cap = opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const reads: Command[] = cells.map((c) => ({ op: 'loadFill', sheet: c.sheet, address: c.address }));
  // The answers weigh too: a request never asks for more fills than one response may carry.
  const unitsPerResponse = Math.max(
    1,
    Math.floor(MAX_RESPONSE_BYTES / (READ_RESPONSE_BYTES_PER_CELL * CELLS_PER_UNIT)),
  );
  const previous: (string | null)[] = [];
  for (const request of requests(reads, cap, unitsPerResponse)) {
    const sheets = new SheetCache(context);
    const fills = request.commands.map((c) => queueCommand(context, sheets, c) as Excel.RangeFill);
    // Each request stays under the cap: the loop runs once per ~3.5 MB of cells.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const f of fills) previous.push(f.color && f.color.toUpperCase() !== NO_FILL ? f.color : null);
  }
  const paint: Command[] = cells.map((c) => ({
    op: 'format',
    sheet: c.sheet,
    address: c.address,
    prop: 'fill.color',
    value: fill,
  }));
  for (const request of requests(paint, cap)) await sendRequest(context, request);
  return { cells: cells.map((c, i) => ({ ...c, previous: previous[i] })) };
}

/** One sync up to a few thousand cells. */
export async function clearHighlight(
  context: Excel.RequestContext,
  highlight: Highlight,
  opts: HighlightOptions = {},
): Promise<void> {
  const cap = opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const commands: Command[] = highlight.cells.map((c) =>
    c.previous
      ? { op: 'format', sheet: c.sheet, address: c.address, prop: 'fill.color', value: c.previous }
      : { op: 'clearFill', sheet: c.sheet, address: c.address },
  );
  for (const request of requests(commands, cap)) await sendRequest(context, request);
}
