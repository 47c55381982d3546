import { deadlineState } from '../../src/tracking/deadline-state';

const R = '2024-07-01';

describe('deadlineState', () => {
  it('keeps ongoing tasks and periodic tasks without a date out of the deadline states', () => {
    expect(
      deadlineState({ category: 'ongoing', due: '2020-01-01', status: 'done', completedOn: null }, R),
    ).toBe('ongoing');
    expect(deadlineState({ category: 'periodic', due: null, status: null, completedOn: null }, R)).toBe(
      'ongoing',
    );
  });

  it('judges a periodic task that was given a date like a dated one', () => {
    expect(
      deadlineState({ category: 'periodic', due: '2024-06-30', status: null, completedOn: null }, R),
    ).toBe('overdue');
  });

  it('calls a task without a due date undated, whatever its status', () => {
    for (const category of ['due', 'external', 'none', null] as const) {
      expect(deadlineState({ category, due: null, status: 'done', completedOn: '2024-01-01' }, R)).toBe(
        'undated',
      );
    }
  });

  it('compares the completion date with the due date, the due day itself being on time', () => {
    const base = { category: 'due' as const, due: '2024-06-30', status: 'done' as const };
    expect(deadlineState({ ...base, completedOn: '2024-06-30' }, R)).toBe('done_on_time');
    expect(deadlineState({ ...base, completedOn: '2024-07-01' }, R)).toBe('done_late');
    // Done without a completion date is neither on time nor late: a state of its own (issue 16).
    expect(deadlineState({ ...base, completedOn: null }, R)).toBe('done_undated');
    expect(deadlineState({ ...base, completedOn: null }, '2024-01-01')).toBe('done_undated');
  });

  it('judges tasks not done against the report date', () => {
    for (const status of ['not_started', 'in_progress', null] as const) {
      const input = { category: 'due' as const, due: '2024-06-30', status, completedOn: null };
      expect(deadlineState(input, '2024-06-30')).toBe('in_progress_on_time');
      expect(deadlineState(input, '2024-07-01')).toBe('overdue');
    }
  });
});
