/** The corpus scorer on hand-made plans: each rule of score.ts, held and not held. */
import { agencyKey } from '../../../src/plan/agency';
import type { Deadline, Plan, Task } from '../../../src/plan/types';
import type { PlanLabel } from './labels';
import { normalizeForMatch, scorePlan } from './score';

function task(id: string, text: string, extra: Partial<Task> = {}): Task {
  return {
    id,
    section: 'II',
    number: id,
    group: null,
    lead: null,
    partners: [],
    text,
    deadlines: [],
    references: [],
    line: 1,
    ...extra,
  };
}

function plan(tasks: Task[], extra: Partial<Plan> = {}): Plan {
  return {
    title: 'KẾ HOẠCH',
    number: '12/KH-UBND',
    issuedOn: '2024-04-10',
    issuer: null,
    place: null,
    signer: null,
    sections: [{ id: 'II', heading: 'II. NHIỆM VỤ', kind: 'tasks' }],
    agencies: [],
    tasks,
    warnings: [],
    ...extra,
  };
}

const due = (d: string): Deadline => ({ category: 'due', raw: '', due: d });

function held(p: Plan, label: PlanLabel, category: string): string {
  const s = scorePlan(p, label).byCategory[category as 'tasks'];
  return `${s.held}/${s.total}`;
}

describe('scorePlan', () => {
  it('normalises case, NFD, whitespace and markdown emphasis before matching', () => {
    expect(normalizeForMatch('**Tổ chức**  tập\nhuấn'.normalize('NFD'))).toBe('tổ chức tập huấn');
    const p = plan([task('1', 'TỔ CHỨC **tập huấn** cho cán bộ')]);
    expect(held(p, { tasks: [{ phrase: 'tổ chức tập huấn' }] }, 'tasks')).toBe('1/1');
  });

  it('finds a task only when exactly one parsed task holds the phrase', () => {
    const p = plan([task('1', 'Rà soát văn bản'), task('2', 'Rà soát văn bản')]);
    expect(held(p, { tasks: [{ phrase: 'Rà soát văn bản' }] }, 'tasks')).toBe('0/1');
    // A group tells them apart, whether the parser made the heading a group or a section.
    const q = plan([task('1', 'Rà soát văn bản', { group: '1. Sở Tư pháp' }), task('2', 'Rà soát văn bản')]);
    expect(held(q, { tasks: [{ phrase: 'Rà soát văn bản', group: 'Sở Tư pháp' }] }, 'tasks')).toBe('1/1');
    expect(held(q, { tasks: [{ phrase: 'Rà soát văn bản', section: 'II. NHIỆM VỤ' }] }, 'tasks')).toBe('0/1');
  });

  it('finds none of the labelled tasks one parsed task has swallowed', () => {
    const p = plan([task('1', 'Xây dựng kế hoạch. Tổ chức tập huấn.'), task('2', 'Kiểm tra')]);
    const label: PlanLabel = {
      tasks: [{ phrase: 'Xây dựng kế hoạch' }, { phrase: 'Tổ chức tập huấn' }, { phrase: 'Kiểm tra' }],
    };
    expect(held(p, label, 'tasks')).toBe('1/3');
  });

  it('compares leads and partners by agency key and ignores a generic partner tail', () => {
    const p = plan([
      task('1', 'Tổ chức tập huấn', {
        lead: agencyKey('UBND tỉnh'),
        partners: [agencyKey('Sở Tư pháp'), agencyKey('các cơ quan, đơn vị có liên quan')],
      }),
    ]);
    const label: PlanLabel = {
      tasks: [{ phrase: 'Tổ chức tập huấn', lead: 'Ủy ban nhân dân tỉnh', partners: ['Sở Tư Pháp'] }],
    };
    expect(held(p, label, 'leads')).toBe('1/1');
    expect(held(p, label, 'partners')).toBe('1/1');
    // A partner the label does not name counts against the parser.
    const wrong: PlanLabel = { tasks: [{ phrase: 'Tổ chức tập huấn', partners: [] }] };
    expect(held(p, wrong, 'partners')).toBe('0/1');
  });

  it('checks a deadline note by category and by due date', () => {
    const p = plan([task('1', 'Báo cáo kết quả', { deadlines: [due('2014-06-30')] })]);
    const right: PlanLabel = {
      tasks: [{ phrase: 'Báo cáo kết quả', deadline: { category: 'due', due: '2014-06-30' } }],
    };
    const late: PlanLabel = {
      tasks: [{ phrase: 'Báo cáo kết quả', deadline: { category: 'due', due: '2014-12-31' } }],
    };
    expect(held(p, right, 'deadlines')).toBe('2/2');
    expect(held(p, late, 'deadlines')).toBe('1/2');
  });

  it('fails the attribute checks of a task it does not find', () => {
    const p = plan([task('1', 'Khác hẳn')]);
    const label: PlanLabel = {
      tasks: [{ phrase: 'Tổ chức tập huấn', lead: null, partners: [], deadline: { category: 'none' } }],
    };
    const s = scorePlan(p, label);
    expect(s.overall).toEqual({ held: 0, total: 4 });
  });

  it('checks the header, the non-tasks and the task count', () => {
    const p = plan([task('1', 'Tổ chức tập huấn')], { number: '12/ KH-UBND' });
    const label: PlanLabel = {
      header: { number: '12/KH-UBND', issuedOn: '2024-04-11' },
      taskCount: 1,
      tasks: [],
      nonTasks: ['Nâng cao nhận thức', 'tập huấn'],
    };
    expect(held(p, label, 'header')).toBe('1/2');
    expect(held(p, label, 'nonTasks')).toBe('1/2');
    expect(held(p, label, 'taskCount')).toBe('1/1');
  });
});
