/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { RadarView } from '../../src/taskpane/components/RadarView';
import { radar, type RadarRow } from '../../src/tracking/radar';
import { withProviders } from './fixtures';

const REPORT = '2024-07-01';
const ROWS: RadarRow[] = [
  {
    rowIndex: 0,
    taskId: 'III.1',
    lead: 'Sở Nội vụ',
    text: 'Rà soát bộ máy',
    due: '2024-07-20',
    state: 'in_progress_on_time',
  },
  {
    rowIndex: 1,
    taskId: 'III.2',
    lead: 'Ban Tổ chức Tỉnh ủy',
    text: 'Báo cáo sơ kết',
    due: '2024-06-20',
    state: 'overdue',
  },
  {
    rowIndex: 2,
    taskId: 'III.3',
    lead: 'Sở Tài chính',
    text: 'Xa',
    due: '2024-09-30',
    state: 'in_progress_on_time',
  },
  {
    rowIndex: 3,
    taskId: 'III.4',
    lead: 'Sở Tài chính',
    text: 'Xong',
    due: '2024-06-01',
    state: 'done_on_time',
  },
  { rowIndex: 4, taskId: 'III.5', lead: '', text: 'Đúng ngày', due: REPORT, state: 'in_progress_on_time' },
];

describe('RadarView', () => {
  it('lists overdue first, then what falls due within the days, with days left; the rest stays out', () => {
    render(withProviders(<RadarView radar={radar(ROWS, REPORT, 30)} />));
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-kind'))).toEqual(['overdue', 'due_soon', 'due_soon']);
    expect(items[0].textContent).toContain('III.2');
    expect(items[0].textContent).toContain('20/06/2024');
    expect(items[0].textContent).toContain('quá 11 ngày');
    expect(items[1].textContent).toContain('III.5');
    expect(items[1].textContent).toContain('còn 0 ngày');
    expect(items[1].textContent).toContain('(chưa có cơ quan chủ trì)');
    expect(items[2].textContent).toContain('còn 19 ngày');
    expect(screen.getByTestId('radar').textContent).toContain('1 quá hạn, 2 sắp đến hạn');
    expect(screen.queryByText(/III\.3|III\.4/)).toBeNull();
    // No workbook open: nothing to click to.
    expect(screen.queryByRole('button')).toBeNull();
  });

  it("goes to the task's row when a workbook is open, in English too", () => {
    const onGo = jest.fn();
    render(withProviders(<RadarView radar={radar(ROWS, REPORT, 30)} onGo={onGo} />, 'en'));
    const buttons = screen.getAllByRole('button', { name: 'Go to row' });
    fireEvent.click(buttons[0]);
    expect(onGo).toHaveBeenCalledWith(expect.objectContaining({ taskId: 'III.2', rowIndex: 1 }));
    expect(screen.getByTestId('radar').textContent).toContain('11 days late');
  });
});
