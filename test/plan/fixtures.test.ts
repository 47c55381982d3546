import { agencyKey } from '../../src/plan/agency';
import { parsePlan } from '../../src/plan/parse';
import { fixture } from './helpers';

const k = agencyKey;

describe('a state plan with an appendix task table (Hưng Yên 74/KH-UBND)', () => {
  const plan = parsePlan(fixture('hung-yen-74-kh-ubnd-appendix.txt'));

  it('reads the header table, the title with its subject line, and the footer', () => {
    expect(plan.number).toBe('74/KH-UBND');
    expect(plan.issuedOn).toBe('2024-04-10');
    expect(plan.place).toBe('Hưng Yên');
    expect(plan.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN');
    expect(plan.title).toBe(
      'KẾ HOẠCH Triển khai thực hiện chuyển đổi số trong cơ quan nhà nước tỉnh Hưng Yên năm 2024',
    );
    expect(plan.signer).toBe('Nguyễn Văn Phong');
  });

  it('turns table rows into tasks, group rows I, II into groups, columns into roles and deadlines', () => {
    const pl = plan.tasks.filter((t) => t.section === 'PL');
    expect(
      pl.map((t) => [t.id, t.group, t.lead, t.partners, t.deadlines.map((d) => [d.category, d.due])]),
    ).toEqual([
      [
        'PL.I.1',
        'I. Hoàn thiện thể chế',
        k('Văn phòng UBND tỉnh'),
        [k('Sở Thông tin và Truyền thông'), k('Sở Tư pháp')],
        [['due', '2024-06-30']],
      ],
      [
        'PL.I.2',
        'I. Hoàn thiện thể chế',
        k('Các sở, ban, ngành'),
        [k('Văn phòng UBND tỉnh')],
        [['due', '2024-06-30']],
      ],
      [
        'PL.II.1',
        'II. Phát triển hạ tầng số',
        k('Sở Thông tin và Truyền thông'),
        [k('Sở Tài chính'), k('Sở Kế hoạch và Đầu tư')],
        [['due', '2024-12-31']],
      ],
      [
        'PL.II.2',
        'II. Phát triển hạ tầng số',
        k('Sở Thông tin và Truyền thông'),
        [k('UBND các huyện, thành phố')],
        [['periodic', null]],
      ],
      [
        'PL.II.3',
        'II. Phát triển hạ tầng số',
        k('Công an tỉnh'),
        [k('Sở Thông tin và Truyền thông')],
        [['external', null]],
      ],
      ['PL.II.4', 'II. Phát triển hạ tầng số', k('Sở Nội vụ'), [], [['ongoing', null]]],
    ]);
    expect(pl[0].product).toBe('Quyết định của UBND tỉnh');
    expect(pl[1].references).toEqual(['Nghị định số 107/2021/NĐ-CP']);
  });

  it('reads roles from "X chủ trì, phối hợp với Y và Z" and a plan-year date', () => {
    const [one, two] = plan.tasks.filter((t) => t.section === 'III');
    expect([one.lead, one.partners]).toEqual([
      k('Sở Thông tin và Truyền thông'),
      [k('Sở Nội vụ'), k('Văn phòng UBND tỉnh')],
    ]);
    expect(one.deadlines[0].category).toBe('periodic');
    expect([two.lead, two.deadlines[0].due]).toEqual([k('Sở Tài chính'), '2024-03-25']);
  });

  it('reports the "see appendix" paragraph instead of making it a task; the footer list gives none', () => {
    expect(plan.tasks.filter((t) => t.section === 'II')).toEqual([]);
    expect(plan.warnings.map((w) => w.code)).toEqual(['see-appendix']);
    expect(plan.tasks.some((t) => t.text.includes('Lưu: VT'))).toBe(false);
  });
});

describe('a party plan with I-, 1-, a) numbering (Yên Phong 47-KH/HU)', () => {
  const plan = parsePlan(fixture('yen-phong-47-kh-hu-party.txt'));

  it('reads the "Số 47-KH/HU" number, the place and date', () => {
    expect([plan.number, plan.issuedOn, plan.place]).toEqual(['47-KH/HU', '2021-03-05', 'Yên Phong']);
    expect(plan.sections.map((s) => [s.id, s.kind])).toEqual([
      ['I', 'context'],
      ['II', 'tasks'],
      ['III', 'tasks'],
    ]);
  });

  it('finds tasks under topic and agency headings, role lines, bullets, and notes', () => {
    expect(
      plan.tasks.map((t) => [
        t.id,
        t.lead,
        t.partners.length,
        t.deadlines.map((d) => `${d.category}:${d.due}`).join(),
      ]),
    ).toEqual([
      ['II.1.a', k('Ban Tuyên giáo Huyện ủy'), 2, 'due:2021-06-30'],
      ['II.1.b', k('Ban Thi đua - Khen thưởng huyện'), 0, 'due:2021-09-30'],
      ['II.2.a', k('Ban Tổ chức Huyện ủy'), 0, 'periodic:null'],
      ['II.2.b', k('Ban Tổ chức Huyện ủy'), 0, 'due:2021-12-15'],
      ['II.3', k('Ủy ban Kiểm tra Huyện ủy'), 1, 'due:2021-10-31'],
      ['II.4-1', k('Các chi, đảng bộ cơ sở'), 0, 'due:2021-03-31'],
      ['II.4-2', k('Các chi, đảng bộ cơ sở'), 0, 'periodic:null'],
      ['III.1', k('Văn phòng Huyện ủy'), 1, 'external:null'],
      ['III.2', null, 0, 'ongoing:null'],
    ]);
    const a = plan.tasks[0];
    expect(a.group).toBe('1. Công tác tuyên truyền');
    expect(a.partners).toEqual([
      k('Trung tâm Văn hoá - Thông tin và Thể thao huyện'),
      k('Ủy ban Mặt trận Tổ quốc huyện'),
    ]);
    // "+" points stay inside the bullet they belong to.
    expect(plan.tasks[6].text).toContain('+ Báo cáo năm gửi trước ngày 10/12.');
    expect(plan.warnings).toEqual([]);
  });
});

describe('real plan openings (excerpts)', () => {
  it('Ninh Bình 130/KH-UBND: flattened header table, lost "I." heading', () => {
    const plan = parsePlan(fixture('ninh-binh-130-kh-ubnd-2022.txt'));
    expect([plan.number, plan.issuedOn, plan.place, plan.issuer]).toEqual([
      '130/KH-UBND',
      '2022-07-13',
      'Ninh Bình',
      'ỦY BAN NHÂN DÂN',
    ]);
    expect(plan.title).toContain('Kế hoạch giám sát, đánh giá thực hiện Chương trình mục tiêu quốc gia');
    expect(plan.sections.map((s) => [s.id, s.kind])).toEqual([
      ['I', 'context'],
      ['II', 'context'],
    ]);
    expect(plan.tasks).toEqual([]);
    expect(plan.warnings.map((w) => w.code)).toEqual(['no-tasks']);
  });

  it('NQ 57 action programme: title line, issuer from the intro, purpose part only', () => {
    const plan = parsePlan(fixture('nq57-ban-thuong-vu-tinh-uy.txt'));
    expect(plan.title).toBe('Chương trình hành động của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57');
    expect(plan.issuer).toBe('Ban Thường vụ Tỉnh ủy');
    expect(plan.sections).toEqual([{ id: 'I', heading: 'MỤC ĐÍCH, YÊU CẦU', kind: 'context' }]);
    expect(plan.tasks).toEqual([]);
  });

  it('HCM 1576/KH-UBND: headings stripped, lines broken mid-sentence, numbering restarting', () => {
    const plan = parsePlan(fixture('hcm-1576-kh-ubnd-2019.txt'));
    expect(plan.issuer).toBe('Ủy ban nhân dân thành phố');
    expect(plan.tasks.map((t) => t.number)).toEqual(['2.1', '2.2', '2.3', '2.4', '1', '2']);
    expect(plan.tasks[0].text).toBe(
      'Thống nhất tiêu chí đánh giá và mẫu phiếu đánh giá, đảm bảo phù hợp với quy định tại Nghị định số 61/2018/NĐ-CP và phù hợp với thực tế tại thành phố.',
    );
    expect(plan.tasks[4].references).toEqual(['Nghị định số 61/2018/NĐ-CP']);
    expect(plan.tasks.map((t) => t.line)).toEqual([7, 10, 14, 17, 20, 24]);
  });
});
