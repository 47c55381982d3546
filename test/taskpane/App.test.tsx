/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { createWorkspace, detectingWorkspace, type HostInfo } from '../../src/app/workspace';

const excel = (excelApi: string, displayLanguage = 'vi-VN') =>
  createWorkspace({ mode: 'excel', excelApi, displayLanguage, dark: false } satisfies HostInfo);

beforeEach(() => window.localStorage.clear());

describe('App shell', () => {
  it('says it is detecting, then a standalone page, in Vietnamese', () => {
    const { rerender } = render(<App workspace={detectingWorkspace()} />);
    expect(screen.getByRole('heading', { name: 'Theo dõi Kế hoạch' })).toBeTruthy();
    expect(screen.getByTestId('mode').getAttribute('data-mode')).toBe('detecting');
    rerender(
      <App
        workspace={createWorkspace({ mode: 'browser', excelApi: null, displayLanguage: null, dark: false })}
      />,
    );
    expect(screen.getByTestId('mode').textContent).toContain('Trang độc lập (trình duyệt)');
  });

  it('shows Excel mode with the ExcelApi version, in English when Office is English', () => {
    render(<App workspace={excel('1.12', 'en-US')} />);
    expect(screen.getByRole('heading', { name: 'Plan Tracker' })).toBeTruthy();
    expect(screen.getByTestId('mode').textContent).toContain('In Excel');
    expect(screen.getByTestId('mode').textContent).toContain('ExcelApi 1.12');
  });

  it('explains what an Excel 2019 (ExcelApi 1.7) lacks, and that the rest works', () => {
    render(<App workspace={excel('1.7')} />);
    expect(screen.getByTestId('mode').textContent).toContain('không có danh sách chọn và PivotTable');
    expect(screen.getByTestId('mode').textContent).toContain('ngay trong Excel');
  });

  it('switches language with the buttons and remembers the choice', () => {
    const { unmount } = render(<App workspace={excel('1.8')} />);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'English' }));
    });
    expect(screen.getByRole('heading', { name: 'Plan Tracker' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Import plan/ })).toBeTruthy();
    unmount();
    render(<App workspace={excel('1.8')} />);
    expect(screen.getByRole('heading', { name: 'Plan Tracker' })).toBeTruthy();
  });

  it('lists the five steps as tabs, the first selected', () => {
    render(<App workspace={detectingWorkspace()} />);
    const tabs = screen.getAllByRole('tab');
    const names = ['1. Nhập kế hoạch', '2. Tạo sổ theo dõi', '3. Kiểm tra', '4. Tổng hợp', '5. Chia sẻ'];
    // Each step is a tab with that accessible name, in that order.
    expect(names.map((name) => tabs.indexOf(screen.getByRole('tab', { name })))).toEqual([0, 1, 2, 3, 4]);
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
  });
});
