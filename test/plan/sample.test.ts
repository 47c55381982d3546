import { agencyKey } from '../../src/plan/agency';
import { parsePlan } from '../../src/plan/parse';
import { SAMPLE } from './helpers';
import { SAMPLE_TASKS } from './sample-expectations';

describe('the sample plan (NQ 28, Nam Định)', () => {
  const plan = parsePlan(SAMPLE);
  const sampleLines = SAMPLE.split('\n');

  it('finds the five parts with their kinds', () => {
    expect(plan.sections.map((s) => [s.id, s.kind])).toEqual([
      ['I', 'context'],
      ['II', 'context'],
      ['III', 'tasks'],
      ['IV', 'tasks'],
      ['V', 'tasks'],
    ]);
    expect(plan.sections[3].heading).toBe('NHIỆM VỤ CỤ THỂ');
  });

  it('reads the header the sample has (no number or date) and the footer', () => {
    expect(plan.title.startsWith('KẾ HOẠCH thực hiện Nghị quyết số 28-NQ/TW')).toBe(true);
    expect(plan.number).toBeNull();
    expect(plan.issuedOn).toBeNull();
    expect(plan.issuer).toBe('Ban Thường vụ Tỉnh ủy');
    expect(plan.signer).toBe('Lê Quốc Chính');
  });

  it('has exactly the tasks of parts III, IV and V, in order, with leads and deadlines', () => {
    expect(plan.tasks.map((t) => t.id)).toEqual(SAMPLE_TASKS.map((t) => t.id));
    for (const expected of SAMPLE_TASKS) {
      const task = plan.tasks.find((t) => t.id === expected.id)!;
      expect([task.id, task.lead]).toEqual([
        expected.id,
        expected.lead === null ? null : agencyKey(expected.lead),
      ]);
      expect([task.id, task.deadlines.map((d) => [d.category, d.due])]).toEqual([
        expected.id,
        expected.deadlines,
      ]);
    }
  });

  it('takes no task from parts I and II or the footer', () => {
    expect(plan.tasks.every((t) => ['III', 'IV', 'V'].includes(t.section))).toBe(true);
    const texts = plan.tasks.map((t) => t.text).join('\n');
    expect(texts).not.toContain('quán triệt nghiêm túc Nghị quyết số 28-NQ/TW, nâng cao nhận thức'); // I.1
    expect(texts).not.toContain('Tạo chuyển biến mạnh mẽ, thực chất'); // II.1
    expect(texts).not.toContain('Bộ Chính trị,\n');
    expect(texts).not.toContain('Lê Quốc Chính');
  });

  it('keeps numbers, groups and the task text as written (without markdown)', () => {
    const t = plan.tasks.find((x) => x.id === 'IV.3.2')!;
    expect(t.section).toBe('IV');
    expect(t.number).toBe('3.2');
    expect(t.group).toBe('3. Ban Tổ chức Tỉnh ủy');
    expect(t.text).toContain('năng lực và uy tín, ngang tầm nhiệm vụ'); // joined across the page break
    expect(t.text).not.toContain('*');
    expect(plan.tasks.find((x) => x.id === 'IV.4.3')!.text).toContain('việc kiểm soát quyền lực');
    expect(plan.tasks.find((x) => x.id === 'IV.6.2')!.text).toContain(
      'Quy chế công tác dân vận của hệ thống',
    );
    const t36 = plan.tasks.find((x) => x.id === 'IV.3.6')!;
    expect(t36.text).toContain('cán bộ lãnh đạo, quản lý các cấp; Quy định về việc kiểm điểm');
    expect(t36.deadlines[0].raw).toBe('theo kế hoạch của Trung ương');
    expect(plan.tasks.find((x) => x.id === 'V.3')!.text.endsWith('báo cáo Ban Thường vụ Tỉnh ủy.')).toBe(
      true,
    );
  });

  it('gives V.3 a partner and the sentence-level roles', () => {
    const v3 = plan.tasks.find((t) => t.id === 'V.3')!;
    expect(v3.partners).toEqual([agencyKey('các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy')]);
    expect(plan.tasks.filter((t) => t.partners.length > 0).map((t) => t.id)).toEqual(['V.3']);
  });

  it('points each task at its line in the input', () => {
    for (const t of plan.tasks) {
      const line = sampleLines[t.line - 1];
      expect(line.startsWith(t.id.split('.').slice(1).join('.') + '.')).toBe(true);
    }
  });

  it('lists each agency once, named as written', () => {
    const keys = plan.agencies.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    const btc = plan.agencies.find((a) => a.key === agencyKey('Ban Tổ chức Tỉnh uỷ'))!;
    expect(btc.name).toBe('Ban Tổ chức Tỉnh ủy');
    const used = new Set(plan.tasks.flatMap((t) => [t.lead, ...t.partners]).filter(Boolean));
    expect(new Set(keys)).toEqual(used);
  });

  it('collects the cited documents per task', () => {
    const refs = (id: string) => plan.tasks.find((t) => t.id === id)!.references;
    expect(refs('IV.3.2')).toEqual([
      'Nghị quyết số 26-NQ/TW ngày 19/5/2018',
      'Nghị quyết số 09-NQ/TU ngày 20/10/2016',
      'Kết luận số 88-KL/TU ngày 12/4/2022',
    ]);
    expect(refs('IV.3.4')).toEqual([
      'Quy định số 205-QĐ/TW, ngày 23/9/2019',
      'Kế hoạch số 84-KH/TU ngày 21/12/2022',
    ]);
    expect(refs('IV.3.3')).toContain('Chương trình hành động số 24-CTr/TU, ngày 15/9/2022');
    expect(refs('IV.6.1')).toEqual(['Quyết định số 218-QĐ/TW, ngày 12/12/2013']);
    expect(refs('IV.5.1')).toContain('Chỉ thị số 05-CT/TW ngày 15/5/2016');
  });

  it('warns, with a line, about every task without a deadline note and nothing else', () => {
    const noDeadline = plan.warnings.filter((w) => w.code === 'no-deadline');
    const expected = SAMPLE_TASKS.filter((t) => t.deadlines[0][0] === 'none').map((t) => t.id);
    expect(noDeadline.map((w) => w.msg.vi.split(' ')[2])).toEqual(expected);
    expect(noDeadline.every((w) => w.line > 0 && w.msg.en.length > 0)).toBe(true);
    expect(plan.warnings.length).toBe(noDeadline.length);
  });
});
