/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { Finding } from '../../src/tracking/check';
import { FindingsList } from '../../src/taskpane/components/FindingsList';
import { groupFindings } from '../../src/taskpane/findings';
import { text, withProviders } from './fixtures';

function finding(p: Partial<Finding> & Pick<Finding, 'cell' | 'row' | 'severity'>): Finding {
  return {
    sheet: 'Theo dõi',
    column: 'status',
    taskId: null,
    agency: null,
    code: 'x',
    message: { vi: `Lỗi ở ${p.cell}`, en: `Problem at ${p.cell}` },
    ...p,
  };
}

const FINDINGS: Finding[] = [
  finding({ cell: 'I7', row: 7, severity: 'info', agency: 'Sở Y tế', code: 'no-update', taskId: 'IV.2.1' }),
  finding({
    cell: 'J9',
    row: 9,
    severity: 'error',
    agency: 'Ban Tổ chức Tỉnh ủy',
    code: 'done-no-date',
    taskId: 'IV.1.2',
  }),
  finding({
    cell: 'I5',
    row: 5,
    severity: 'warning',
    agency: 'Ban Tổ chức Tỉnh ủy',
    code: 'status-word',
    taskId: 'IV.1.1',
  }),
  finding({ cell: 'J4', row: 4, severity: 'error', agency: 'Sở Y tế', code: 'bad-date', taskId: 'IV.2.2' }),
  finding({
    cell: 'J3',
    row: 3,
    severity: 'error',
    agency: 'Ban Tổ chức Tỉnh ủy',
    code: 'bad-date',
    taskId: 'IV.1.0',
  }),
  finding({ cell: 'D20', row: 20, severity: 'warning', agency: null, code: 'no-lead' }),
  finding({ cell: 'I6', row: 6, severity: 'warning', agency: '  Sở Y tế ', code: 'status-word' }),
];

describe('groupFindings', () => {
  it('groups by agency (trimmed), most errors first, rows without an agency last', () => {
    const groups = groupFindings(FINDINGS);
    expect(groups.map((g) => g.agency)).toEqual(['Ban Tổ chức Tỉnh ủy', 'Sở Y tế', null]);
    // Every finding lands in exactly one group.
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(FINDINGS.length);
    for (const g of groups) {
      const counts = { error: 0, warning: 0, info: 0 };
      for (const f of FINDINGS.filter((f) => (f.agency?.trim() || null) === g.agency)) counts[f.severity]++;
      expect(g.counts).toEqual(counts);
    }
  });

  it('orders each group errors → warnings → notes, then by row', () => {
    const [btc, syt] = groupFindings(FINDINGS);
    expect(btc.findings.map((f) => f.cell)).toEqual(['J3', 'J9', 'I5']);
    expect(syt.findings.map((f) => f.cell)).toEqual(['J4', 'I6', 'I7']);
  });
});

describe('FindingsList', () => {
  it('shows a section per agency with severity counts and the messages in Vietnamese', () => {
    render(withProviders(<FindingsList findings={FINDINGS} />));
    const btc = screen.getByRole('region', { name: 'Ban Tổ chức Tỉnh ủy' });
    expect(text(btc.querySelector('[data-severity="error"]'))).toBe('Lỗi: 2');
    expect(text(btc.querySelector('[data-severity="warning"]'))).toBe('Cảnh báo: 1');
    expect(btc.querySelector('[data-severity="info"]')).toBeNull();
    const items = btc.querySelectorAll('li');
    expect([...items].map((li) => li.getAttribute('data-code'))).toEqual([
      'bad-date',
      'done-no-date',
      'status-word',
    ]);
    expect(text(items[0])).toContain('Lỗi ở J3');
    expect(text(items[0])).toContain('IV.1.0');
    expect(screen.getByRole('region', { name: '(chưa có cơ quan chủ trì)' })).toBeTruthy();
    // Outside Excel there is no cell to go to: no buttons.
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('in Excel, each finding is a button that selects its cell', () => {
    const onSelect = jest.fn();
    render(withProviders(<FindingsList findings={FINDINGS} onSelect={onSelect} />));
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(FINDINGS.length);
    fireEvent.click(screen.getByRole('button', { name: 'Đến ô J9' }));
    expect(onSelect).toHaveBeenCalledWith(FINDINGS[1]);
    // Keyboard users reach the same action: the buttons are real buttons in the tab order.
    expect(buttons.every((b) => b.tagName === 'BUTTON' && !b.hasAttribute('tabindex'))).toBe(true);
  });

  it('speaks English when the pane does', () => {
    render(withProviders(<FindingsList findings={FINDINGS} />, 'en'));
    const syt = screen.getByRole('region', { name: 'Sở Y tế' });
    expect(text(syt)).toContain('Problem at J4');
    expect(text(syt.querySelector('[data-severity="info"]'))).toBe('Note: 1');
    expect(within(document.body).getByRole('region', { name: '(no lead agency)' })).toBeTruthy();
  });
});
