import { byConfidence } from '../../src/plan/confidence';
import { parsePlan } from '../../src/plan/parse';
import { SAMPLE } from './helpers';

describe('confidence: every task says how sure its reading is, and why', () => {
  const plan = parsePlan(
    [
      'II. NHIỆM VỤ',
      '1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát biên chế (quý II/2025).',
      '2. Sở Tư pháp thẩm định các văn bản quy phạm pháp luật (thường xuyên).',
      '3. Tổ chức hội nghị sơ kết (tháng 13/2025).',
      'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian',
      '1\tXây dựng cơ sở dữ liệu\tSở Nội vụ\tSở Tài chính\tđang cập nhật',
      '2\tRà soát thủ tục\tSở Tư pháp',
    ].join('\n'),
  );
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const codes = (id: string) => byId.get(id)!.reasons!.map((r) => r.code);

  it('is high for an explicit role and a read deadline, with no reason', () => {
    expect(byId.get('II.1')!.confidence).toBe('high');
    expect(codes('II.1')).toEqual([]);
  });

  it('is medium when the lead is only the subject of the sentence', () => {
    expect(byId.get('II.2')!.confidence).toBe('medium');
    expect(codes('II.2')).toEqual(['lead-from-sentence']);
  });

  it('is low with no lead, an unreadable deadline, or a table row cut short; each reason in both languages', () => {
    expect([byId.get('II.3')!.confidence, codes('II.3')]).toEqual(['low', ['no-lead']]);
    const row = plan.tasks.find((t) => t.text === 'Xây dựng cơ sở dữ liệu')!;
    expect([row.confidence, row.reasons!.map((r) => r.code)]).toEqual([
      'low',
      ['deadline-unrecognised', 'no-deadline'],
    ]);
    const cut = plan.tasks.find((t) => t.text === 'Rà soát thủ tục')!;
    expect(cut.confidence).toBe('low');
    expect(cut.reasons!.map((r) => r.code)).toContain('row-truncated');
    for (const r of plan.tasks.flatMap((t) => t.reasons!)) {
      expect(r.msg.vi.length).toBeGreaterThan(0);
      expect(r.msg.en.length).toBeGreaterThan(0);
      expect(r.msg.vi).not.toContain(' / ');
    }
  });

  it('a task the parser is unsure of is kept, and review order puts the low ones first', () => {
    const ordered = byConfidence(plan.tasks);
    expect(ordered.length).toBe(plan.tasks.length);
    const ranks = ordered.map((t) => ({ low: 0, medium: 1, high: 2 })[t.confidence!]);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    // Within one level the plan's order stays.
    const lows = ordered.filter((t) => t.confidence === 'low').map((t) => t.line);
    expect([...lows].sort((a, b) => a - b)).toEqual(lows);
  });

  it('every task of the sample carries a confidence', () => {
    const sample = parsePlan(SAMPLE);
    expect(sample.tasks.every((t) => t.confidence !== undefined && Array.isArray(t.reasons))).toBe(true);
    // Collective subjects ("Các cấp ủy, tổ chức đảng …") give no lead: those tasks are low, for review.
    expect(sample.tasks.filter((t) => t.lead === null).every((t) => t.confidence === 'low')).toBe(true);
  });
});
