/**
 * Where the pane runs: inside Excel (which ExcelApi version) or as a standalone page. It reads
 * only the Office environment (onReady, display language, theme, requirement sets) and is small,
 * so the pane loads it up front; it lives here because src/excel is the only office-js code.
 */

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

/** The versions probed, newest last. The pane needs 1.8 for validation and PivotTables. */
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
