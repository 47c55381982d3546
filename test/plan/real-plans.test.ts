/**
 * Two real plans that are not in the labelled corpus (test/fixtures/plans/SOURCES.md), read by hand:
 * the forms of issue 12 §2 as a law library's page gives them — the header as "|" cells with
 * emphasis, lines wrapped inside headings, a decision that carries the plan, attribute-free agency
 * headings with lettered points, and an appendix table flattened to one cell per block.
 */
import { agencyKey } from '../../src/plan/agency';
import { parsePlan } from '../../src/plan/parse';
import { fixture } from './helpers';

const k = agencyKey;

describe('a decision that carries a plan (Bộ VHTTDL, Quyết định 4385/QĐ-BVHTTDL)', () => {
  const plan = parsePlan(fixture('bo-vhttdl-4385-qd-2025.txt'));

  it("keeps the decision's facts and gives the plan its number and date", () => {
    expect(plan.decision).toMatchObject({
      number: '4385/QĐ-BVHTTDL',
      issuedOn: '2025-11-18',
      issuer: 'BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
    });
    expect(plan.decision!.title).toMatch(/^QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN QUY HOẠCH/);
    expect([plan.number, plan.issuedOn, plan.place]).toEqual(['4385/QĐ-BVHTTDL', '2025-11-18', 'Hà Nội']);
    expect(plan.title).toBe(
      'KẾ HOẠCH THỰC HIỆN QUY HOẠCH MẠNG LƯỚI CƠ SỞ VĂN HÓA VÀ THỂ THAO THỜI KỲ 2021-2030, TẦM NHÌN ĐẾN NĂM 2045',
    );
    expect(plan.signer).toBe('Tạ Quang Đông');
  });

  it("reads the attached plan's parts (headings wrapped over two lines), none of the decision's articles", () => {
    expect(plan.sections.map((s) => [s.id, s.kind, s.heading])).toEqual([
      ['I', 'context', 'MỤC ĐÍCH, YÊU CẦU'],
      ['II', 'tasks', 'NỘI DUNG CHỦ YẾU'],
      ['III', 'tasks', 'GIẢI PHÁP THỰC HIỆN'],
      ['IV', 'tasks', 'TỔ CHỨC THỰC HIỆN'],
    ]);
    expect(plan.tasks.some((t) => /Quyết định này có hiệu lực|Chánh Văn phòng/u.test(t.text))).toBe(false);
  });

  it('an agency heading in bold over two lines leads its lettered points; "định kỳ hằng năm" is periodic', () => {
    const iv1 = plan.tasks.filter((t) => t.id.startsWith('IV.1.'));
    expect(iv1.map((t) => t.id)).toEqual(['IV.1.a', 'IV.1.b', 'IV.1.c', 'IV.1.d']);
    const vien = k('Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam');
    expect(iv1.every((t) => t.lead === vien)).toBe(true);
    expect(iv1[1].deadlines.map((d) => d.category)).toEqual(['periodic']);
    expect(iv1[0].text).toMatch(/^Tổ chức tuyên truyền phổ biến nội dung quy hoạch/);
    // "d) Chủ trì, phối hợp với các Bộ, ngành liên quan, Ủy ban nhân dân các tỉnh, …": partners, no new lead.
    expect(iv1[3].partners).toEqual([
      k('các Bộ, ngành liên quan'),
      k('Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương'),
    ]);
  });

  it('an agency heading whose duty is the paragraph below leads it; a collective heading is a whole name', () => {
    const iv2 = plan.tasks.find((t) => t.id === 'IV.2')!;
    expect(iv2.lead).toBe(k('Các cơ quan trực thuộc Bộ Văn hóa, Thể thao và Du lịch'));
    expect(iv2.text).toMatch(/^Chủ trì, phối hợp với các Bộ, ngành liên quan/);
    const iv4 = plan.tasks.find((t) => t.id === 'IV.4')!;
    expect(iv4.lead).toBe(k('Các tổ chức, cá nhân liên quan'));
    expect(plan.agencies.some((a) => a.key === 'các')).toBe(false);
  });
});

describe('a plan with an appendix task table flattened to "|" blocks (Đồng Tháp 617/KH-UBND)', () => {
  const plan = parsePlan(fixture('617-kh-ubnd-2025-chuyen-doi-so.txt'));

  it('reads the header given as "|" cells with the date cut over two lines', () => {
    expect([plan.number, plan.issuedOn, plan.place, plan.issuer]).toEqual([
      '617/KH-UBND',
      '2025-12-01',
      'Đồng Tháp',
      'ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP',
    ]);
    expect(plan.signer).toBe('Huỳnh Minh Tuấn');
  });

  it('turns the appendix rows into tasks under their Roman groups, abbreviations mapped to one key', () => {
    const pl = plan.tasks.filter((t) => t.section === 'PL');
    expect(pl.length).toBe(11);
    expect(
      pl.slice(0, 4).map((t) => [t.id, t.group, t.lead, t.deadlines.map((d) => [d.category, d.due])]),
    ).toEqual([
      [
        'PL.I.1',
        'I. NÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY',
        k('Sở Khoa học và Công nghệ'),
        [['ongoing', null]],
      ],
      [
        'PL.I.2',
        'I. NÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY',
        k('Sở Khoa học và Công nghệ'),
        [['ongoing', null]],
      ],
      [
        'PL.I.3',
        'I. NÂNG CAO NHẬN THỨC VÀ ĐỔI MỚI TƯ DUY',
        k('Sở Nội vụ'),
        [
          ['ongoing', null],
          ['periodic', null],
        ],
      ],
      [
        'PL.II.4',
        'II. HOÀN THIỆN CƠ CHẾ, CHÍNH SÁCH HỖ TRỢ CHUYỂN ĐỔI SỐ DOANH NGHIỆP',
        k('Sở Khoa học và Công nghệ'),
        [['due', '2025-12-31']],
      ],
    ]);
    // "Sở KH&CN" in the table and "Sở Khoa học và Công nghệ" in the text are one agency, shown as written first.
    expect(k('Sở KH&CN')).toBe(k('Sở Khoa học và Công nghệ'));
    expect(pl[0].partners).toEqual([k('Các sở, ban, ngành tỉnh'), k('UBND các xã, phường')]);
    expect(pl[0].text).toBe(
      'Triển khai nền tảng đào tạo trực tuyến mở đại trà, cung cấp kiến thức, kỹ năng số, công nghệ số cơ bản cho người dân, doanh nghiệp.',
    );
  });
});
