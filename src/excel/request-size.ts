import { type Command, queueCommand, SheetCache } from './commands';

/**
 * What a command costs in a request, found by running the one executor (commands.ts) against a
 * meter instead of a request context: whatever the executor queues is what is counted, so the
 * size cannot drift from the calls.
 *
 * The meter counts the way office.js serialises a request (its RichApi message: a list of
 * actions and a map of object paths, as JSON): every object the executor touches is an object
 * path plus an "Instantiate" action; every property write or method call is one more action
 * carrying its arguments as JSON. The byte figures are upper bounds of what office.js writes for
 * each (ids of up to seven digits, the early-dispose "L" lists, punctuation) and are checked
 * against Microsoft's own serializer by the strict double (test/excel/request-size.test.ts).
 */

/**
 * An object reached through a navigation property: its object path and Instantiate action,
 * besides the property's name (measured: 124 bytes with two-digit ids; this allows seven).
 */
export const PROPERTY_OBJECT_BYTES = 155;
/** An object returned by a method: as above plus its arguments block, besides name and arguments. */
export const METHOD_OBJECT_BYTES = 185;
/** A SetProperty or Method action, besides its name and arguments (measured: 93; seven-digit ids). */
export const ACTION_BYTES = 105;
/**
 * Inside Excel.run office.js keeps every range it creates, so that it can be used after a sync:
 * one more action (_KeepReference) and one more Instantiate per range.
 */
export const KEEP_REFERENCE_BYTES = 175;
/** An object argument (a range passed to autoFill): its id and ReferencedObjectPathIds entry. */
export const OBJECT_ARGUMENT_BYTES = 40;
/** The request envelope and the paths every request repeats (workbook, worksheets, application). */
export const REQUEST_BYTES = 600;
/**
 * office.js splits a values / formulas / numberFormat write above this many cells into row
 * chunks, each one more range (getRow, getRow, getBoundingRect) and a size check
 * (setRangePropertiesInBulk in office.js). Writers keep their blocks under it.
 */
export const OFFICE_JS_BULK_CELLS = 1500;
const BULK_CHUNK_BYTES = 3 * (METHOD_OBJECT_BYTES + KEEP_REFERENCE_BYTES) + 2 * ACTION_BYTES + 60;

const encoder = new TextEncoder();
function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : encoder.encode(JSON.stringify(value)).length;
}

/** Methods that give back an object (a new object path) rather than only acting. */
const OBJECT_METHODS = new Set([
  'add',
  'getItem',
  'getItemOrNullObject',
  'getItemAt',
  'getRange',
  'getRangeByIndexes',
  'getCell',
  'getOffsetRange',
  'getResizedRange',
  'getUsedRange',
  'getUsedRangeOrNullObject',
  'getHeaderRowRange',
  'getDataBodyRange',
]);
/** Methods whose object is a Range. */
const RANGE_METHODS = new Set([
  'getRange',
  'getRangeByIndexes',
  'getCell',
  'getOffsetRange',
  'getResizedRange',
  'getUsedRange',
  'getUsedRangeOrNullObject',
  'getHeaderRowRange',
  'getDataBodyRange',
]);
const GRID_PROPS = new Set(['values', 'formulas', 'numberFormat']);

const METER = Symbol('meter');

class Meter {
  bytes = 0;
  object(name: string, args: unknown[] | null): unknown {
    this.bytes +=
      args === null
        ? PROPERTY_OBJECT_BYTES + name.length
        : METHOD_OBJECT_BYTES + name.length + jsonBytes(args);
    return this.proxy();
  }
  action(name: string, args: unknown[]): void {
    this.bytes += ACTION_BYTES + name.length;
    for (const a of args) {
      if (a && typeof a === 'function' && (a as unknown as { [METER]?: true })[METER])
        this.bytes += OBJECT_ARGUMENT_BYTES;
      else this.bytes += jsonBytes(a) + 1;
    }
  }
  write(name: string, value: unknown): void {
    this.action(name, [value]);
    if (GRID_PROPS.has(name) && Array.isArray(value) && Array.isArray(value[0])) {
      const cells = value.length * (value[0] as unknown[]).length;
      if (cells > OFFICE_JS_BULK_CELLS) {
        const rowsPerChunk = Math.max(1, Math.round(OFFICE_JS_BULK_CELLS / (value[0] as unknown[]).length));
        this.bytes += Math.ceil(value.length / rowsPerChunk) * BULK_CHUNK_BYTES;
      }
    }
  }
  /** An office.js object: navigation properties are objects (made once), calls are actions or objects. */
  proxy(): unknown {
    const children = new Map<string, unknown>();
    const target = function () {} as unknown as Record<string | symbol, unknown>;
    target[METER] = true;
    return new Proxy(target, {
      get: (_t, prop) => {
        if (prop === METER) return true;
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        let child = children.get(prop);
        if (!child) {
          child = this.member(prop);
          children.set(prop, child);
        }
        return child;
      },
      set: (_t, prop, value) => {
        this.write(String(prop), value);
        return true;
      },
    });
  }
  /** A member reached by name: called, it is a method; used as an object, a navigation property. */
  private member(name: string): unknown {
    let navigated: unknown = null;
    const navigate = () => {
      if (navigated === null) navigated = this.object(name, null);
      return navigated as Record<string, unknown>;
    };
    const target = function () {} as unknown as Record<string | symbol, unknown>;
    return new Proxy(target, {
      apply: (_t, _this, args: unknown[]) => {
        if (RANGE_METHODS.has(name)) this.bytes += KEEP_REFERENCE_BYTES;
        if (OBJECT_METHODS.has(name)) return this.object(name, args);
        this.action(name, args);
        return this.proxy();
      },
      get: (_t, prop) => (prop === METER ? true : navigate()[prop as string]),
      set: (_t, prop, value) => {
        navigate()[prop as string] = value;
        return true;
      },
    });
  }
}

/**
 * Bytes office.js puts on the wire for these commands queued together (an upper bound, without
 * the request envelope): a sheet is looked up once for all of them, as the executor does.
 */
export function commandsBytes(commands: readonly Command[]): number {
  const meter = new Meter();
  const ctx = { workbook: meter.proxy() } as unknown as Excel.RequestContext;
  const sheets = new SheetCache(ctx);
  for (const c of commands) queueCommand(ctx, sheets, c);
  return meter.bytes;
}

/** Bytes of one request carrying these commands (an upper bound). */
export function requestBytes(commands: readonly Command[]): number {
  return REQUEST_BYTES + commandsBytes(commands);
}
