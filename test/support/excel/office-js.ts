/**
 * Microsoft's office.js, the Excel-on-the-web build, loaded into a sandbox so that the strict
 * double drives the real client library: the proxies, `load`, PropertyNotLoaded, the API-set
 * checks and above all the request serializer are Microsoft's code, not a model of it. Only the
 * transport is ours (strict-excel.ts): where office.js would hand the request to the host, the
 * double executes it against its workbook.
 *
 * The debug build is used because it is the readable one; it is the same library the add-in
 * loads from the CDN. Loaded once per process (about 150 ms).
 */
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';

/** The parts of office.js the double uses (typed loosely: they are Microsoft's internals). */
export interface OfficeJs {
  Excel: { RequestContext: new (session: unknown) => Excel.RequestContext };
  OfficeExtension: {
    SessionBase: new () => object;
    CoreUtility: { _createPromiseFromResult<T>(value: T): Promise<T> };
    RichApiMessageUtility: {
      buildMessageArrayForIRequestExecutor(
        customData: unknown,
        flags: number,
        message: RequestMessage,
        sourceLib: string,
      ): unknown[];
      buildResponseOnSuccess(body: string, headers: unknown): ResponseMessage;
      buildResponseOnError(code: number, message: string): ResponseMessage;
      OfficeJsErrorCode_ooeRequestPayloadSizeLimitExceeded: number;
      OfficeJsErrorCode_ooeResponsePayloadSizeLimitExceeded: number;
    };
    CommonUtility: { isSetSupported(set: string, version: string): boolean };
  };
  /** Which requirement sets the emulated host reports (office.js asks before many calls). */
  setSupport(check: (set: string, version: string) => boolean): void;
  /**
   * The ExcelApi version each member needs, as office.js itself declares it ("Range.autoFill" →
   * "1.9"): the host answers ApiNotFound for a member above its version.
   */
  apiVersions: ReadonlyMap<string, string>;
}

export interface RequestMessage {
  Url: string;
  Headers: Record<string, string>;
  Body: RequestBody;
}

export interface ResponseMessage {
  HttpStatusCode: number;
  ErrorCode: string | null;
  ErrorMessage: string | null;
  Headers: unknown;
  Body: unknown;
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[]; Skip?: number; Top?: number };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

let loaded: OfficeJs | null = null;

export function officeJs(): OfficeJs {
  if (loaded) return loaded;
  const file = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');
  const sandbox: Record<string, unknown> = {
    console: { log() {}, warn() {}, error() {}, info() {} },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
    // office.js's errors are then the add-in's kind of Error (one realm, as in a browser).
    Error,
    TypeError,
    RangeError,
    SyntaxError,
    ReferenceError,
    navigator: { userAgent: 'node' },
    location: { href: 'https://localhost/', search: '', hash: '', protocol: 'https:', host: 'localhost' },
    document: {
      readyState: 'complete',
      cookie: '',
      getElementsByTagName: () => [],
      createElement: () => ({ style: {}, setAttribute() {}, appendChild() {} }),
      addEventListener() {},
    },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  createContext(sandbox);
  const source = readFileSync(file, 'utf8');
  runInContext(source, sandbox, { filename: 'excel-web-16.00.debug.js' });
  const apiVersions = new Map<string, string>();
  const declared = /_throwIfApiNotSupported\("(\w+\.\w+)", _defaultApiSetName, "(1\.\d+)"/g;
  // Only the Excel namespace (other parts of the file declare other API sets under the same words).
  const excel = source.slice(source.indexOf('var _BeginExcel'), source.indexOf('var _EndExcel'));
  for (const m of excel.matchAll(declared)) apiVersions.set(m[1], m[2]);
  const lib = sandbox as unknown as Pick<OfficeJs, 'Excel' | 'OfficeExtension'>;
  // Outside a host, office.js answers every requirement-set question with "yes" (it reads
  // Office.context.requirements, which only a host sets up); the double answers for the host.
  let check: (set: string, version: string) => boolean = () => true;
  lib.OfficeExtension.CommonUtility.isSetSupported = (set, version) => check(set, version);
  loaded = {
    Excel: lib.Excel,
    OfficeExtension: lib.OfficeExtension,
    setSupport(fn) {
      check = fn;
    },
    apiVersions,
  };
  return loaded;
}
