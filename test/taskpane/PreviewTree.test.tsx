/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { PreviewTree } from '../../src/taskpane/components/PreviewTree';
import type { TaskEdit } from '../../src/taskpane/draft';
import { samplePlan, text, withProviders } from './fixtures';

function setup(opts: { excluded?: string[]; edits?: Record<string, TaskEdit>; lang?: 'vi' | 'en' } = {}) {
  const plan = samplePlan();
  const onToggleSection = jest.fn();
  const onEditTask = jest.fn();
  const view = render(
    withProviders(
      <PreviewTree
        plan={plan}
        excluded={opts.excluded ?? ['I']}
        edits={opts.edits ?? {}}
        onToggleSection={onToggleSection}
        onEditTask={onEditTask}
      />,
      opts.lang,
    ),
  );
  return { plan, onToggleSection, onEditTask, view };
}

function part(id: string): HTMLElement {
  return document.querySelector(`[data-section="${id}"]`) as HTMLElement;
}

describe('PreviewTree', () => {
  it('shows every part, with task counts, and the first part with tasks opened into groups and tasks', () => {
    const { plan } = setup();
    for (const s of plan.sections) expect(text(part(s.id))).toContain(`${s.id}. ${s.heading}`);
    expect(text(part('I'))).toContain('phần mở đầu — không có nhiệm vụ');
    const inIV = plan.tasks.filter((t) => t.section === 'IV');
    expect(text(part('IV'))).toContain(`${inIV.length} nhiệm vụ`);
    // Groups are the agency headings, in plan order, and each task sits under its own group.
    const headings = within(part('IV'))
      .getAllByRole('heading')
      .map((h) => h.textContent);
    expect(headings).toEqual([...new Set(inIV.map((t) => t.group))]);
    const rows = part('IV').querySelectorAll('[data-task-id]');
    expect([...rows].map((r) => r.getAttribute('data-task-id'))).toEqual(inIV.map((t) => t.id));
    // Part V starts collapsed.
    expect(part('V').querySelectorAll('[data-task-id]')).toHaveLength(0);
  });

  it('shows the lead agency name and a chip per deadline, dates written the Vietnamese way', () => {
    setup();
    const row = document.querySelector('[data-task-id="IV.1.2"]') as HTMLElement;
    expect(text(within(row).getByTestId('task-lead'))).toContain('Ban Tổ chức Tỉnh ủy');
    expect(text(row.querySelector('[data-category="due"]'))).toContain('31/12/2023');
    const ongoing = document.querySelector('[data-task-id="IV.1.1"] [data-category="ongoing"]');
    expect(text(ongoing)).toContain('Thường xuyên');
  });

  it('names the partner agencies of a task', () => {
    setup();
    const row = document.querySelector('[data-task-id="IV.2.1"]') as HTMLElement;
    expect(text(within(row).getByTestId('task-partners'))).toContain('Văn phòng Tỉnh ủy');
    expect(
      within(document.querySelector('[data-task-id="IV.1.1"]') as HTMLElement).queryByTestId('task-partners'),
    ).toBeNull();
  });

  it('expands a collapsed part with its button, and reports the state to assistive tech', () => {
    setup();
    const toggle = within(part('V')).getByRole('button', { name: 'Mở phần V' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(
      within(part('V')).getByRole('button', { name: 'Thu gọn phần V' }).getAttribute('aria-expanded'),
    ).toBe('true');
    const row = document.querySelector('[data-task-id="V.1"]') as HTMLElement;
    expect(text(within(row).getByTestId('task-lead'))).toContain('Chưa có cơ quan chủ trì');
    expect(text(row.querySelector('[data-category="none"]'))).toContain('Chưa xác định');
  });

  it('includes or excludes a part through its checkbox; a part without tasks cannot be included', () => {
    const { onToggleSection } = setup();
    const context = within(part('I')).getByRole('checkbox', { name: 'Đưa phần I vào sổ' });
    expect((context as HTMLInputElement).disabled).toBe(true);
    const iv = within(part('IV')).getByRole('checkbox', { name: 'Đưa phần IV vào sổ' });
    expect((iv as HTMLInputElement).checked).toBe(true);
    fireEvent.click(iv);
    expect(onToggleSection).toHaveBeenCalledWith('IV', false);
  });

  it('shows excluded parts unchecked', () => {
    setup({ excluded: ['I', 'IV'] });
    expect((within(part('IV')).getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
  });

  it('opens the editor for the task whose edit button is pressed', () => {
    const { onEditTask, plan } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Sửa nhiệm vụ IV.2.1' }));
    expect(onEditTask).toHaveBeenCalledWith(plan.tasks.find((t) => t.id === 'IV.2.1'));
  });

  it('shows the user’s edits: a new lead and a new deadline, marked as edited', () => {
    setup({ edits: { 'IV.1.1': { lead: 'van phong tinh uy', due: '2024-06-30' } } });
    const row = document.querySelector('[data-task-id="IV.1.1"]') as HTMLElement;
    expect(text(within(row).getByTestId('task-lead'))).toContain('Văn phòng Tỉnh ủy');
    expect(text(row.querySelector('[data-category="due"]'))).toContain('30/06/2024');
    expect(text(row)).toContain('đã sửa');
  });

  it('speaks English when the pane does', () => {
    setup({ lang: 'en' });
    expect(text(part('IV'))).toContain('3 tasks');
    expect(text(document.querySelector('[data-task-id="IV.1.2"] [data-category="due"]'))).toContain(
      '31/12/2023',
    );
    expect(text(document.querySelector('[data-task-id="IV.1.1"] [data-category="ongoing"]'))).toContain(
      'Ongoing',
    );
    expect(screen.getByRole('button', { name: 'Edit task IV.1.1' })).toBeTruthy();
  });
});
