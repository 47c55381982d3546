import fc from 'fast-check';
import { agencyKey } from '../../src/plan/agency';
import { normalizeText } from '../../src/plan/normalize';
import { parsePlan } from '../../src/plan/parse';
import { SAMPLE } from './helpers';

// Pieces that steer random text into the parser's interesting paths.
const PIECES = [
  '\n',
  '\r\n',
  '\n\n',
  '\t',
  ' ',
  '|',
  '*',
  '**',
  '[1]',
  '- 3 -',
  'I. ',
  'II- ',
  'IV. NHIỆM VỤ CỤ THỂ',
  '1. ',
  '1.1. ',
  'a) ',
  '- ',
  '+ ',
  'Nơi nhận:',
  'T/M BAN THƯỜNG VỤ',
  'PHỤ LỤC',
  'STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian',
  'Ban Tổ chức Tỉnh ủy',
  ' chủ trì, phối hợp với ',
  'Sở Nội vụ',
  '(thực hiện thường xuyên)',
  '(quý II/2023)',
  '(trước ngày 25.3)',
  'Số: 74/KH-UBND',
  'Hưng Yên, ngày 10 tháng 4 năm 2024',
  'KẾ HOẠCH',
  'uy',
  'tín',
  ';',
  '\u00A0',
  '\uFEFF',
  'o\u0301a',
  'Nghị quyết số 26-NQ/TW ngày 19/5/2018',
  '©',
  'aø',
  '(',
  ')',
  ':',
  '.',
];
const planish = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string(), fc.string({ unit: 'grapheme' })), {
    maxLength: 60,
  })
  .map((xs) => xs.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), planish);

describe('properties', () => {
  it('parsePlan never throws and always returns a well-formed plan', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const plan = parsePlan(text);
        const ids = plan.tasks.map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const t of plan.tasks) {
          expect(t.deadlines.length).toBeGreaterThan(0);
          expect(t.line).toBeGreaterThanOrEqual(1);
        }
        const keys = new Set(plan.agencies.map((a) => a.key));
        for (const t of plan.tasks)
          for (const k of [t.lead, ...t.partners]) if (k) expect(keys.has(k)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('normalizeText is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
    const once = normalizeText(SAMPLE);
    expect(normalizeText(once)).toBe(once);
  });

  it('agencyKey is idempotent and ignores case, spacing and Unicode form', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const key = agencyKey(name);
        expect(agencyKey(key)).toBe(key);
        expect(agencyKey(name.normalize('NFD'))).toBe(key);
        expect(agencyKey(' ' + name.toUpperCase().replace(/ /g, '  '))).toBe(agencyKey(name.toUpperCase()));
      }),
      { numRuns: 500 },
    );
  });
});
