/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MergeConflictView, showCell } from '../../src/taskpane/components/MergeConflictView';
import type { MergeConflict } from '../../src/tracking/merge';
import { isoToSerial } from '../../src/model/dates';
import { columnHeader } from '../../src/model/columns';
import { text, withProviders } from './fixtures';

const CONFLICTS: MergeConflict[] = [
  {
    file: 'Ban Tổ chức Tỉnh ủy.xlsx',
    taskId: 'IV.3.1',
    column: 'status',
    base: null,
    master: 'Đang thực hiện',
    return: 'Đã hoàn thành',
    resolution: null,
  },
  {
    file: 'Ban Tổ chức Tỉnh ủy.xlsx',
    taskId: 'IV.3.2',
    column: 'completedOn',
    base: null,
    master: isoToSerial('2024-05-02'),
    return: isoToSerial('2024-04-30'),
    resolution: 'return',
  },
];

describe('MergeConflictView', () => {
  it('shows each conflict with its task, column header and the three values', () => {
    render(withProviders(<MergeConflictView conflicts={CONFLICTS} onResolve={jest.fn()} />));
    const first = document.querySelector('li[data-task-id="IV.3.1"]') as HTMLElement;
    expect(text(first)).toContain('Mã nhiệm vụ IV.3.1');
    expect(text(first)).toContain(columnHeader('status', 'vi'));
    expect(text(first)).toContain('Ban Tổ chức Tỉnh ủy.xlsx');
    expect(text(first.querySelector('[data-side="master"]'))).toBe('Đang thực hiện');
    expect(text(first.querySelector('[data-side="return"]'))).toBe('Đã hoàn thành');
    expect(text(first)).toContain('(trống)');
    // Date cells arrive as Excel serials and are shown as dates.
    const second = document.querySelector('li[data-task-id="IV.3.2"]') as HTMLElement;
    expect(text(second.querySelector('[data-side="master"]'))).toBe('02/05/2024');
    expect(text(second.querySelector('[data-side="return"]'))).toBe('30/04/2024');
    expect(screen.getByRole('region', { name: `Xung đột (${CONFLICTS.length})` })).toBeTruthy();
  });

  it('marks the value that a decision kept', () => {
    render(withProviders(<MergeConflictView conflicts={CONFLICTS} onResolve={jest.fn()} />));
    const decided = document.querySelector('li[data-task-id="IV.3.2"]') as HTMLElement;
    const chosen = decided.querySelector('[data-side="return"]')!.className;
    const other = decided.querySelector('[data-side="master"]')!.className;
    expect(chosen).not.toBe(other);
    const undecided = document.querySelector('li[data-task-id="IV.3.1"]') as HTMLElement;
    expect(undecided.querySelector('[data-side="return"]')!.className).toBe(
      undecided.querySelector('[data-side="master"]')!.className,
    );
  });

  it('reports the choice: the agency’s values or the master’s', () => {
    const onResolve = jest.fn();
    render(withProviders(<MergeConflictView conflicts={CONFLICTS} onResolve={onResolve} />));
    fireEvent.click(screen.getByRole('button', { name: 'Lấy tất cả giá trị của cơ quan' }));
    fireEvent.click(screen.getByRole('button', { name: 'Giữ tất cả giá trị sổ tổng' }));
    expect(onResolve.mock.calls).toEqual([['return'], ['master']]);
  });

  it('disables the choice while a merge runs', () => {
    render(
      withProviders(
        <MergeConflictView conflicts={CONFLICTS} onResolve={jest.fn()} onDecide={jest.fn()} busy />,
      ),
    );
    for (const b of screen.getAllByRole('button')) expect((b as HTMLButtonElement).disabled).toBe(true);
    for (const r of screen.getAllByRole('radio')) expect((r as HTMLInputElement).disabled).toBe(true);
  });

  it('settles conflicts one by one: a choice per cell, applied together', () => {
    const onDecide = jest.fn();
    render(
      withProviders(<MergeConflictView conflicts={CONFLICTS} onResolve={jest.fn()} onDecide={onDecide} />),
    );
    const first = screen.getByRole('radiogroup', {
      name: `Giữ giá trị nào cho IV.3.1 · ${columnHeader('status', 'vi')}`,
    });
    const second = screen.getByRole('radiogroup', {
      name: `Giữ giá trị nào cho IV.3.2 · ${columnHeader('completedOn', 'vi')}`,
    });
    // The decided one starts on its decision; the undecided one on nothing.
    expect((within(second).getByRole('radio', { name: 'Lấy của cơ quan' }) as HTMLInputElement).checked).toBe(
      true,
    );
    for (const r of within(first).getAllByRole('radio')) expect((r as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('button', { name: 'Áp dụng các lựa chọn (1/2)' })).toBeTruthy();
    fireEvent.click(within(first).getByRole('radio', { name: 'Giữ của sổ tổng' }));
    fireEvent.click(within(second).getByRole('radio', { name: 'Giữ của sổ tổng' }));
    // The chosen value is marked as the choice is made.
    const item = document.querySelector('li[data-task-id="IV.3.1"]') as HTMLElement;
    expect(item.getAttribute('data-choice')).toBe('master');
    fireEvent.click(screen.getByRole('button', { name: 'Áp dụng các lựa chọn (2/2)' }));
    expect(onDecide.mock.calls).toEqual([
      [
        [
          { file: 'Ban Tổ chức Tỉnh ủy.xlsx', taskId: 'IV.3.1', column: 'status', take: 'master' },
          { file: 'Ban Tổ chức Tỉnh ủy.xlsx', taskId: 'IV.3.2', column: 'completedOn', take: 'master' },
        ],
      ],
    ]);
  });

  it('cannot apply before any choice is made', () => {
    const undecided = CONFLICTS.map((c) => ({ ...c, resolution: null }));
    render(
      withProviders(<MergeConflictView conflicts={undecided} onResolve={jest.fn()} onDecide={jest.fn()} />),
    );
    expect(
      (screen.getByRole('button', { name: 'Áp dụng các lựa chọn (0/2)' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('clears the prompt once every conflict is settled, says how, and can reopen it', () => {
    const settled = CONFLICTS.map((c, i) => ({
      ...c,
      resolution: i === 0 ? ('master' as const) : ('return' as const),
    }));
    render(
      withProviders(<MergeConflictView conflicts={settled} onResolve={jest.fn()} onDecide={jest.fn()} />),
    );
    const line = screen.getByRole('status');
    expect(text(line)).toBe('Đã quyết 2 xung đột: 1 lấy giá trị của cơ quan, 1 giữ giá trị sổ tổng.');
    // The buttons that were pressed are gone; focus is on the line that replaced them.
    expect(document.activeElement).toBe(line);
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /Áp dụng|Lấy tất cả|Giữ tất cả/ })).toBeNull();
    expect(document.querySelector('li[data-task-id="IV.3.1"]')!.getAttribute('data-choice')).toBe('master');
    fireEvent.click(screen.getByRole('button', { name: 'Đổi lựa chọn' }));
    expect(screen.getAllByRole('radio')).toHaveLength(4);
    expect(screen.getByRole('button', { name: 'Áp dụng các lựa chọn (2/2)' })).toBeTruthy();
  });

  it('speaks English when the pane does', () => {
    render(withProviders(<MergeConflictView conflicts={CONFLICTS} onResolve={jest.fn()} />, 'en'));
    const first = document.querySelector('li[data-task-id="IV.3.1"]') as HTMLElement;
    expect(text(first)).toContain(`Column: ${columnHeader('status', 'en')}`);
    expect(text(first)).toContain('(blank)');
    expect(text(document.querySelector('li[data-task-id="IV.3.2"] [data-side="master"]'))).toBe('02/05/2024');
    expect(within(document.body).getByRole('button', { name: 'Take every agency value' })).toBeTruthy();
  });
});

describe('showCell', () => {
  it('writes progress as the percentage staff typed (issue 13.7: 1 was shown as 100%)', () => {
    expect(showCell('vi', 'progress', 1, '-')).toBe('1%');
    expect(showCell('vi', 'progress', 50, '-')).toBe('50%');
    expect(showCell('vi', 'progress', 0.5, '-')).toBe('0.5%');
    expect(showCell('vi', 'note', 'Đã gửi báo cáo', '-')).toBe('Đã gửi báo cáo');
    expect(showCell('vi', 'note', '', '-')).toBe('-');
  });
});
