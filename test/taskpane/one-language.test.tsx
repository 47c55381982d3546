/**
 * @jest-environment jsdom
 *
 * One language at a time: the whole standalone flow (import, edit dialog, build, check, split)
 * is run in Vietnamese, then the language is switched and every text on the page is scanned.
 * Plan content (task texts, agency names: marked lang="vi") and file names (translate="no")
 * are the user's data and stay as written; every sentence of the pane must change.
 */
import './jsdom-polyfills';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as fs from 'fs';
import * as path from 'path';
import { trackingFile } from '../../src/app/build';
import { planFromText } from '../../src/app/plan-file';
import { createWorkspace } from '../../src/app/workspace';
import { App } from '../../src/taskpane/App';
import { MESSAGES } from '../../src/taskpane/i18n';

jest.setTimeout(180_000);

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'nq28-nam-dinh.txt'), 'utf8');
/** Letters only Vietnamese (of the two) writes: any accented Latin letter. */
const VIETNAMESE_LETTER = /[\u00C0-\u024F\u1E00-\u1EFF]/;

beforeAll(() => {
  Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined });
  HTMLAnchorElement.prototype.click = () => undefined; // a download goes nowhere in jsdom
});
beforeEach(() => window.localStorage.clear());

/** Text nodes of the page that are the pane's own words (not plan content, not file names). */
function paneTexts(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, [translate="no"]')) continue;
    if (el.closest('[lang]')?.getAttribute('lang') === 'vi' && document.documentElement.lang !== 'vi')
      continue;
    const s = (n.textContent ?? '').trim();
    if (s) out.push(s);
  }
  // Accessible names are read out: they must follow the language too. The data they name
  // ("Tải sổ của Ban Tổ chức Tỉnh ủy") is taken out first.
  const data = [...document.body.querySelectorAll('[lang="vi"], [translate="no"]')]
    .map((el) => (el.textContent ?? '').trim())
    .filter((s) => s.length > 2)
    .sort((a, b) => b.length - a.length);
  for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (el.closest('[translate="no"]')) continue;
    if (el.closest('[lang]')?.getAttribute('lang') === 'vi' && document.documentElement.lang !== 'vi')
      continue;
    for (const a of ['aria-label', 'title', 'placeholder']) {
      let v = el.getAttribute(a) ?? '';
      for (const d of data) v = v.split(d).join('');
      if (v.trim()) out.push(v.trim());
    }
  }
  return out;
}

/** Literal pieces (between {placeholders}) of every message that differs between the languages. */
function fragments(lang: 'vi' | 'en'): string[] {
  const other = lang === 'vi' ? 'en' : 'vi';
  return Object.values(MESSAGES)
    .filter((m) => m.vi !== m.en)
    .flatMap((m) => m[lang].split(/\{\w+\}/))
    .map((f) => f.trim())
    .filter((f) => f.length >= 12 && !Object.values(MESSAGES).some((m) => m[other].includes(f)));
}

function switchTo(name: 'English' | 'Tiếng Việt') {
  act(() => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

function tab(name: RegExp) {
  act(() => {
    fireEvent.click(screen.getByRole('tab', { name }));
  });
}

it('leaves no Vietnamese sentence on an English screen, and no English one on a Vietnamese screen', async () => {
  render(
    <App
      workspace={createWorkspace({ mode: 'browser', excelApi: null, displayLanguage: null, dark: false })}
    />,
  );
  // Import, and an edit dialog open.
  fireEvent.change(screen.getByRole('textbox', { name: 'Nội dung Kế hoạch' }), { target: { value: SAMPLE } });
  act(() => {
    fireEvent.click(screen.getByRole('button', { name: 'Phân tích' }));
  });
  // Build: a workbook downloaded, its message shown.
  tab(/Tạo sổ theo dõi/);
  const download = await screen.findByRole(
    'button',
    { name: 'Tải sổ theo dõi (.xlsx)' },
    { timeout: 30_000 },
  );
  await act(async () => {
    fireEvent.click(download);
  });
  await screen.findByText(/Đã tạo \d+ trang tính/, undefined, { timeout: 60_000 });
  // Check: a built workbook loaded, its findings listed.
  tab(/Kiểm tra/);
  const { bytes } = await trackingFile({
    plan: planFromText(SAMPLE),
    sourceText: SAMPLE,
    lang: 'vi',
    reportDate: '2024-06-30',
  });
  const input = await screen.findByTestId('check-file', undefined, { timeout: 30_000 });
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([bytes as BlobPart], 'so-theo-doi.xlsx')] } });
  });
  await screen.findByTestId('check-source', undefined, { timeout: 60_000 });
  // Share: split into one workbook per agency.
  tab(/Chia sẻ/);
  const splitButton = await screen.findByRole(
    'button',
    { name: 'Tạo sổ cho từng cơ quan' },
    { timeout: 30_000 },
  );
  await act(async () => {
    fireEvent.click(splitButton);
  });
  await screen.findByTestId('split-files', undefined, { timeout: 60_000 });
  tab(/Nhập kế hoạch/);
  const firstEdit = within(document.querySelector('[data-task-id]') as HTMLElement).getByRole('button', {
    name: /^Sửa nhiệm vụ/,
  });
  act(() => {
    fireEvent.click(firstEdit);
  });
  await screen.findByRole('dialog');

  const vi = fragments('vi');
  const en = fragments('en');
  expect(vi.length).toBeGreaterThan(50);

  switchTo('English');
  await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  const onEnglish = paneTexts();
  expect(onEnglish.filter((s) => VIETNAMESE_LETTER.test(s))).toEqual([]);
  expect(vi.filter((f) => onEnglish.some((s) => s.includes(f)))).toEqual([]);

  switchTo('Tiếng Việt');
  await waitFor(() => expect(document.documentElement.lang).toBe('vi'));
  const onVietnamese = paneTexts();
  expect(en.filter((f) => onVietnamese.some((s) => s.includes(f)))).toEqual([]);
});
