/**
 * Shared set-up for the browser tests: a fresh production build of the task pane, a tiny static
 * server on 127.0.0.1, and Debian's Chromium driven by playwright-core with an empty profile.
 * office.js is answered from node_modules (the page asks Microsoft's CDN for it) and every other
 * request that leaves 127.0.0.1 is refused and recorded, so the tests also prove "no network".
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../support/project-root';

export const ROOT = PROJECT_ROOT;
export const DIST = path.join(ROOT, 'dist');
export const SCREENSHOTS = path.join(ROOT, 'test', 'output', 'screenshots');
export const DOC_SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
const OFFICE_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newestMtime(path.join(p, name))), st.mtimeMs);
}

function distIsFresh(): boolean {
  const built = newestMtime(path.join(DIST, 'taskpane.html'));
  const inputs = Math.max(
    newestMtime(path.join(ROOT, 'src')),
    newestMtime(path.join(ROOT, 'assets')),
    newestMtime(path.join(ROOT, 'manifest.xml')),
    newestMtime(path.join(ROOT, 'webpack.config.js')),
  );
  return built > inputs;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/ unless it is newer than every input (test-all.sh builds just before Jest). Jest
 * runs test files in parallel workers, so a lock directory keeps two of them from building into
 * the same dist/ at once; the loser waits and then finds the build fresh.
 */
export function ensureBuild(): void {
  if (distIsFresh()) return;
  const lock = path.join(ROOT, 'test', 'output', '.build-lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than the build timeout was left by a killed run.
      if (Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 300_000)
        fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another test to build dist/');
      sleep(500);
    }
  }
  try {
    if (distIsFresh()) return;
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'],
      {
        cwd: ROOT,
        stdio: 'pipe',
        timeout: 300_000,
      },
    );
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves a folder read-only; only GET/HEAD, only files inside the folder. */
export function serveStatic(dir: string): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.normalize(path.join(dir, pathname === '/' ? 'taskpane.html' : pathname));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

export interface Browser {
  context: BrowserContext;
  /** Requests that tried to leave 127.0.0.1 (other than office.js, which is served locally). */
  external: string[];
  /** office.js requests left unanswered (officeJsHangs). */
  hanging: string[];
  close: () => Promise<void>;
}

export interface BrowserOptions {
  /** Simulate no internet: office.js fails to load. */
  officeJsFails?: boolean;
  /** Simulate a CDN that never answers: the office.js request stays open. */
  officeJsHangs?: boolean;
}

export async function launchBrowser(opts: BrowserOptions = {}): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 800, height: 900 },
    locale: 'vi-VN',
  });
  const external: string[] = [];
  const hanging: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('http://127.0.0.1:') || url.startsWith('blob:') || url.startsWith('data:'))
      return route.continue();
    if (url.startsWith(OFFICE_CDN) && opts.officeJsHangs) {
      hanging.push(url);
      return new Promise<void>(() => undefined);
    }
    if (url.startsWith(OFFICE_CDN) && !opts.officeJsFails) {
      const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
      const file = path.normalize(path.join(OFFICE_DIST, rel));
      if (file.startsWith(OFFICE_DIST + path.sep) && fs.existsSync(file)) {
        return route.fulfill({
          status: 200,
          contentType: 'text/javascript; charset=utf-8',
          body: fs.readFileSync(file),
        });
      }
      return route.fulfill({ status: 404, body: '' });
    }
    if (!url.startsWith(OFFICE_CDN)) external.push(url);
    return route.abort('internetdisconnected');
  });
  return {
    context,
    external,
    hanging,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * office.js, loaded outside Office, tries to frame Microsoft's telemetry page; the page's CSP
 * blocks it (no network beyond office.js itself). That refusal is expected, not an error.
 */
const EXPECTED_CSP_BLOCK =
  /Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy/;

/** Collects page errors and console errors (except the expected telemetry refusal) for a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !EXPECTED_CSP_BLOCK.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export interface ScreenshotOptions {
  /** Also copy it to docs/screenshots for the README (only when UPDATE_SCREENSHOTS=1, so a test run leaves the tree clean). */
  docs?: boolean;
  /** Scroll this selector to the top of the viewport first. */
  scrollTo?: string;
  /** The whole page instead of the viewport (900 px high). */
  fullPage?: boolean;
}

/** Saves a screenshot at the given width into test/output/screenshots (and docs/ when asked). */
export async function screenshot(
  page: Page,
  name: string,
  width: number,
  opts: ScreenshotOptions = {},
): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize({ width, height: 900 });
  if (opts.scrollTo) {
    await page
      .locator(opts.scrollTo)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  } else {
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  // Let layout settle after the resize (Fluent re-measures overflow on resize).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const file = path.join(SCREENSHOTS, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: Boolean(opts.fullPage) });
  if (opts.docs && process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(DOC_SCREENSHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(DOC_SCREENSHOTS, `${name}-${width}.png`));
  }
  return file;
}
