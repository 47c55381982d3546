/**
 * A strict stand-in for Excel on the web, for tests and benchmarks of src/excel.
 *
 * The add-in gets a real `Excel.RequestContext` from Microsoft's office.js (office-js.ts): every
 * proxy, `load`, PropertyNotLoaded error, API-set check and the JSON of every request are
 * office.js's own. Where office.js would hand the request to Excel, this double
 * - measures it: the UTF-8 bytes of the request text office.js built (RichApiMessageUtility),
 *   and of the response text it answers with;
 * - refuses what Excel on the web refuses: a request or a response over 5 MB (office.js then
 *   raises RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, through its own
 *   error mapping);
 * - executes the request against an in-memory workbook with Excel's rules (server.ts,
 *   workbook.ts).
 *
 * The host's API level is chosen per double (`api`), so code meant for Excel 2019 (ExcelApi 1.7)
 * meets office.js's own "ApiNotFound" when it calls something newer unguarded.
 */

import { type Bounds, parseA1 } from './a1';
import { officeJs, type RequestBody, type RequestMessage, type ResponseMessage } from './office-js';
import { type CommandRecord, executeRequest } from './server';
import {
  type Cell,
  ExcelError,
  type Raw,
  readInput,
  type Sheet,
  Workbook,
  type WorkbookState,
} from './workbook';

export type { Cell, CommandRecord, Raw, Sheet, WorkbookState };
export { ExcelError };

/** Excel on the web's limit for one request and one response (Microsoft: "5 MB"). */
export const PAYLOAD_LIMIT = 5_000_000;

export interface SyncRecord {
  index: number;
  /** Actions in the request (instantiations and loads included). */
  actions: number;
  /** Property writes and method calls that ran. */
  commands: number;
  /** UTF-8 bytes of the request text office.js serialised. */
  requestBytes: number;
  /** UTF-8 bytes of the response text. */
  responseBytes: number;
  /** Commands by kind, e.g. { "Range.values": 4, "Application.calculate": 1 }. */
  kinds: Record<string, number>;
  /** The error code the sync failed with, if it did. */
  error: string | null;
}

export interface StrictExcelOptions {
  /** Highest ExcelApi version the emulated host supports. Default "1.17". */
  api?: string;
  /** Further requirement sets the host lacks (e.g. "ExcelApiOnline"). */
  missingSets?: string[];
}

const utf8 = new TextEncoder();

