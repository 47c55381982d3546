/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { AgencySummary } from '../../src/taskpane/components/AgencySummary';
import { emptyCounts, type SummaryRow } from '../../src/tracking/summary';
import { withProviders } from './fixtures';

function row(key: string, counts: Partial<SummaryRow['counts']>): SummaryRow {
  const c = { ...emptyCounts(), ...counts };
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  return { key, label: key, counts: c, total, extended: 0, completionRate: null };
}

describe('AgencySummary', () => {
  it('says "chưa đến hạn" only of tasks that have a deadline', () => {
    render(
      withProviders(
        <AgencySummary
          rows={[
            row('Sở Nội vụ', { in_progress_on_time: 2, ongoing: 1 }),
            row('Sở Tài chính', { ongoing: 3, undated: 1 }),
          ]}
        />,
      ),
    );
    const items = screen.getAllByRole('listitem').filter((li) => li.textContent?.includes('Sở '));
    expect(items[0].textContent).toContain('chưa đến hạn');
    expect(items[1].textContent).not.toContain('chưa đến hạn');
    expect(items[1].textContent).toContain('không có thời hạn');
  });
});

describe('an agency with nothing in the period', () => {
  it('still names its empty bar for screen readers (axe: role="img" needs a name)', () => {
    render(withProviders(<AgencySummary rows={[row('Sở Văn hóa, Thể thao và Du lịch', {})]} />));
    const bar = screen.getByRole('img');
    expect(bar.getAttribute('aria-label')).toBe('Tổng: 0');
    // Its counts line ends with the total: no separator left hanging.
    expect(screen.getByText(/^Tổng: 0/).textContent).toBe('Tổng: 0');
  });
});
