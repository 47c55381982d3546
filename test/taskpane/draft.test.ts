import {
  agenciesInvolved,
  carryOver,
  countByCategory,
  editTask,
  effectivePlan,
  newDraft,
  setIncluded,
} from '../../src/taskpane/draft';
import { samplePlan } from './fixtures';

describe('the plan draft', () => {
  it('starts with the parts that have no tasks excluded', () => {
    const plan = samplePlan();
    const draft = newDraft(plan, 'text');
    const withTasks = new Set(plan.tasks.map((t) => t.section));
    expect(draft.excluded).toEqual(plan.sections.filter((s) => !withTasks.has(s.id)).map((s) => s.id));
    expect(effectivePlan(draft).tasks).toHaveLength(plan.tasks.length);
  });

  it('drops the tasks of an excluded part and brings them back when included again', () => {
    const plan = samplePlan();
    const off = setIncluded(newDraft(plan, ''), 'IV', false);
    expect(effectivePlan(off).tasks.map((t) => t.id)).toEqual(
      plan.tasks.filter((t) => t.section !== 'IV').map((t) => t.id),
    );
    expect(effectivePlan(setIncluded(off, 'IV', true)).tasks).toHaveLength(plan.tasks.length);
  });

  it('applies a lead edit, removing the new lead from the partners', () => {
    const plan = samplePlan();
    const d = editTask(newDraft(plan, ''), 'IV.2.1', { lead: 'van phong tinh uy' });
    const t = effectivePlan(d).tasks.find((x) => x.id === 'IV.2.1')!;
    expect(t.lead).toBe('van phong tinh uy');
    expect(t.partners).not.toContain('van phong tinh uy');
    expect(plan.tasks.find((x) => x.id === 'IV.2.1')!.lead).toBe('ban tuyen giao tinh uy'); // original untouched
  });

  it('applies a due date, replacing an unspecified deadline, and clears it again', () => {
    const plan = samplePlan();
    let d = editTask(newDraft(plan, ''), 'V.1', { due: '2024-06-30' });
    let t = effectivePlan(d).tasks.find((x) => x.id === 'V.1')!;
    expect(t.deadlines).toEqual([{ category: 'due', raw: '', due: '2024-06-30' }]);
    d = editTask(d, 'V.1', { due: null });
    t = effectivePlan(d).tasks.find((x) => x.id === 'V.1')!;
    expect(t.deadlines.map((x) => x.category)).toEqual(['none']);
  });

  it('keeps a periodic note alongside a new due date', () => {
    const d = editTask(newDraft(samplePlan(), ''), 'IV.2.1', { due: '2024-12-31' });
    const t = effectivePlan(d).tasks.find((x) => x.id === 'IV.2.1')!;
    expect(t.deadlines.map((x) => x.category)).toEqual(['due', 'periodic']);
  });

  it('adds an agency the user typed to the plan’s agencies once', () => {
    const agency = { key: 'so noi vu', name: 'Sở Nội vụ' };
    let d = editTask(newDraft(samplePlan(), ''), 'V.1', { lead: agency.key }, agency);
    d = editTask(d, 'IV.1.1', { lead: agency.key }, agency);
    const plan = effectivePlan(d);
    expect(plan.agencies.filter((a) => a.key === agency.key)).toHaveLength(1);
    expect(plan.tasks.filter((t) => t.lead === agency.key).map((t) => t.id)).toEqual(['IV.1.1', 'V.1']);
  });

  it('counts tasks by category and the agencies involved', () => {
    const plan = samplePlan();
    const counts = countByCategory(plan.tasks);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(plan.tasks.length);
    expect(counts.none).toBe(plan.tasks.filter((t) => t.deadlines[0].category === 'none').length);
    const keys = new Set(plan.tasks.flatMap((t) => [t.lead, ...t.partners]).filter(Boolean));
    expect(agenciesInvolved(plan.tasks)).toBe(keys.size);
  });
});

