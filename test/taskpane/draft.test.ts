import {
  agenciesInvolved,
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
