/**
 * The standalone page's workflow in headless Chromium, on the real sample plan: paste it, see its
 * parts and agency groups, fix a deadline, download the workbook (verified with ExcelJS), check
 * the downloaded workbook, and load the same plan from a .docx.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { agencyKey } from '../../src/plan/agency';
import { parsePlan } from '../../src/plan/parse';
import { readEntries } from '../../src/tracking/entries';
import { periodContaining } from '../../src/tracking/periods';
import { summarize } from '../../src/tracking/summary';
import { checkTracking } from '../../src/tracking/check';
import { serialToIso } from '../../src/model/dates';
import { columnHeader } from '../../src/model/columns';
import { SHEET_NAMES } from '../../src/workbook/names';
import { mapColumns } from '../../src/model/columns';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { openWorkbook } from '../../src/xlsx/ooxml/read';

/** The merge history's rows as text. */
function historyRows(bytes: Uint8Array): string[][] {
  const wb = openWorkbook(bytes);
  const sheet = wb.sheet(SHEET_NAMES.history.vi);
  if (!sheet) return [];
  return wb.readRows(sheet).rows.map((r) => {
    const out: string[] = [];
    for (const c of r.cells) out[c.col] = String(c.value);
    return out;
  });
}
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
import { buildDocx } from '../plan/docx-builder';

jest.setTimeout(300_000);

/** A second real plan (an excerpt), so the drop test does not just repeat the sample. */
const DROP_FIXTURE = 'yen-phong-47-kh-hu-party.txt';
const SAMPLE = fs.readFileSync(path.join(ROOT, 'samples', 'nq28-nam-dinh.txt'), 'utf8');

/** Part headings as printed in the sample ("IV. NHIỆM VỤ CỤ THỂ"), read straight from the text. */
function partHeadings(text: string): { id: string; heading: string }[] {
  return [...text.matchAll(/^([IVX]+)\.\s+(\S.*)$/gm)].map((m) => ({ id: m[1], heading: m[2].trim() }));
}

/** Agency items of part IV ("3. Ban Tổ chức Tỉnh ủy"): numbered lines short enough to be names. */
function agencyHeadingsOfPartIV(text: string): string[] {
  const start = text.search(/^IV\.\s/m);
  const end = text.search(/^V\.\s/m);
  return [...text.slice(start, end).matchAll(/^(\d+)\.\s+(.+)$/gm)]
    .filter((m) => m[2].length < 120 && !/[.;:]$/.test(m[2]))
    .map((m) => `${m[1]}. ${m[2].trim()}`);
}

/** Writes status words into a tracking workbook with ExcelJS, as staff would in Excel. */
async function editStatus(file: string, statusByTask: Record<string, string>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SHEET_NAMES.tasks.vi)!;
  let idCol = 0;
  let statusCol = 0;
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (headerRow) return;
    row.eachCell((c, col) => {
      if (c.value === columnHeader('taskId', 'vi')) idCol = col;
      if (c.value === columnHeader('status', 'vi')) statusCol = col;
    });
    if (idCol && statusCol) headerRow = r;
  });
  expect(headerRow).toBeGreaterThan(0);
  let edited = 0;
  ws.eachRow((row, r) => {
    const id = String(row.getCell(idCol).value ?? '');
    if (r > headerRow && id in statusByTask) {
      row.getCell(statusCol).value = statusByTask[id];
      edited++;
    }
  });
  expect(edited).toBe(Object.keys(statusByTask).length);
  await wb.xlsx.writeFile(file);
}

let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-flow-'));
let downloaded = '';