describe('analysing again', () => {
  const clone = (p: ReturnType<typeof samplePlan>) => JSON.parse(JSON.stringify(p)) as typeof p;

  it('keeps the lead and deadline corrections of tasks found again, even when they moved', () => {
    const plan = samplePlan();
    let d = newDraft(plan, 'v1');
    d = editTask(d, 'V.1', { lead: 'van phong tinh uy' });
    d = editTask(d, 'IV.1.2', { due: '2024-03-31' });
    d = setIncluded(d, 'IV', true);
    // The user inserts a task before V.1: the old V.1 is now V.2, and V.1 is a new task.
    const next = clone(plan);
    const oldV1 = next.tasks.find((t) => t.id === 'V.1')!;
    oldV1.id = 'V.2';
    oldV1.number = '2';
    next.tasks.push({ ...oldV1, id: 'V.1', number: '1', text: 'Một nhiệm vụ mới được thêm vào.' });
    const kept = carryOver(d, newDraft(next, 'v2'));
    const out = effectivePlan(kept).tasks;
    expect(out.find((t) => t.id === 'V.2')!.lead).toBe('van phong tinh uy');
    expect(out.find((t) => t.id === 'V.1')!.lead).toBeNull();
    expect(out.find((t) => t.id === 'IV.1.2')!.deadlines[0]).toEqual({
      category: 'due',
      raw: '',
      due: '2024-03-31',
    });
    expect(kept.sourceText).toBe('v2');
  });

  it('keeps a correction when the task’s text was retouched in place, and parts left out', () => {
    const plan = samplePlan();
    let d = editTask(newDraft(plan, ''), 'IV.2.1', { lead: 'ban to chuc tinh uy' });
    d = setIncluded(d, 'V', false);
    const next = clone(plan);
    next.tasks.find((t) => t.id === 'IV.2.1')!.text = 'Tuyên truyền sâu rộng Nghị quyết.';
    const kept = carryOver(d, newDraft(next, ''));
    expect(effectivePlan(kept).tasks.find((t) => t.id === 'IV.2.1')!.lead).toBe('ban to chuc tinh uy');
    expect(kept.excluded).toContain('V');
  });

  it('drops the corrections of tasks that are gone and keeps an agency the user typed', () => {
    const plan = samplePlan();
    const agency = { key: 'so noi vu', name: 'Sở Nội vụ' };
    const d = editTask(newDraft(plan, ''), 'V.1', { lead: agency.key }, agency);
    const fewer = clone(plan);
    fewer.tasks = fewer.tasks.filter((t) => t.id !== 'IV.1.1');
    const kept = carryOver(editTask(d, 'IV.1.1', { due: null }), newDraft(fewer, ''));
    expect(Object.keys(kept.edits)).toEqual(['V.1']);
    expect(effectivePlan(kept).agencies).toContainEqual(agency);
  });
});

describe('every correction the parser can need', () => {
  it('sets the kind of deadline, keeping the plan’s own note of that kind', () => {
    const plan = samplePlan();
    let d = editTask(newDraft(plan, ''), 'IV.1.2', { category: 'ongoing' });
    expect(effectivePlan(d).tasks.find((t) => t.id === 'IV.1.2')!.deadlines).toEqual([
      { category: 'ongoing', raw: '', due: null },
    ]);
    d = editTask(d, 'IV.2.1', { category: 'periodic' });
    expect(effectivePlan(d).tasks.find((t) => t.id === 'IV.2.1')!.deadlines).toEqual([
      { category: 'periodic', raw: 'hằng năm', due: null },
    ]);
    // Back to a date: the date wins over the earlier kind.
    d = editTask(d, 'IV.1.2', { category: 'due', due: '2024-09-30' });
    expect(effectivePlan(d).tasks.find((t) => t.id === 'IV.1.2')!.deadlines[0].due).toBe('2024-09-30');
  });

  it('replaces the partners and the text', () => {
    const d = editTask(newDraft(samplePlan(), ''), 'IV.2.1', {
      partners: ['ban to chuc tinh uy'],
      text: '  Tuyên truyền, quán triệt Nghị quyết.  ',
    });
    const t = effectivePlan(d).tasks.find((x) => x.id === 'IV.2.1')!;
    expect(t.partners).toEqual(['ban to chuc tinh uy']);
    expect(t.text).toBe('Tuyên truyền, quán triệt Nghị quyết.');
  });
});
