/**
 * The whole flow as a new user walks it in the standalone page, at 350 px (the Excel pane) and
 * 1280 px: keyboard only from pasting the plan to downloading the workbook, then check, summary
 * and share. axe-core runs at every step and must find nothing serious or critical; the
 * screenshots of each step are the README's (UPDATE_SCREENSHOTS=1 copies them to docs/).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { seriousViolations, type AxeProblem } from './axe';
import {
  DIST,
  ROOT,
  ensureBuild,
  launchBrowser,
  screenshot,
  serveStatic,
  watchErrors,
  type Browser,
  type StaticServer,
} from './harness';

jest.setTimeout(600_000);

const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples', 'nq28-nam-dinh.txt'), 'utf8');

let server: StaticServer;
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  ensureBuild();
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-a11y-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** What the focused element is called, as a screen reader would say it. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const label =
      el.getAttribute('aria-label') ??
      (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent);
    return (label || el.textContent || '').trim();
  });
}

/** Presses Tab until the focused element's name matches; fails after 60 presses. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

const found: Record<string, AxeProblem[]> = {};
async function audit(page: Page, step: string): Promise<void> {
  const v = await seriousViolations(page);
  if (v.length) found[step] = v;
}

describe.each([350, 1280])('the whole flow at %i px', (width) => {
  it('is keyboard-usable from plan to download and has no serious axe violation at any step', async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.url + 'taskpane.html');
    // A new user: no language chosen, no work kept from the run at the other width.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.getByRole('heading', { name: 'Theo dõi Kế hoạch' }).waitFor();
    await audit(page, `${width} start`);
    await screenshot(page, 'import-empty', width, { docs: true });

    // Keyboard only: into the text box, paste, Phân tích.
    await tabTo(page, /Nội dung Kế hoạch/);
    await page.keyboard.insertText(SAMPLE);
    await tabTo(page, /^Phân tích$/);
    await page.keyboard.press('Enter');
    await page.getByTestId('plan-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'preview-heading',
    );
    await audit(page, `${width} preview`);
    await screenshot(page, 'import-preview', width, {
      docs: true,
      scrollTo: '[data-testid="preview-heading"]',
    });

    // The review, from the keyboard; Esc closes it and the focus comes back to its button.
    await tabTo(page, /^Cần xem lại \(\d+\)$/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await audit(page, `${width} review dialog`);
    await screenshot(page, 'import-review', width, { docs: true });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await focusedName(page)).toMatch(/^Cần xem lại/);

    // To step 2 through the tab list, and download.
    await tabTo(page, /Tiếp tục/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Tải sổ theo dõi (.xlsx)' }).waitFor();
    await audit(page, `${width} build`);
    await tabTo(page, /^Tải sổ theo dõi/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^theo-doi-KH-28-NQ-TW-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = path.join(tmp, `${width}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    await page.getByText(/Đã tạo \d+ trang tính/).waitFor();
    await screenshot(page, 'build', width, { docs: true });

    // Check, summary and share on the downloaded workbook.
    await page.getByRole('tab', { name: /Kiểm tra/ }).click();
    await page.getByTestId('check-file').setInputFiles(file);
    await page.getByTestId('check-source').waitFor();
    await audit(page, `${width} check`);
    await screenshot(page, 'check', width, { docs: true });
    await page.getByRole('tab', { name: /Tổng hợp/ }).click();
    await page.waitForTimeout(500);
    await audit(page, `${width} summary`);
    await screenshot(page, 'summary', width, { docs: true });
    await page.getByRole('tab', { name: /Chia sẻ/ }).click();
    await page.getByRole('button', { name: 'Tạo sổ cho từng cơ quan' }).click();
    await page.getByTestId('split-files').waitFor();
    await audit(page, `${width} share`);
    await screenshot(page, 'share', width, { docs: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Plan Tracker' }).waitFor();
    await audit(page, `${width} english`);

    expect(found).toEqual({});
    expect(errors).toEqual([]);
    await page.close();
  });
});
