/**
 * Layout as people see it (issue 19), measured in Chromium rather than judged by eye alone: no
 * step tab's label is ever cut (at 1024 px it read "2. Tạo sổ theo dõ"), selected or not, in
 * either language; at the pane's 350 px (and 320 px) the split step's buttons keep each label on
 * one line, the per-agency download buttons all alike; the check step's filters stay inside it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { parsePlan } from '../../src/plan/parse';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { writeXlsx } from '../../src/xlsx/write';
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

jest.setTimeout(300_000);

const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples', 'nq28-nam-dinh.txt'), 'utf8');

let server: StaticServer;
let browser: Browser;
let tmp: string;
let master: string;

beforeAll(async () => {
  ensureBuild();
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-layout-'));
  master = path.join(tmp, 'theo-doi-nq28.xlsx');
  const plan = parsePlan(SAMPLE);
  fs.writeFileSync(
    master,
    await writeXlsx(buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-06-14' })),
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function openPane(width: number, lang: 'vi' | 'en'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(server.url + 'taskpane.html');
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await page.getByRole('heading', { name: 'Theo dõi Kế hoạch' }).waitFor();
  if (lang === 'en') {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Plan Tracker' }).waitFor();
  }
  return page;
}

/**
 * The tabs whose label is cut: its text reaches past the tab's box, or the element holding it
 * holds more than it shows (the selection bar's slide is not text and is not measured).
 */
function cutTabs(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[role="tab"]')]
      .filter((tab) => {
        const box = tab.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(tab);
        const text = range.getBoundingClientRect();
        const holders = [...tab.querySelectorAll<HTMLElement>('*')].filter((el) =>
          [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()),
        );
        return (
          text.left < box.left - 0.5 ||
          text.right > box.right + 0.5 ||
          holders.some((el) => el.scrollWidth > el.clientWidth + 1)
        );
      })
      .map((tab) => tab.textContent ?? ''),
  );
}

/** How many lines the text of each element matching `selector` takes. */
function textLines(page: Page, selector: string): Promise<{ text: string; lines: number; width: number }[]> {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll<HTMLElement>(sel)].map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return {
        text: (el.textContent ?? '').trim(),
        lines: tops.size,
        width: el.getBoundingClientRect().width,
      };
    });
  }, selector);
}

describe.each([350, 1024, 1280])('the step tabs at %i px', (width) => {
  it.each(['vi', 'en'] as const)('are never cut, selected or not (%s)', async (lang) => {
    const page = await openPane(width, lang);
    const errors = watchErrors(page);
    const tabs = page.getByRole('tab');
    expect(await tabs.count()).toBe(5);
    for (let i = 0; i < 5; i++) {
      // The selected tab is drawn bolder, so wider: each is measured selected.
      await tabs.nth(i).click();
      expect(await cutTabs(page)).toEqual([]);
    }
    if (width === 1024 && lang === 'vi') await screenshot(page, 'tabs', 1024);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each([320, 350])('the split step at %i px', (width) => {
  it('keeps every button’s label on one line, the download buttons alike', async () => {
    const page = await openPane(width, 'vi');
    await page.getByRole('tab', { name: /Chia sẻ/ }).click();
    await page.getByTestId('share-file').setInputFiles(master);
    await page.getByRole('button', { name: 'Tạo sổ cho từng cơ quan' }).click();
    await page.getByTestId('split-files').waitFor();
    const actions = await textLines(page, '[aria-labelledby="split-title"] button');
    expect(actions.length).toBeGreaterThan(3);
    for (const b of actions) expect(b).toMatchObject({ lines: 1 });
    const downloads = await textLines(page, '[data-testid="split-files"] button');
    expect(new Set(downloads.map((d) => Math.round(d.width))).size).toBe(1);
    // Nothing runs past the pane's right edge.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'share-split', width, { scrollTo: '[data-testid="split-files"]' });
    await page.close();
  });
});

describe.each([320, 350])('the check step at %i px', (width) => {
  it('keeps its filters inside the pane, long agency names and all', async () => {
    const page = await openPane(width, 'vi');
    await page.getByRole('tab', { name: /Kiểm tra/ }).click();
    await page.getByTestId('check-file').setInputFiles(master);
    await page.getByRole('combobox', { name: 'Cơ quan chủ trì' }).waitFor();
    const sticking = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('select, [role="group"] *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((el) => el.tagName),
    );
    expect(sticking).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'check-filters', width);
    await page.close();
  });
});
