/**
 * A Kết luận of the Politburo and Secretariat (221-KL/TW, test/fixtures/real): numbered items whose
 * paragraphs each charge someone ("Yêu cầu …", "Giao …"). Each charge is a task of its own, with
 * the deadline its own sentence states.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agencyKey } from '../../src/plan/agency';
import { extractDeadlines } from '../../src/plan/deadline';
import { parsePlan } from '../../src/plan/parse';
import { ROOT } from './helpers';

const text = readFileSync(join(ROOT, 'test', 'fixtures', 'real', 'bct-221-kl-tw-2025.txt'), 'utf8');

describe('an item that charges several bodies in its paragraphs', () => {
  const tasks = parsePlan(text).tasks;
  const opening = (t: { text: string }) => t.text.slice(0, 30);

  it('gives each charge after a finished sentence its own task, numbered under the item', () => {
    expect(tasks.map((t) => [t.id, opening(t)])).toEqual([
      ['S1.1', 'Cơ bản thống nhất với\nBáo cáo '],
      ['S1.2', 'Yêu cầu các cấp uỷ, tổ chức đả'],
      ['S1.2-1', 'Yêu cầu các đồng chí bí thư tỉ'],
      ['S1.3', 'Giao Đảng uỷ Chính phủ lãnh đạ'],
      ['S1.4', 'Yêu cầu Đảng uỷ Chính phủ chỉ '],
      ['S1.4-1', 'Yêu cầu các cấp uỷ, cơ quan, đ'],
      ['S1.5', 'Giao Ban Tổ chức Trung ương ti'],
    ]);
    // "Trong đó, ưu tiên các lĩnh vực …" goes on with the charge of item 3.
    expect(tasks.find((t) => t.id === 'S1.3')!.text).toMatch(/Trong đó, ưu tiên các lĩnh vực/u);
  });

  it('keeps to each charge its own lead, partners and deadline', () => {
    const four = tasks.find((t) => t.id === 'S1.4')!;
    const rest = tasks.find((t) => t.id === 'S1.4-1')!;
    expect(four.lead).toBe(agencyKey('Đảng uỷ Chính phủ'));
    expect(four.partners).toEqual([]);
    expect(four.deadlines.map((d) => [d.category, d.due])).toEqual([['due', '2025-12-31']]);
    expect(rest.partners).toEqual(['Bộ Y tế', 'Bộ Giáo dục và Đào tạo', 'Bộ Nội vụ'].map(agencyKey));
    expect(rest.deadlines.map((d) => d.due)).toEqual(['2025-12-31']);
  });
});

describe('a due year that ends its sentence', () => {
  it('"…, hoàn thành trong năm 2025." is due at the end of 2025', () => {
    expect(
      extractDeadlines('Khẩn trương giải quyết các kiến nghị, hoàn thành trong năm 2025. Đối với …', 2025),
    ).toEqual([{ category: 'due', raw: 'trong năm 2025', due: '2025-12-31' }]);
  });
});

describe('duties stated paragraph by paragraph', () => {
  const real = (name: string) =>
    parsePlan(readFileSync(join(ROOT, 'test', 'fixtures', 'real', name), 'utf8')).tasks;

  it('under an agency heading, each whole paragraph is a task of that agency (Kế hoạch 252/KH-BCĐQG1237)', () => {
    const defence = real('bcdqg1237-252-kh-2013.txt').filter((t) => /^D\.2(?:-|$)/u.test(t.id));
    expect(defence.map((t) => [t.id, t.lead, t.text.slice(0, 24)])).toEqual([
      ['D.2-1', agencyKey('Bộ Quốc phòng'), 'Chủ trì, phối hợp với cá'],
      ['D.2-2', agencyKey('Bộ Quốc phòng'), 'Chủ trì nghiên cứu, đề x'],
      ['D.2-3', agencyKey('Bộ Quốc phòng'), 'Chỉ đạo đẩy nhanh tiến đ'],
    ]);
  });

  it('a closing paragraph handing the work to a named lead is its own task, "phối hợp cùng" naming partners (Chỉ thị 01/CT-TLĐ)', () => {
    const tasks = real('tld-01-ct-tld-2014.txt');
    const item = tasks.find((t) => t.id === 'III.3')!;
    const handed = tasks.find((t) => t.id === 'III.3-1')!;
    expect(item.text).not.toMatch(/Ban Tuyên giáo/u);
    expect(handed.lead).toBe(agencyKey('Ban Tuyên giáo'));
    expect(handed.partners).toEqual(
      ['Ban Tài chính', 'các Ban, đơn vị trực thuộc Tổng Liên đoàn'].map(agencyKey),
    );
  });
});
