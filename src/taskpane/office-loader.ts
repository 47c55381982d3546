/**
 * office.js, loaded without holding the page: a parser-blocking <script> in <head> keeps the
 * first paint waiting on Microsoft's CDN, and a CDN that never answers (a filtered office
 * network) keeps it waiting for ever. The page paints first; office.js comes when it comes.
 */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** How long the pane waits for office.js before it settles as a standalone page. */
export const OFFICE_JS_TIMEOUT_MS = 10_000;

/**
 * Adds the office.js script and answers when it has loaded (true), failed or taken longer than
 * `timeoutMs` (false). A script that arrives after the timeout still calls `onLate`, so a slow
 * network inside Excel ends up in Excel mode all the same.
 */
export function loadOfficeJs(
  opts: { url?: string; timeoutMs?: number; onLate?: () => void; doc?: Document } = {},
): Promise<boolean> {
  const doc = opts.doc ?? document;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(ok);
    };
    const timer = setTimeout(() => settle(false), opts.timeoutMs ?? OFFICE_JS_TIMEOUT_MS);
    const script = doc.createElement('script');
    script.src = opts.url ?? OFFICE_JS_URL;
    script.async = true;
    script.addEventListener('load', () => {
      if (settled) opts.onLate?.();
      else settle(true);
    });
    script.addEventListener('error', () => settle(false));
    doc.head.appendChild(script);
  });
}
