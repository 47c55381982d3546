import { htmlToPlanText } from '../../src/docx/docx';
import { agencyKey } from '../../src/plan/agency';
import { parsePlan } from '../../src/plan/parse';

const k = agencyKey;

describe('plan structures beyond the sample', () => {
  const plan = parsePlan(
    [
      'ỦY BAN NHÂN DÂN',
      'TỈNH THÁI BÌNH',
      'Số:      /KH-UBND',
      'Thái Bình, ngày    tháng 5 năm 2024',
      'KẾ HOẠCH',
      'Phòng, chống thiên tai năm 2024',
      'A. ĐÁNH GIÁ TÌNH HÌNH',
      'Năm 2023 trên địa bàn tỉnh xảy ra 5 đợt mưa lớn.',
      'B. NHIỆM VỤ, GIẢI PHÁP',
      '1. Sở Nông nghiệp và Phát triển nông thôn là cơ quan chủ trì, phối hợp với Sở Tài nguyên và Môi trường rà soát phương án ứng phó (trước ngày 30/6/2024).',
      '2. Sở Kế hoạch và Đầu tư tham mưu UBND tỉnh:',
      '- Bố trí vốn cho công trình đê điều;',
      '- Lồng ghép nội dung phòng, chống thiên tai vào kế hoạch đầu tư công (hằng năm).',
      '3. Công an tỉnh (hoàn thành trong quý III/2024)',
      'a) Xây dựng phương án sơ tán dân cư;',
      'b) Diễn tập cứu hộ, cứu nạn.',
      'C. CHẾ ĐỘ BÁO CÁO',
      'Các sở, ngành gửi báo cáo về Sở Nông nghiệp và Phát triển nông thôn trước ngày 15/12/2024.',
    ].join('\n'),
  );

  it('reads a blank number and a blank day as null', () => {
    expect([plan.number, plan.issuedOn, plan.place]).toEqual([null, null, 'Thái Bình']);
    expect(plan.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH');
  });

  it('handles lettered parts, "là cơ quan chủ trì", verb headings and headings with a note', () => {
    expect(plan.sections.map((s) => [s.id, s.kind])).toEqual([
      ['A', 'context'],
      ['B', 'tasks'],
      ['C', 'tasks'],
    ]);
    expect(
      plan.tasks.map((t) => [
        t.id,
        t.lead,
        t.partners,
        t.deadlines.map((d) => `${d.category}:${d.due}`).join(),
      ]),
    ).toEqual([
      [
        'B.1',
        k('Sở Nông nghiệp và Phát triển nông thôn'),
        [k('Sở Tài nguyên và Môi trường')],
        'due:2024-06-30',
      ],
      ['B.2-1', k('Sở Kế hoạch và Đầu tư'), [], 'none:null'],
      ['B.2-2', k('Sở Kế hoạch và Đầu tư'), [], 'periodic:null'],
      ['B.3.a', k('Công an tỉnh'), [], 'due:2024-09-30'],
      ['B.3.b', k('Công an tỉnh'), [], 'due:2024-09-30'],
      ['C.1', null, [], 'due:2024-12-15'],
    ]);
    expect(plan.tasks[1].group).toBe('2. Sở Kế hoạch và Đầu tư tham mưu UBND tỉnh:');
  });
});

describe('htmlToPlanText (mammoth output → plan text)', () => {
  it('writes out Word list numbering, drops footnotes, keeps merged cells aligned', () => {
    const html =
      '<p>II. NHIỆM VỤ</p><ol><li>Sở Nội vụ<ol><li>Rà soát<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> quy chế.</li><li>Báo cáo &amp; tổng hợp.</li></ol></li></ol>' +
      '<ul><li>Gạch đầu dòng</li></ul>' +
      '<table><tr><td><p>STT</p></td><td><p>Nội dung</p></td><td><p>Chủ trì</p></td></tr>' +
      '<tr><td><p>1</p></td><td><p>Việc một</p></td><td rowspan="2"><p>Sở Tư pháp</p></td></tr>' +
      '<tr><td><p>2</p></td><td><p>Việc hai</p><p>tiếp</p></td></tr>' +
      '<tr><td colspan="2"><p>Gộp</p></td><td><p>X</p></td></tr></table>' +
      '<ol><li id="footnote-1"><p>Chú thích. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(htmlToPlanText(html).split('\n')).toEqual([
      'II. NHIỆM VỤ',
      '1. Sở Nội vụ',
      'a) Rà soát quy chế.',
      'b) Báo cáo & tổng hợp.',
      '- Gạch đầu dòng',
      'STT\tNội dung\tChủ trì',
      '1\tViệc một\tSở Tư pháp',
      '2\tViệc hai tiếp\tSở Tư pháp',
      'Gộp\t\tX',
    ]);
  });
});

describe('a closing block laid out as a two-column table', () => {
  it('is the footer, not part of the last task', () => {
    const plan = parsePlan(
      [
        'III. TỔ CHỨC THỰC HIỆN',
        '1. Văn phòng UBND tỉnh theo dõi, đôn đốc thực hiện Kế hoạch này.',
        'Nơi nhận:\tTM. ỦY BAN NHÂN DÂN',
        '- Như trên;\tKT. CHỦ TỊCH',
        '- Lưu: VT.\tPHÓ CHỦ TỊCH',
        '\tNguyễn Văn Phong',
      ].join('\n'),
    );
    expect(plan.tasks.map((t) => t.text)).toEqual([
      'Văn phòng UBND tỉnh theo dõi, đôn đốc thực hiện Kế hoạch này.',
    ]);
    expect(plan.signer).toBe('Nguyễn Văn Phong');
    expect(plan.issuer).toBe('ỦY BAN NHÂN DÂN');
    expect(plan.warnings.map((w) => w.code)).toEqual(['no-deadline']);
  });
});

describe('Word automatic numbering', () => {
  it('writes all-caps top-level items as Roman parts, then 1., then a)', () => {
    const html =
      '<ol><li>MỤC ĐÍCH, YÊU CẦU<ol><li>Nâng cao nhận thức.</li></ol></li>' +
      '<li>NHIỆM VỤ<ol><li>Ban Tổ chức Tỉnh ủy<ol><li>Tham mưu sắp xếp bộ máy.</li><li>Rà soát quy hoạch.</li></ol></li></ol></li></ol>';
    const text = htmlToPlanText(html);
    expect(text.split('\n')).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Nâng cao nhận thức.',
      'II. NHIỆM VỤ',
      '1. Ban Tổ chức Tỉnh ủy',
      'a) Tham mưu sắp xếp bộ máy.',
      'b) Rà soát quy hoạch.',
    ]);
    const plan = parsePlan(text);
    expect(plan.tasks.map((t) => [t.id, t.lead])).toEqual([
      ['II.1.a', k('Ban Tổ chức Tỉnh ủy')],
      ['II.1.b', k('Ban Tổ chức Tỉnh ủy')],
    ]);
  });
});
