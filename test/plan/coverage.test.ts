/**
 * "Nothing dropped silently": every paragraph inside a task part ends up in a task's text, as the
 * group heading of tasks, in a part's heading, or in a warning that points at its line.
 */
import { normalizeWithMap } from '../../src/plan/normalize';
import { parsePlan } from '../../src/plan/parse';
import { classifyLine } from '../../src/plan/structure';
import { fixture, SAMPLE } from './helpers';

function unaccounted(source: string): string[] {
  const plan = parsePlan(source);
  const { text, lineMap } = normalizeWithMap(source);
  const lines = text.split('\n');
  const taskKinds = new Map(plan.sections.map((s) => [s.heading, s.kind]));
  const texts = plan.tasks.map((t) => t.text).join('\n');
  const groups = new Set(plan.tasks.map((t) => t.group));
  const warned = new Set(plan.warnings.map((w) => w.line));
  const missing: string[] = [];
  let inTasks = false;
  lines.forEach((line, i) => {
    const c = classifyLine(line);
    if (c.kind === 'part') {
      inTasks = taskKinds.get(c.text) === 'tasks';
      return;
    }
    if (c.kind === 'footer' || c.kind === 'appendix') inTasks = c.kind === 'appendix';
    if (!inTasks || c.kind === 'footer' || c.kind === 'appendix') return;
    if (c.kind === 'row') {
      const cells = (c.cells ?? []).filter((x) => x !== '');
      const isHeader = cells.some((x) => /chủ trì/i.test(x));
      const found =
        isHeader ||
        warned.has(lineMap[i]) ||
        cells.some((x) => texts.includes(x) || [...groups].some((g) => g?.includes(x)));
      if (!found) missing.push(line);
      return;
    }
    const body = c.text.replace(/\.\/\S{0,3}$/, '');
    const found =
      texts.includes(body.slice(0, 60)) ||
      [...groups].some((g) => g !== null && g.endsWith(c.text)) ||
      plan.sections.some((sec) => sec.heading.endsWith(line)) ||
      warned.has(lineMap[i]);
    if (!found) missing.push(line);
  });
  return missing;
}

describe('every paragraph of a task part is accounted for', () => {
  it.each([
    ['the sample', SAMPLE],
    ['the appendix plan', fixture('hung-yen-74-kh-ubnd-appendix.txt')],
    ['the party plan', fixture('yen-phong-47-kh-hu-party.txt')],
    ['the HCM excerpt', fixture('hcm-1576-kh-ubnd-2019.txt')],
    [
      'a part with a lead-in sentence and an intro under a group',
      'II. NHIỆM VỤ\nCác cơ quan tập trung thực hiện các nội dung sau:\n1. Sở Nội vụ\nGiới thiệu chung.\n1.1. Rà soát.\n1.2. Báo cáo.',
    ],
  ])('%s', (_name, source) => {
    expect(unaccounted(source)).toEqual([]);
  });

  it('warns about the lead-in sentence and the stray intro, with their lines', () => {
    const plan = parsePlan(
      'II. NHIỆM VỤ\nCác cơ quan tập trung thực hiện các nội dung sau:\n1. Sở Nội vụ\nGiới thiệu chung.\n1.1. Rà soát.\n1.2. Báo cáo.',
    );
    expect(plan.warnings.filter((w) => w.code === 'unnumbered-text').map((w) => w.line)).toEqual([2, 4]);
    expect(plan.tasks.map((t) => t.id)).toEqual(['II.1.1', 'II.1.2']);
  });
});