function versionAtLeast(have: string, want: string): boolean {
  const [a, b] = have.split('.').map(Number);
  const [c, d] = want.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

export class StrictExcel {
  readonly book = new Workbook();
  readonly syncs: SyncRecord[] = [];
  readonly commands: CommandRecord[] = [];
  /** Makes the n-th sync (1-based) fail after `afterCommands` of its commands have run. */
  failAt: { sync: number; afterCommands: number; error: ExcelError } | null = null;
  /** Requests larger than this fail as Excel on the web fails them (null: no limit). */
  payloadLimit: number | null = PAYLOAD_LIMIT;
  /** Responses larger than this fail likewise (null: no limit). */
  responseLimit: number | null = PAYLOAD_LIMIT;
  readonly api: string;
  private readonly missing: Set<string>;
  readonly references = new Map<string, unknown>();
  private nextReference = 1;
  /** Requests Excel.run sends after a batch to release the ranges it kept (not the add-in's syncs). */
  readonly cleanupSyncs: SyncRecord[] = [];
  /** The text of the last request, as office.js serialised it. */
  lastRequestText = '';

  constructor(opts: StrictExcelOptions = {}) {
    this.api = opts.api ?? '1.17';
    this.missing = new Set(opts.missingSets ?? []);
  }

  get state(): WorkbookState {
    return this.book.state;
  }

  /** The host's answer to Office.context.requirements.isSetSupported (pass it to src/excel). */
  readonly support = (set: string, version: string): boolean => {
    if (this.missing.has(set)) return false;
    if (set === 'ExcelApi') return versionAtLeast(this.api, version);
    if (set === 'ExcelApiOnline' || set === 'ExcelApiUndo') return false;
    return true;
  };

  newReferenceId(): string {
    return `{ref-${String(this.nextReference++).padStart(8, '0')}}`;
  }

  private session(): object {
    const lib = officeJs();
    lib.setSupport(this.support);
    const { OfficeExtension } = lib;
    const executor = {
      executeAsync: (data: unknown, flags: number, msg: RequestMessage) => this.execute(data, flags, msg),
    };
    const Session = class extends (OfficeExtension.SessionBase as new () => object) {
      _resolveRequestUrlAndHeaderInfo() {
        return OfficeExtension.CoreUtility._createPromiseFromResult({
          url: 'strict-excel://workbook',
          headers: {},
        });
      }
      _createRequestExecutorOrNull() {
        return executor;
      }
    };
    return new Session();
  }

  /**
   * A request context as code inside Excel.run has it: office.js keeps every range it creates
   * (one `_KeepReference` action each), so ranges stay usable across syncs; nothing releases them.
   */
  get requestContext(): Excel.RequestContext {
    const ctx = new (officeJs().Excel.RequestContext)(this.session());
    (ctx as unknown as { _autoCleanup: boolean })._autoCleanup = true;
    return ctx;
  }

  /** office.js's own Excel.run on this workbook: the batch, its final sync and its clean-up. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const lib = officeJs() as unknown as { Excel: { run(session: object, b: typeof batch): Promise<T> } };
    return lib.Excel.run(this.session(), batch);
  }

  get maxRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  get maxResponseBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  private execute(customData: unknown, flags: number, message: RequestMessage): Promise<ResponseMessage> {
    const { OfficeExtension } = officeJs();
    const util = OfficeExtension.RichApiMessageUtility;
    const done = (r: ResponseMessage) => OfficeExtension.CoreUtility._createPromiseFromResult(r);
    // What office.js hands to the host: its own serialisation of the request.
    const parts = util.buildMessageArrayForIRequestExecutor(customData, flags, message, 'officejs');
    const text = parts.find((p) => typeof p === 'string' && p.startsWith('{')) as string;
    this.lastRequestText = text;
    const index = this.syncs.length + 1;
    const record: SyncRecord = {
      index,
      actions: 0,
      commands: 0,
      requestBytes: utf8.encode(text).length,
      responseBytes: 0,
      kinds: {},
      error: null,
    };
    this.syncs.push(record);
    if (this.payloadLimit !== null && record.requestBytes > this.payloadLimit) {
      record.error = 'RequestPayloadSizeLimitExceeded';
      return done(
        util.buildResponseOnError(
          util.OfficeJsErrorCode_ooeRequestPayloadSizeLimitExceeded,
          'The request payload size has exceeded the limit.',
        ),
      );
    }
    const body = JSON.parse(text) as RequestBody;
    record.actions = body.Actions.length;
    const cleanup =
      body.Actions.every((a) => a.ActionType !== 3 || a.Name === '_RemoveReference') &&
      body.Actions.some((a) => a.Name === '_RemoveReference');
    if (cleanup) {
      this.syncs.pop();
      this.cleanupSyncs.push(record);
    }
    const fail = this.failAt && this.failAt.sync === index ? this.failAt : null;
    const out = executeRequest(this, body, index, fail);
    for (const c of out.commands) {
      this.commands.push(c);
      record.kinds[c.kind] = (record.kinds[c.kind] ?? 0) + 1;
    }
    record.commands = out.commands.length;
    const answer: Record<string, unknown> = { Results: out.results };
    if (out.error) {
      record.error = out.error.code;
      answer.Error = {
        Code: out.error.code,
        Message: out.error.message,
        HttpStatusCode: 400,
        ActionIndex: out.error.actionIndex,
        Location: '',
      };
    }
    const responseText = JSON.stringify(answer);
    record.responseBytes = utf8.encode(responseText).length;
    if (this.responseLimit !== null && record.responseBytes > this.responseLimit) {
      record.error = 'ResponsePayloadSizeLimitExceeded';
      return done(
        util.buildResponseOnError(
          util.OfficeJsErrorCode_ooeResponsePayloadSizeLimitExceeded,
          'The response payload size has exceeded the limit.',
        ),
      );
    }
    return done(util.buildResponseOnSuccess(responseText, {}));
  }

  // ----- Host (server.ts)

  supports(set: string, version: string): boolean {
    return this.support(set, version);
  }

  // ----- test helpers: the workbook as a person leaves it, and as the add-in left it

  addSheet(name: string): Sheet {
    return this.book.addSheet(name);
  }

  sheetByName(name: string): Sheet | undefined {
    return this.book.sheetByName(name);
  }

  requireSheet(name: string): Sheet {
    return this.book.requireSheet(name);
  }

  cell(sheet: Sheet, r: number, c: number): Cell {
    return this.book.cell(sheet, r, c);
  }

  peek(sheet: Sheet, r: number, c: number): Cell | undefined {
    return this.book.peek(sheet, r, c);
  }

  /** Typing into a cell (Excel's reading of input, en-US). */
  writeInput(cell: Cell, input: unknown): void {
    readInput(cell, input);
  }

  /** Sets what a cell holds, as it is (text stays text, whatever it looks like). */
  setCell(sheet: string, address: string, value: Raw, numberFormat?: string): Cell {
    const b = this.bounds(address);
    const cell = this.book.cell(this.book.requireSheet(sheet), b.row, b.col);
    cell.value = value;
    cell.formula = null;
    if (numberFormat !== undefined) cell.numberFormat = numberFormat;
    return cell;
  }

  at(sheetName: string, address: string): Cell | undefined {
    const s = this.book.sheetByName(sheetName);
    if (!s) return undefined;
    const b = this.bounds(address);
    return this.book.peek(s, b.row, b.col);
  }

  valuesOf(sheetName: string, address: string): Raw[][] {
    const s = this.book.requireSheet(sheetName);
    const b = this.bounds(address);
    const out: Raw[][] = [];
    for (let r = 0; r < b.rows; r++) {
      const row: Raw[] = [];
      for (let c = 0; c < b.cols; c++) row.push(this.book.peek(s, b.row + r, b.col + c)?.value ?? null);
      out.push(row);
    }
    return out;
  }

  private bounds(address: string): Bounds {
    const b = parseA1(address);
    if (!b) throw new Error(`Bad address ${address}`);
    return b;
  }
}
