import { type Command, queueCommand, SheetCache } from './commands';
import { commandsBytes, REQUEST_BYTES } from './request-size';

/**
 * Commands grouped into requests: a request is everything queued between two `context.sync()`
 * calls, and Excel on the web refuses one above 5 MB (and a response above 5 MB). Writers cut
 * their work into units (commands that belong together, e.g. one block of rows), and the units
 * are spread over a fixed number of requests, balanced by size, each under the cap; more
 * requests are added only when the data cannot fit.
 */

export interface Unit {
  commands: Command[];
  /** Bytes office.js will send for the commands (request-size.ts). */
  bytes: number;
  /** Table rows the unit writes, for progress. */
  rows: number;
}

export function makeUnit(commands: Command[], rows = 0): Unit {
  return { commands, rows, bytes: commandsBytes(commands) };
}

/** Largest request built by default: well under the 5 MB limit, measured as office.js sends it. */
export const DEFAULT_MAX_REQUEST_BYTES = 3_500_000;

/**
 * Spreads units over exactly `k` batches (k ≥ wanted), balanced by size, none above `cap`.
 * Units keep their order. k grows only when the data cannot fit.
 */
export function partitionUnits<U extends { bytes: number }>(
  units: readonly U[],
  wanted: number,
  cap: number,
): U[][] {
  const total = units.reduce((s, u) => s + u.bytes, 0);
  const tooBig = units.find((u) => u.bytes > cap);
  if (tooBig) throw new Error(`A unit of ${tooBig.bytes} bytes cannot fit a request of ${cap}`);
  for (let k = Math.max(1, wanted); k <= units.length + wanted; k++) {
    const batches: U[][] = [];
    let cur: U[] = [];
    let curBytes = 0;
    let cum = 0;
    for (const u of units) {
      const boundary = (total * (batches.length + 1)) / k;
      if (cur.length && (curBytes + u.bytes > cap || cum + u.bytes / 2 > boundary)) {
        batches.push(cur);
        cur = [];
        curBytes = 0;
      }
      cur.push(u);
      curBytes += u.bytes;
      cum += u.bytes;
    }
    if (cur.length) batches.push(cur);
    if (batches.length <= k) {
      while (batches.length < k) batches.push([]);
      return batches;
    }
  }
  throw new Error('Cannot partition the commands into requests');
}

/** Units cut to fit: a unit over `max` bytes is split by `split` until it fits (or cannot be). */
export function fitUnits(units: readonly Unit[], max: number, split: (u: Unit) => Unit[] | null): Unit[] {
  const out: Unit[] = [];
  const visit = (u: Unit) => {
    const parts = u.bytes > max ? split(u) : null;
    if (parts && parts.length > 1) parts.forEach(visit);
    else out.push(u);
  };
  units.forEach(visit);
  return out;
}

export interface Request {
  commands: Command[];
  /** Planned bytes (request-size.ts), envelope included. */
  bytes: number;
  rows: number;
}

/** A batch of units as one request, with commands every request of the writer starts with. */
export function toRequest(units: readonly Unit[], prefix: readonly Command[] = []): Request {
  const head = prefix.length ? commandsBytes(prefix) : 0;
  return {
    commands: [...prefix, ...units.flatMap((u) => u.commands)],
    bytes: REQUEST_BYTES + head + units.reduce((s, u) => s + u.bytes, 0),
    rows: units.reduce((s, u) => s + u.rows, 0),
  };
}

/** Queues one request's commands (one sheet lookup per sheet) and syncs. */
export async function sendRequest(context: Excel.RequestContext, request: Request): Promise<void> {
  const sheets = new SheetCache(context);
  for (const c of request.commands) queueCommand(context, sheets, c);
  await context.sync();
}
