/**
 * Where the pane runs: inside Excel (which ExcelApi version) or as a standalone page. It reads
 * only the Office environment (onReady, display language, theme, requirement sets) and is small,
 * so the pane loads it up front; it lives here because src/excel is the only office-js code.
 */

import { msg, type Msg } from '../model/msg';

export type HostMode = 'excel' | 'browser';

export interface HostInfo {
  mode: HostMode;
  /** Highest supported ExcelApi version ("1.8"…"1.17"), or null outside Excel. */
  excelApi: string | null;
  /** Office's UI language ("vi-VN", "en-US"), or null outside Office. */
  displayLanguage: string | null;
  /** True when Office's theme has a dark background. */
  dark: boolean;
}

export const BROWSER_HOST: HostInfo = { mode: 'browser', excelApi: null, displayLanguage: null, dark: false };

/** How long to wait for office.js before treating the page as standalone. */
export const OFFICE_READY_TIMEOUT_MS = 4000;

/**
 * The lowest ExcelApi the add-in asks for (manifest.xml's Requirements; test/manifest.test.ts
 * keeps the two equal). 1.7 is what drawing the workbook needs (frozen panes, tab colours,
 * reading names' formulas, chart axis labels) and what Office 2019 volume-licensed stops at, the
 * Excel many offices run; what needs more is asked at run time (see ExcelFeatures). Excel 2016
 * MSI (ExcelApi 1.1) never loads the add-in: the standalone page and its .xlsx serve it.
 */
export const MIN_EXCEL_API = '1.7';

/** What the host's ExcelApi version allows beyond the minimum (the README's table of versions). */
export interface ExcelFeatures {
  /** Dropdown lists and date/number checks on entry (data validation, ExcelApi 1.8). */
  dropdowns: boolean;
  /** PivotTables (ExcelApi 1.8); without them the formula summary sheet stands in. */
  pivots: boolean;
  /** Row formulas filled down in one command and screen updating paused (ExcelApi 1.9). */
  fillDown: boolean;
}

export function excelFeatures(host: HostInfo): ExcelFeatures {
  const at = (v: string) => host.mode === 'excel' && excelApiAtLeast(host.excelApi, v);
  return { dropdowns: at('1.8'), pivots: at('1.8'), fillDown: at('1.9') };
}

/** The versions probed, newest last. */
const EXCEL_API_VERSIONS = Array.from({ length: 17 }, (_, i) => `1.${i + 1}`);

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

/** "#1f1f1f" → true. Colours Office reports are hex; anything unreadable counts as light. */
export function isDarkColor(color: string | undefined | null): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec((color ?? '').trim());
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

function highestExcelApi(office: typeof Office): string | null {
  const req = office.context?.requirements;
  if (!req) return null;
  let best: string | null = null;
  for (const v of EXCEL_API_VERSIONS) {
    if (req.isSetSupported('ExcelApi', v)) best = v;
  }
  return best;
}

function describe(office: typeof Office, host: Office.HostType | null): HostInfo {
  if (host !== office.HostType.Excel) return BROWSER_HOST;
  let dark = false;
  try {
    dark = isDarkColor(office.context.officeTheme?.bodyBackgroundColor);
  } catch {
    // officeTheme throws on hosts that do not support it; keep the light theme.
  }
  return {
    mode: 'excel',
    excelApi: highestExcelApi(office),
    displayLanguage: office.context.displayLanguage ?? null,
    dark,
  };
}

/**
 * Resolves once Office says it is ready, or after the timeout, or at once when office.js did not
 * load (no internet). Never rejects: a standalone page is always a valid answer.
 */
export function detectHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<HostInfo> {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== 'function') return Promise.resolve(BROWSER_HOST);
  return new Promise<HostInfo>((resolve) => {
    const timer = setTimeout(() => resolve(BROWSER_HOST), timeoutMs);
    office
      .onReady()
      .then((info) => {
        clearTimeout(timer);
        resolve(describe(office, info.host ?? null));
      })
      .catch(() => {
        clearTimeout(timer);
        resolve(BROWSER_HOST);
      });
  });
}

/** True when the ExcelApi version is at least `min` (both "1.x"). */
export function excelApiAtLeast(version: string | null, min: string): boolean {
  if (!version) return false;
  const [a, b] = version.split('.').map(Number);
  const [c, d] = min.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

/** What the pane says where the open workbook cannot be copied, and how to go on. */
export const NO_OPEN_WORKBOOK_COPY: Msg = msg(
  'Excel ở đây không cho add-in lấy bản sao của sổ đang mở (thường gặp khi sổ mở trên web từ kho lưu trữ ' +
    'không phải OneDrive hay SharePoint). Hãy lưu một bản sao (Tệp › Lưu bản sao, hoặc Tải xuống) rồi bấm ' +
    '"Chọn sổ theo dõi (.xlsx)…" để dùng tệp đó.',
  'This Excel does not let the add-in copy the open workbook (common on the web when the file comes from ' +
    'storage other than OneDrive or SharePoint). Save a copy (File › Save a Copy, or Download), then press ' +
    '"Choose a tracking workbook (.xlsx)…" and pick it.',
);

/**
 * Whether Office can hand the add-in a copy of the open workbook as .xlsx
 * (`getFileAsync(Office.FileType.Compressed)`, requirement set CompressedFile). Not every host
 * can: Excel 2016 MSI lacks it (OfficeDev/office-js#33), and Excel on the web serving a file
 * from a third-party WOPI store fails it (office-js#5297). Where it is missing the pane says so
 * and offers the file picker; where it is present but fails, readOpenWorkbookBytes says the same.
 */
export function canCopyOpenWorkbook(): boolean {
  const office = officeGlobal();
  const requirements = office?.context?.requirements;
  if (!office || !requirements) return false;
  try {
    return (
      requirements.isSetSupported('CompressedFile') &&
      typeof office.context.document?.getFileAsync === 'function' &&
      office.FileType?.Compressed !== undefined
    );
  } catch {
    return false;
  }
}
