/**
 * A master of many plans in the standalone page, in headless Chromium (issue 17), at 350 px (the
 * Excel pane) and 1280 px: a master of one real plan is loaded, a second plan pasted and added to
 * it ("Thêm vào sổ đang mở"), then the spellings of one department that the two plans write
 * differently are merged in the summary step. Each download is read back; axe-core finds nothing
 * serious or critical at either step; the screenshots are looked at by a person.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { trackingFileSpec } from '../../src/app/build';
import { parsePlan } from '../../src/plan/parse';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
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

const REAL = path.join(ROOT, 'test', 'fixtures', 'real');
const HA_TINH = fs.readFileSync(path.join(REAL, 'ha-tinh-624-kh-ubnd-2025.txt'), 'utf8');
const DONG_THAP = fs.readFileSync(path.join(REAL, 'dong-thap-552-kh-ubnd-2025.txt'), 'utf8');
const VH_FULL = 'Sở Văn hóa, Thể thao và Du lịch';
const VH_SHORT = 'Sở Văn hoá Thể thao du lịch';

let server: StaticServer;
let browser: Browser;
let tmp: string;
let master: string;

beforeAll(async () => {
  ensureBuild();
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-portfolio-'));
  master = path.join(tmp, 'so-tong.xlsx');
  const spec = await trackingFileSpec({
    plan: parsePlan(HA_TINH),
    sourceText: HA_TINH,
    lang: 'vi',
    reportDate: '2025-09-30',
  });
  fs.writeFileSync(master, await writeXlsx(spec));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe.each([350, 1280])('a second plan and its agencies at %i px', (width) => {
  it('adds the plan to the loaded master, merges the department’s two spellings, with no serious axe violation', async () => {
    const found: Record<string, AxeProblem[]> = {};
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.url + 'taskpane.html');
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.getByRole('heading', { name: 'Theo dõi Kế hoạch' }).waitFor();

    // The master is loaded in the page (the Check step's file), then the second plan is pasted.
    await page.getByRole('tab', { name: /Kiểm tra/ }).click();
    await page.getByTestId('check-file').setInputFiles(master);
    await page.getByTestId('check-source').waitFor();
    await page.getByRole('tab', { name: /Nhập kế hoạch/ }).click();
    await page.getByRole('textbox', { name: 'Nội dung Kế hoạch' }).fill(DONG_THAP);
    await page.getByRole('button', { name: 'Phân tích' }).click();
    const panel = page.getByTestId('add-master');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Sổ tổng so-tong.xlsx đang mở trong trang (1 kế hoạch');
    const add = page.getByRole('button', { name: 'Thêm vào sổ đang mở' });
    await add.scrollIntoViewIfNeeded();
    const v1 = await seriousViolations(page);
    if (v1.length) found.add = v1;
    await screenshot(page, 'add-master', width, { scrollTo: '[data-testid="add-master"]' });

    const [added] = await Promise.all([page.waitForEvent('download'), add.click()]);
    expect(added.suggestedFilename()).toBe('so-tong - thêm KH552.xlsx');
    const addedFile = path.join(tmp, `${width}-added.xlsx`);
    await added.saveAs(addedFile);
    await panel.getByText(/^Đã thêm kế hoạch 552\/KH-UBND/).waitFor();
    const two = await readTrackingWorkbook(fs.readFileSync(addedFile));
    expect(two.meta?.plans).toHaveLength(2);

    // The summary of the new master offers the department's two spellings as one agency.
    await page.getByRole('tab', { name: /Tổng hợp/ }).click();
    const aliases = page.getByTestId('agency-aliases');
    await aliases.waitFor();
    const group = aliases.getByTestId('alias-group').filter({ hasText: VH_SHORT });
    await group.getByRole('radio', { name: new RegExp(`^${VH_FULL} \\(\\d+ nhiệm vụ\\)$`) }).check();
    const v2 = await seriousViolations(page);
    if (v2.length) found.aliases = v2;
    await screenshot(page, 'agency-aliases', width, { scrollTo: '[data-testid="agency-aliases"]' });
    const [merged] = await Promise.all([
      page.waitForEvent('download'),
      group.getByRole('button', { name: 'Gộp thành một cơ quan' }).click(),
    ]);
    expect(merged.suggestedFilename()).toBe('so-tong - gộp cơ quan.xlsx');
    const mergedFile = path.join(tmp, `${width}-merged.xlsx`);
    await merged.saveAs(mergedFile);
    await aliases.getByText(/^Đã gộp /).waitFor();
    const one = await readTrackingWorkbook(fs.readFileSync(mergedFile));
    expect(one.meta?.agencyAliases).toEqual([{ from: VH_SHORT, to: VH_FULL }]);
    // The pane's summary now has one row for the department.
    const names = await page
      .getByTestId('agency-summary')
      .locator('li > div > span:first-child')
      .allTextContents();
    expect(names).toContain(VH_FULL);
    expect(names).not.toContain(VH_SHORT);
    await screenshot(page, 'agency-aliases-done', width, { scrollTo: '[data-testid="agency-aliases"]' });

    expect(found).toEqual({});
    expect(errors).toEqual([]);
    await page.close();
  });
});
