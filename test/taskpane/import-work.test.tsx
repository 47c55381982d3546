/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as fs from 'fs';
import * as path from 'path';
import { App } from '../../src/taskpane/App';
import { createWorkspace } from '../../src/app/workspace';
import { planFromText } from '../../src/app/plan-file';
import { editTask, newDraft } from '../../src/taskpane/draft';
import { saveWork } from '../../src/taskpane/draft-store';
import './jsdom-polyfills';

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'nq28-nam-dinh.txt'), 'utf8');
const standalone = () =>
  createWorkspace({ mode: 'browser', excelApi: null, displayLanguage: null, dark: false });
const KEY = 'plan-tracker.draft';

beforeEach(() => window.localStorage.clear());

function textbox(): HTMLTextAreaElement {
  return screen.getByRole('textbox', { name: 'Nội dung Kế hoạch' }) as HTMLTextAreaElement;
}

function analyse(text: string) {
  fireEvent.change(textbox(), { target: { value: text } });
  act(() => {
    fireEvent.click(screen.getByRole('button', { name: 'Phân tích' }));
  });
}

describe('nothing typed is lost', () => {
  it('keeps the pasted plan in the browser and offers it back after a reload', async () => {
    const first = render(<App workspace={standalone()} />);
    analyse(SAMPLE);
    const tasks = screen.getByTestId('count-tasks').textContent;
    await waitFor(() => expect(window.localStorage.getItem(KEY)).toContain('"sourceText"'));
    first.unmount();

    render(<App workspace={standalone()} />);
    const offer = screen.getByTestId('restore-offer');
    expect(offer.textContent).toMatch(/Có bản nháp chưa xong từ \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(screen.queryByTestId('plan-summary')).toBeNull();
    act(() => {
      fireEvent.click(within(offer).getByRole('button', { name: 'Khôi phục' }));
    });
    expect(textbox().value).toBe(SAMPLE);
    expect(screen.getByTestId('count-tasks').textContent).toBe(tasks);
  });

  it('drops the kept work when told to, and nothing is offered next time', async () => {
    saveWork('văn bản cũ', null);
    const view = render(<App workspace={standalone()} />);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Bỏ bản nháp' }));
    });
    expect(window.localStorage.getItem(KEY)).toBeNull();
    view.unmount();
    render(<App workspace={standalone()} />);
    expect(screen.queryByTestId('restore-offer')).toBeNull();
  });

  it('analysing again keeps the corrections already made', () => {
    const plan = planFromText(SAMPLE);
    const target = plan.tasks.find((t) => t.lead)!;
    const other = plan.agencies.find((a) => a.key !== target.lead)!;
    saveWork(SAMPLE, editTask(newDraft(plan, SAMPLE), target.id, { lead: other.key, due: '2024-09-30' }));
    render(<App workspace={standalone()} />);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Khôi phục' }));
    });
    // A line added at the end: the text changed, the task did not.
    analyse(`${SAMPLE}\n`);
    expect(screen.getByText('Đã giữ lại các chỉnh sửa của 1 nhiệm vụ.')).toBeTruthy();
    expect(screen.getByTestId('count-tasks').textContent).toBe(`${plan.tasks.length}Nhiệm vụ`);
  });

  it('asks before Xóa, and Hủy keeps everything', () => {
    render(<App workspace={standalone()} />);
    analyse(SAMPLE);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Xóa' }));
    });
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Xóa nội dung đã nhập?');
    act(() => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    });
    expect(textbox().value).toBe(SAMPLE);
    expect(screen.getByTestId('plan-summary')).toBeTruthy();
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Xóa' }));
    });
    act(() => {
      fireEvent.click(within(screen.getByRole('alertdialog')).getByTestId('confirm'));
    });
    expect(textbox().value).toBe('');
    expect(screen.queryByTestId('plan-summary')).toBeNull();
    expect(window.localStorage.getItem(KEY)).toBeNull();
  });

  it('warns before the page is closed with work not yet in a workbook', () => {
    render(<App workspace={standalone()} />);
    const idle = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(idle);
    expect(idle.defaultPrevented).toBe(false);
    analyse(SAMPLE);
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
  });
});
