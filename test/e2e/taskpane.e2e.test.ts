/**
 * The built task pane in headless Chromium, outside Office: it must render in Vietnamese, switch
 * to English, say it is a standalone page, and survive office.js failing to load.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import {
  DIST,
  ensureBuild,
  launchBrowser,
  screenshot,
  serveStatic,
  watchErrors,
  type Browser,
  type StaticServer,
} from './harness';

jest.setTimeout(300_000);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  ensureBuild();
  server = await serveStatic(DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(b: Browser = browser): Promise<{ page: Page; errors: string[] }> {
  const page = await b.context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + 'taskpane.html');
  return { page, errors };
}

describe('the built task pane', () => {
  it('emits taskpane.html, hashed bundles, the manifest and the icons', () => {
    const files = fs.readdirSync(DIST);
    expect(files).toContain('taskpane.html');
    expect(files.some((f) => /^taskpane\.[0-9a-f]{8,}\.js$/.test(f))).toBe(true);
    const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(html).toMatch(/http-equiv="?Content-Security-Policy/);
    for (const size of [16, 32, 64, 80, 128])
      expect(fs.existsSync(path.join(DIST, 'assets', `icon-${size}.png`))).toBe(true);
    const manifest = fs.readFileSync(path.join(DIST, 'manifest.xml'), 'utf8');
    // The production build points the manifest away from the dev server.
    expect(manifest).not.toContain('https://localhost:3000');
  });

  it('renders the Vietnamese UI in standalone mode, with office.js served locally', async () => {
    const { page, errors } = await open();
    await expect(page.getByRole('heading', { name: 'Theo dõi Kế hoạch' }).waitFor()).resolves.toBeUndefined();
    const mode = page.getByTestId('mode');
    await page.waitForSelector('[data-testid="mode"][data-mode="browser"]');
    expect(await mode.innerText()).toContain('Trang độc lập (trình duyệt)');
    expect(await page.getByRole('tab', { name: /Nhập kế hoạch/ }).isVisible()).toBe(true);
    expect(await page.getByRole('tab', { name: /Tạo sổ theo dõi/ }).isVisible()).toBe(true);
    // office.js really loaded (from the intercepted CDN URL) and reported no host.
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe(
      'object',
    );
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    // The CSP is in force: only this origin and the Office CDN may run scripts, no eval.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    // An injected inline script must not run (evaluate() itself is exempt, what it inserts is not).
    const ran = await page.evaluate(() => {
      const w = window as unknown as { inlineRan?: boolean };
      const el = document.createElement('script');
      el.textContent = 'window.inlineRan = true;';
      document.head.appendChild(el);
      return Boolean(w.inlineRan);
    });
    expect(ran).toBe(false);
    await screenshot(page, 'shell-vi', 320);
    await screenshot(page, 'shell-vi', 800);
    expect(errors.filter((e) => !/inlineRan|Content Security Policy/.test(e))).toEqual([]);
    expect(errors.some((e) => /Content Security Policy/.test(e))).toBe(true);
    await page.close();
  });

  it('switches to English and back', async () => {
    const { page, errors } = await open();
    await page.getByRole('heading', { name: 'Theo dõi Kế hoạch' }).waitFor();
    await page.waitForSelector('[data-testid="mode"][data-mode="browser"]');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Plan Tracker' }).waitFor();
    expect(await page.getByTestId('mode').innerText()).toContain('Standalone page (browser)');
    expect(await page.getByRole('tab', { name: /Import plan/ }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('body').innerText()).not.toContain('Nhập kế hoạch');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Plan Tracker');
    await screenshot(page, 'shell-en', 320);
    await screenshot(page, 'shell-en', 800);
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Theo dõi Kế hoạch' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('remembers the chosen language on the next visit', async () => {
    const first = await open();
    await first.page.getByRole('button', { name: 'English' }).click();
    await first.page.getByRole('heading', { name: 'Plan Tracker' }).waitFor();
    await first.page.close();
    const second = await open();
    await second.page.getByRole('heading', { name: 'Plan Tracker' }).waitFor();
    await second.page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await second.page.close();
  });

  it('still renders when office.js cannot be loaded (no internet)', async () => {
    const offline = await launchBrowser({ officeJsFails: true });
    try {
      const { page } = await open(offline);
      await page.getByRole('heading', { name: 'Theo dõi Kế hoạch' }).waitFor();
      await page.waitForSelector('[data-testid="mode"][data-mode="browser"]');
      expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe(
        'undefined',
      );
      await page.close();
    } finally {
      await offline.close();
    }
  });

  it('is usable within a second when the office.js CDN never answers', async () => {
    const hung = await launchBrowser({ officeJsHangs: true });
    try {
      const page = await hung.context.newPage();
      const errors = watchErrors(page);
      // A parser-blocking office.js would hold DOMContentLoaded, and the page, for ever.
      await page.goto(server.url + 'taskpane.html', { waitUntil: 'domcontentloaded', timeout: 10_000 });
      await page.getByRole('heading', { name: 'Theo dõi Kế hoạch' }).waitFor({ timeout: 1_000 });
      const box = page.getByRole('textbox', { name: 'Nội dung Kế hoạch' });
      await box.waitFor({ timeout: 1_000 });
      expect(await box.isEditable()).toBe(true);
      expect(hung.hanging.length).toBeGreaterThan(0);
      // Files work while Office is still being looked for; then it settles as a standalone page.
      await page.waitForSelector('[data-testid="mode"][data-mode="browser"]', { timeout: 30_000 });
      expect(errors.filter((e) => !/office\.js/.test(e))).toEqual([]);
      await page.close();
    } finally {
      await hung.close();
    }
  });

  it('made no request beyond 127.0.0.1 and office.js', () => {
    expect(browser.external).toEqual([]);
  });
});