beforeAll(async () => {
  ensureBuild();
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  errors = watchErrors(page);
  await page.goto(server.url + 'taskpane.html');
  await page.waitForSelector('[data-testid="mode"][data-mode="browser"]');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the standalone workflow on the NQ-28 sample plan', () => {
  it('pastes the plan and previews its parts, agency groups and counts', async () => {
    await page.getByRole('textbox', { name: 'Nội dung Kế hoạch' }).fill(SAMPLE);
    await page.getByRole('button', { name: 'Phân tích' }).click();
    await page.getByTestId('count-tasks').waitFor();

    const headings = partHeadings(SAMPLE);
    expect(headings.length).toBeGreaterThanOrEqual(4);
    for (const h of headings) {
      expect(await page.locator(`[data-section="${h.id}"]`).innerText()).toContain(h.heading);
    }
    // The numbers shown are the parser's, for the same text.
    const plan = parsePlan(SAMPLE);
    expect(await page.getByTestId('count-tasks').innerText()).toContain(String(plan.tasks.length));
    const included = plan.tasks.length; // every part with tasks starts included
    expect(await page.getByTestId('count-included').innerText()).toContain(String(included));

    // Part IV is long; open it and find every agency item of the text as a group heading.
    const partIV = page.locator('[data-section="IV"]');
    const toggle = partIV.getByRole('button', { name: 'Mở phần IV' });
    if (await toggle.count()) await toggle.click();
    const groupHeadings = await partIV.locator('h3').allInnerTexts();
    const expectedAgencies = agencyHeadingsOfPartIV(SAMPLE);
    expect(expectedAgencies.length).toBeGreaterThan(3);
    for (const a of expectedAgencies) expect(groupHeadings).toContain(a);
    // Task 3.1 of the text sits under "3. Ban Tổ chức Tỉnh ủy" with its ongoing note as a chip.
    const row = page.locator('[data-task-id="IV.3.1"]');
    expect(await row.innerText()).toContain('Tiếp tục tham mưu đổi mới');
    expect(await row.locator('[data-category="ongoing"]').count()).toBe(1);

    await screenshot(page, 'import-preview', 320, { scrollTo: '[data-testid="plan-summary"]' });
    await screenshot(page, 'import-preview', 800, { scrollTo: '[data-testid="plan-summary"]' });
    await screenshot(page, 'import-tree', 320, { scrollTo: '[data-section="IV"]' });
    await screenshot(page, 'import-full', 800, { fullPage: true });
  });

  it('fixes the deadline of one task', async () => {
    await page.getByRole('button', { name: 'Sửa nhiệm vụ IV.3.1' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // The kind of deadline first (the date field belongs to "Có thời hạn"), then the date as typed.
    await dialog.getByRole('combobox', { name: 'Loại thời hạn' }).click();
    await page.getByRole('option', { name: 'Có thời hạn' }).click();
    await dialog.getByLabel('Thời hạn (ngày)').fill('30062024');
    await screenshot(page, 'edit-task', 320);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('[data-task-id="IV.3.1"]');
    expect(await row.locator('[data-category="due"]').innerText()).toBe('30/06/2024');
    expect(await row.innerText()).toContain('đã sửa');
  });

  it('sets a lead agency: one the plan names, and one typed in', async () => {
    const named = parsePlan(SAMPLE).agencies.find((a) => /Tuyên giáo/.test(a.name))!;
    expect(named).toBeDefined();
    await page.getByRole('button', { name: 'Sửa nhiệm vụ III.1' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Cơ quan chủ trì' }).click();
    await page.getByRole('option', { name: named.name }).click();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('[data-task-id="III.1"] [data-testid="task-lead"]').innerText()).toBe(
      named.name,
    );

    await page.getByRole('button', { name: 'Sửa nhiệm vụ III.2' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Cơ quan chủ trì' }).fill('Sở Nội vụ');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('[data-task-id="III.2"] [data-testid="task-lead"]').innerText()).toBe(
      'Sở Nội vụ',
    );
  });

  it('excludes and re-includes a part', async () => {
    const before = await page.getByTestId('count-included').innerText();
    const partV = page.locator('[data-section="V"]');
    const box = partV.getByRole('checkbox', { name: 'Đưa phần V vào sổ' });
    await box.uncheck();
    const vTasks = parsePlan(SAMPLE).tasks.filter((t) => t.section === 'V').length;
    expect(vTasks).toBeGreaterThan(0);
    expect(await page.getByTestId('count-included').innerText()).toContain(
      String(parseInt(before, 10) - vTasks),
    );
    await box.check();
    expect(await page.getByTestId('count-included').innerText()).toBe(before);
  });

  it('downloads the tracking workbook, which ExcelJS reads back with the fix in it', async () => {
    await page.getByRole('tab', { name: /Tạo sổ theo dõi/ }).click();
    await page.getByLabel('Ngày báo cáo').fill('2024-03-31');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải sổ theo dõi (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    downloaded = path.join(tmp, download.suggestedFilename());
    await download.saveAs(downloaded);
    await page.getByRole('status').filter({ hasText: 'Đã tạo' }).waitFor();
    await screenshot(page, 'build-done', 320);
    await screenshot(page, 'build-done', 800);

    // ExcelJS: the task sheet exists with the Vietnamese headers.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(downloaded);
    const sheet = wb.getWorksheet(SHEET_NAMES.tasks.vi);
    expect(sheet).toBeDefined();
    const headerTexts: string[] = [];
    sheet!.eachRow((row) => row.eachCell((c) => headerTexts.push(String(c.value))));
    expect(headerTexts).toEqual(
      expect.arrayContaining([
        columnHeader('taskId', 'vi'),
        columnHeader('due', 'vi'),
        columnHeader('lead', 'vi'),
      ]),
    );

    // The tracking reader: one row per task of the plan, and IV.3.1 carries the date set in the pane.
    const tracking = await readTrackingWorkbook(new Uint8Array(fs.readFileSync(downloaded)));
    const map = mapColumns(tracking.snapshot.headers);
    const idCol = map.index.taskId!;
    const dueCol = map.index.due!;
    const ids = tracking.snapshot.rows.map((r) => r[idCol]).filter((v) => v !== null && v !== '');
    expect(ids).toEqual(parsePlan(SAMPLE).tasks.map((t) => t.id));
    const fixed = tracking.snapshot.rows.find((r) => r[idCol] === 'IV.3.1')!;
    expect(typeof fixed[dueCol]).toBe('number');
    expect(serialToIso(fixed[dueCol] as number)).toBe('2024-06-30');
    expect(tracking.reportDate).toBe('2024-03-31');
    const leadCol = map.index.lead!;
    expect(tracking.snapshot.rows.find((r) => r[idCol] === 'III.2')![leadCol]).toBe('Sở Nội vụ');
    expect(String(tracking.snapshot.rows.find((r) => r[idCol] === 'III.1')![leadCol])).toMatch(/Tuyên giáo/);
  });

  it('checks the downloaded workbook and lists the findings by agency', async () => {
    expect(downloaded).not.toBe('');
    await page.getByRole('tab', { name: /Kiểm tra/ }).click();
    await page.getByTestId('check-file').setInputFiles(downloaded);
    await page
      .getByTestId('check-source')
      .filter({ hasText: path.basename(downloaded) })
      .waitFor();
    const tracking = await readTrackingWorkbook(new Uint8Array(fs.readFileSync(downloaded)));
    const expected = checkTracking({
      snapshot: tracking.snapshot,
      meta: tracking.meta,
      reportDate: tracking.reportDate!,
      lang: tracking.lang,
    });
    const summary = page
      .getByRole('status')
      .filter({ hasText: expected.length ? `${expected.length} vấn đề` : 'Không phát hiện' });
    await summary.waitFor();
    if (expected.length) {
      expect(await page.locator('[data-testid="findings"] li[data-code]').count()).toBe(expected.length);
      const agencies = new Set(expected.map((f) => f.agency?.trim() || null));
      expect(await page.locator('[data-testid="findings"] section').count()).toBe(agencies.size);
    }
    await screenshot(page, 'check', 320, { scrollTo: '[data-testid="findings"]' });
    await screenshot(page, 'check', 800);
  });

  it('summarises the checked workbook by agency for the chosen period', async () => {
    await page.getByRole('tab', { name: /Tổng hợp/ }).click();
    // The workbook loaded for the check is shared with this step.
    await page
      .getByTestId('summary-source')
      .filter({ hasText: path.basename(downloaded) })
      .waitFor();
    const tracking = await readTrackingWorkbook(new Uint8Array(fs.readFileSync(downloaded)));
    const { entries } = readEntries(tracking.snapshot);
    const period = periodContaining(tracking.reportDate!, 'quarter');
    const expected = summarize(entries, { reportDate: tracking.reportDate!, period });
    const rows = page.locator('[data-testid="agency-summary"] > li');
    expect(await rows.count()).toBe(expected.byAgency.length + 1); // + the whole plan
    expect(await page.getByTestId('summary-period').innerText()).toContain(period.label.vi);
    const first = expected.byAgency[0];
    expect(await rows.first().innerText()).toContain(first.label);
    expect(await rows.first().innerText()).toContain(`Tổng: ${first.total}`);
    await page.getByLabel('Kỳ báo cáo').selectOption('year');
    expect(await page.getByTestId('summary-period').innerText()).toContain(
      periodContaining(tracking.reportDate!, 'year').label.vi,
    );
    // The period summary as a file: one sheet named after the period, listing every agency.
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải trang tổng hợp kỳ (.xlsx)' }).click(),
    ]);
    const summaryPath = path.join(tmp, dl.suggestedFilename());
    await dl.saveAs(summaryPath);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(summaryPath);
    const yearLabel = periodContaining(tracking.reportDate!, 'year').label.vi;
    const sheet = book.worksheets.find((w) => w.name.includes(yearLabel));
    expect(sheet).toBeDefined();
    const cellTexts: string[] = [];
    sheet!.eachRow((row) => row.eachCell((c) => cellTexts.push(String(c.value))));
    for (const row of expected.byAgency.filter((r) => r.label)) expect(cellTexts).toContain(row.label);
    await screenshot(page, 'summary', 320);
    await screenshot(page, 'summary', 800);
  });

  it('makes one workbook per agency and merges a filled return, settling two conflicts one by one', async () => {
    await page.getByRole('tab', { name: /Chia sẻ/ }).click();
    // The workbook loaded for the check is shared with this step too.
    await page
      .getByTestId('share-source')
      .filter({ hasText: path.basename(downloaded) })
      .waitFor();
    await page.getByRole('button', { name: 'Tạo sổ cho từng cơ quan' }).click();
    await page.getByTestId('split-files').waitFor();
    const tracking = await readTrackingWorkbook(new Uint8Array(fs.readFileSync(downloaded)));
    const { entries } = readEntries(tracking.snapshot);
    const leads = new Set(
      entries
        .map((e) => e.lead.trim())
        .filter(Boolean)
        .map((l) => agencyKey(l)),
    );
    const items = page.locator('[data-testid="split-files"] > li');
    expect(await items.count()).toBe(leads.size);

    // Download the first agency's copy, as the agency would receive it.
    const firstName = (await items.first().innerText()).split(' (')[0];
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Tải xuống sổ của ${firstName}` }).click(),
    ]);
    const copyPath = path.join(tmp, dl.suggestedFilename());
    await dl.saveAs(copyPath);
    const copy = await readTrackingWorkbook(new Uint8Array(fs.readFileSync(copyPath)));
    expect(copy.meta?.agencyKey).toBeTruthy();
    const copyIds = readEntries(copy.snapshot).entries.map((e) => e.taskId);
    expect(copyIds.length).toBeGreaterThan(2);
    const [conflicting, plain, kept] = copyIds;

    // The agency reports three tasks done; meanwhile the master marks two of them in progress.
    await editStatus(copyPath, {
      [conflicting]: 'Đã hoàn thành',
      [plain]: 'Đã hoàn thành',
      [kept]: 'Đã hoàn thành',
    });
    const masterPath = path.join(tmp, 'master-edited.xlsx');
    fs.copyFileSync(downloaded, masterPath);
    await editStatus(masterPath, { [conflicting]: 'Đang thực hiện', [kept]: 'Đang thực hiện' });
    await page.getByTestId('share-file').setInputFiles(masterPath);
    await page.getByTestId('share-source').filter({ hasText: 'master-edited.xlsx' }).waitFor();

    await page.getByTestId('merge-files').setInputFiles(copyPath);
    const conflicts = page.getByTestId('merge-conflicts');
    await conflicts.waitFor();
    const conflictItem = conflicts.locator(`li[data-task-id="${conflicting}"]`);
    expect(await conflictItem.locator('[data-side="master"]').innerText()).toBe('Đang thực hiện');
    expect(await conflictItem.locator('[data-side="return"]').innerText()).toBe('Đã hoàn thành');
    await screenshot(page, 'merge-conflict', 320, {
      docs: true,
      scrollTo: '[data-testid="merge-conflicts"]',
    });
    await screenshot(page, 'merge-conflict', 800, { scrollTo: '[data-testid="merge-conflicts"]' });

    // One by one, from the keyboard: the agency's value for the first, the master's for the other.
    await conflictItem.getByRole('radio', { name: 'Giữ của sổ tổng' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await conflictItem.getByRole('radio', { name: 'Lấy của cơ quan' }).isChecked()).toBe(true);
    const keptItem = conflicts.locator(`li[data-task-id="${kept}"]`);
    await keptItem.getByRole('radio', { name: 'Giữ của sổ tổng' }).focus();
    await page.keyboard.press('Space');
    expect(await keptItem.getByRole('radio', { name: 'Giữ của sổ tổng' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Áp dụng các lựa chọn (2/2)' }).focus();
    await page.keyboard.press('Enter');
    // The prompt gives way to what was decided, which takes the focus.
    const settled = page.getByText('Đã quyết 2 xung đột: 1 lấy giá trị của cơ quan, 1 giữ giá trị sổ tổng.');
    await settled.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Đã quyết 2 xung đột/);
    expect(await page.getByRole('radio').count()).toBe(0);
    await screenshot(page, 'merge-settled', 320, { docs: true, scrollTo: '[data-testid="merge-conflicts"]' });
    const [merged] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải sổ tổng đã gộp' }).click(),
    ]);
    const mergedPath = path.join(tmp, 'merged.xlsx');
    await merged.saveAs(mergedPath);
    const result = readEntries(
      (await readTrackingWorkbook(new Uint8Array(fs.readFileSync(mergedPath)))).snapshot,
    ).entries;
    expect(result.find((e) => e.taskId === conflicting)?.status).toBe('done');
    expect(result.find((e) => e.taskId === plain)?.status).toBe('done');
    expect(result.find((e) => e.taskId === kept)?.status).toBe('in_progress');
    expect(merged.suggestedFilename()).toMatch(/^master-edited - gộp \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.xlsx$/);

    // Returns arrive one at a time (issue 13.4): the merged master is now the current one, so a
    // second agency's return builds on it and the second download holds both merges.
    await page.getByTestId('share-source').filter({ hasText: merged.suggestedFilename() }).waitFor();
    const secondName = (await items.nth(1).innerText()).split(' (')[0];
    const [dl2] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Tải xuống sổ của ${secondName}` }).click(),
    ]);
    const copy2Path = path.join(tmp, `b-${dl2.suggestedFilename()}`);
    await dl2.saveAs(copy2Path);
    const copy2 = await readTrackingWorkbook(new Uint8Array(fs.readFileSync(copy2Path)));
    const secondTask = readEntries(copy2.snapshot).entries[0].taskId;
    expect([conflicting, plain, kept]).not.toContain(secondTask);
    await editStatus(copy2Path, { [secondTask]: 'Đang thực hiện' });
    await page.getByTestId('merge-files').setInputFiles(copy2Path);
    await page.waitForFunction(
      (first) =>
        document.querySelector('[data-testid="merge-download"]')?.getAttribute('data-file-name') !== first,
      merged.suggestedFilename(),
    );
    const [merged2] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải sổ tổng đã gộp' }).click(),
    ]);
    const merged2Path = path.join(tmp, 'merged-2.xlsx');
    await merged2.saveAs(merged2Path);
    const after = await readTrackingWorkbook(new Uint8Array(fs.readFileSync(merged2Path)));
    const both = readEntries(after.snapshot).entries;
    expect(both.find((e) => e.taskId === conflicting)?.status).toBe('done');
    expect(both.find((e) => e.taskId === plain)?.status).toBe('done');
    expect(both.find((e) => e.taskId === secondTask)?.status).toBe('in_progress');
    // Every merge's history rows: two from the first return, one from the second.
    const history = historyRows(new Uint8Array(fs.readFileSync(merged2Path)));
    expect(history.slice(1).map((r) => r[2])).toEqual([conflicting, plain, secondTask]);
    expect(merged2.suggestedFilename()).toMatch(
      /^master-edited - gộp \d{4}-\d{2}-\d{2} \d{2}\.\d{2}( \(2\))?\.xlsx$/,
    );
    expect(merged2.suggestedFilename()).not.toBe(merged.suggestedFilename());
  });

  it('shows the preview in English after switching language', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: /Import plan/ }).click();
    expect(await page.getByTestId('count-tasks').innerText()).toContain('Tasks');
    expect(await page.locator('[data-task-id="IV.3.1"]').innerText()).toContain('edited');
    await screenshot(page, 'import-preview-en', 800, {
      docs: true,
      scrollTo: '[data-testid="plan-summary"]',
    });
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  it('loads the same plan from a .docx file', async () => {
    const docx = path.join(tmp, 'ke-hoach-nq28.docx');
    const paragraphs = SAMPLE.split(/\r?\n/).filter((line) => line.trim() !== '');
    fs.writeFileSync(docx, await buildDocx(paragraphs.map((p) => ({ p }))));
    await page.getByRole('tab', { name: /Nhập kế hoạch/ }).click();
    await page.getByTestId('plan-file').setInputFiles(docx);
    await page.getByRole('status').filter({ hasText: 'ke-hoach-nq28.docx' }).waitFor();
    expect(await page.getByTestId('count-tasks').innerText()).toContain(
      String(parsePlan(SAMPLE).tasks.length),
    );
    // A fresh import starts from the plan as written: the earlier fix is gone.
    expect(await page.locator('[data-task-id="IV.3.1"]').innerText()).not.toContain('đã sửa');
  });

  it('takes a .txt file dropped on the import area', async () => {
    await page.getByRole('button', { name: 'Xóa' }).click();
    const excerpt = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'plans', DROP_FIXTURE), 'utf8');
    const data = await page.evaluateHandle(
      ({ text, name }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'text/plain' }));
        return dt;
      },
      { text: excerpt, name: DROP_FIXTURE },
    );
    await page.getByTestId('drop-zone').dispatchEvent('dragover', { dataTransfer: data });
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: data });
    expect(parsePlan(excerpt).tasks.length).toBeGreaterThan(0);
    await page.getByRole('status').filter({ hasText: DROP_FIXTURE }).waitFor();
    expect(await page.getByTestId('count-tasks').innerText()).toContain(
      String(parsePlan(excerpt).tasks.length),
    );
  });

  it('rejects a file type it cannot read, in both languages', async () => {
    const bad = path.join(tmp, 'ke-hoach.pdf');
    fs.writeFileSync(bad, '%PDF-1.4');
    await page.getByTestId('plan-file').setInputFiles(bad);
    await page.getByRole('alert').filter({ hasText: 'chỉ nhận .txt hoặc .docx' }).waitFor();
  });

  it('logged no errors and made no outside request', () => {
    expect(errors).toEqual([]);
    expect(browser.external).toEqual([]);
  });
});
