/** @jest-environment jsdom */
import './jsdom-polyfills';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import * as fs from 'fs';
import * as path from 'path';
import { createWorkspace } from '../../src/app/workspace';
import { planFromText } from '../../src/app/plan-file';
import { App } from '../../src/taskpane/App';

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'nq28-nam-dinh.txt'), 'utf8');
const PLAN = planFromText(SAMPLE);
const LOW = PLAN.tasks.filter((t) => t.confidence === 'low');

beforeEach(() => window.localStorage.clear());

function analysed() {
  render(
    <App
      workspace={createWorkspace({ mode: 'browser', excelApi: null, displayLanguage: null, dark: false })}
    />,
  );
  fireEvent.change(screen.getByRole('textbox', { name: 'Nội dung Kế hoạch' }), { target: { value: SAMPLE } });
  act(() => {
    fireEvent.click(screen.getByRole('button', { name: 'Phân tích' }));
  });
}

const click = (el: HTMLElement) =>
  act(() => {
    fireEvent.click(el);
  });

/** The warnings about tasks without a lead, by task id. */
function noLeadWarnings(): string[] {
  return [...document.querySelectorAll('[data-code="no-lead"]')].map(
    (li) => /Nhiệm vụ (\S+) chưa có cơ quan chủ trì/.exec(li.textContent ?? '')?.[1] ?? '?',
  );
}

describe('going through the tasks the parser was unsure of', () => {
  it('offers "Cần xem lại (N)" and steps through the low-confidence tasks with their reasons', () => {
    expect(LOW.length).toBeGreaterThan(2);
    analysed();
    // The preview is focused after Phân tích, so it is seen and announced.
    expect(document.activeElement).toBe(screen.getByTestId('preview-heading'));
    click(screen.getByRole('button', { name: `Cần xem lại (${LOW.length})` }));
    let dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain(`Nhiệm vụ cần xem lại 1/${LOW.length}`);
    expect(dialog.textContent).toContain(`Sửa nhiệm vụ ${LOW[0].id}`);
    expect(within(dialog).getByTestId('task-reasons').textContent).toContain(
      'Không xác định được cơ quan chủ trì.',
    );
    click(within(dialog).getByRole('button', { name: 'Giữ nguyên, xem tiếp' }));
    dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain(`Nhiệm vụ cần xem lại 2/${LOW.length}`);
    expect(dialog.textContent).toContain(`Sửa nhiệm vụ ${LOW[1].id}`);
    click(within(dialog).getByRole('button', { name: 'Dừng xem lại' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: `Cần xem lại (${LOW.length - 1})` })).toBeTruthy();
  });

  it('warns at import about every task without a lead, and an edit clears its warning at once', () => {
    analysed();
    const leadless = PLAN.tasks.filter((t) => !t.lead).map((t) => t.id);
    expect(leadless.length).toBeGreaterThan(0);
    expect(noLeadWarnings()).toEqual(leadless);
    click(screen.getByRole('button', { name: `Cần xem lại (${LOW.length})` }));
    const dialog = screen.getByRole('dialog');
    const target = LOW[0];
    // Lead typed (an agency the plan does not name), kind of deadline, text: all in one save.
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Cơ quan chủ trì' }), {
      target: { value: 'Sở Nội vụ' },
    });
    click(within(dialog).getByRole('combobox', { name: 'Loại thời hạn' }));
    click(screen.getByRole('option', { name: 'Thường xuyên' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Nội dung nhiệm vụ' }), {
      target: { value: 'Nội dung đã sửa lại cho đúng.' },
    });
    click(within(dialog).getByRole('button', { name: 'Lưu và xem tiếp' }));
    expect(screen.getByRole('dialog').textContent).toContain(`Sửa nhiệm vụ ${LOW[1].id}`);
    click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Dừng xem lại' }));
    expect(noLeadWarnings()).toEqual(leadless.filter((id) => id !== target.id));
    // Its "no deadline" warning is answered too, and the row shows the correction.
    expect(
      [...document.querySelectorAll('[data-code="no-deadline"]')].some((w) =>
        w.textContent?.includes(`${target.id} `),
      ),
    ).toBe(false);
    const part = document.querySelector(`[data-section="${target.section}"]`) as HTMLElement;
    const toggle = within(part).queryByRole('button', { name: `Mở phần ${target.section}` });
    if (toggle) click(toggle);
    const row = document.querySelector(`[data-task-id="${target.id}"]`) as HTMLElement;
    expect(row.textContent).toContain('Nội dung đã sửa lại cho đúng.');
    expect(within(row).getByTestId('task-lead').textContent).toBe('Sở Nội vụ');
    expect(row.querySelector('[data-category="ongoing"]')).not.toBeNull();
  });

  it('shows the whole text of a task on demand, the deadline phrase marked', () => {
    analysed();
    const task = PLAN.tasks.find((t) => t.deadlines.some((d) => d.raw && t.text.includes(d.raw)))!;
    const part = document.querySelector(`[data-section="${task.section}"]`) as HTMLElement;
    const toggle = within(part).queryByRole('button', { name: `Mở phần ${task.section}` });
    if (toggle) click(toggle);
    const row = document.querySelector(`[data-task-id="${task.id}"]`) as HTMLElement;
    const more = within(row).getByRole('button', { name: `Xem đầy đủ nhiệm vụ ${task.id}` });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    click(more);
    expect(
      within(row)
        .getByRole('button', { name: `Thu gọn nhiệm vụ ${task.id}` })
        .getAttribute('aria-expanded'),
    ).toBe('true');
    const raw = task.deadlines.find((d) => d.raw && task.text.includes(d.raw))!.raw;
    expect(within(row).getByTestId('deadline-phrase').textContent).toBe(raw);
    expect(within(row).getByTestId('task-text').textContent).toBe(`${task.number}.${task.text}`);
  });
});
