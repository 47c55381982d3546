import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  agencyFromHeading,
  agencyKey,
  isAgencyHeading,
  leadingAgency,
  leadingCollective,
  splitAgencies,
} from '../../src/plan/agency';
import { parsePlan } from '../../src/plan/parse';
import { ROOT } from './helpers';

describe('agencyKey', () => {
  it.each([
    ['Ban Tổ chức Tỉnh ủy', 'Ban Tổ chức Tỉnh uỷ'],
    ['Sở Văn hóa, Thể thao và Du lịch', 'Sở Văn hoá, Thể thao và Du lịch'],
    ['Trường Chính trị khóa mới', 'Trường Chính trị khoá mới'],
    ['Ban Tổ chức Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy'.normalize('NFD')],
    ['Ban Tổ chức Tỉnh ủy', '  BAN   TỔ CHỨC  tỉnh ủy: '],
    ['Ban Tổ chức Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy.'],
    ['Ủy ban nhân dân tỉnh', 'UBND tỉnh'],
    ['Mặt trận Tổ quốc', 'MTTQ'],
    ['các tổ chức chính trị - xã hội', 'các tổ chức chính trị-xã hội'],
  ])('%s = %s', (a, b) => {
    expect(agencyKey(a)).toBe(agencyKey(b));
  });

  it('keeps different agencies apart', () => {
    expect(agencyKey('Ban Tổ chức Tỉnh ủy')).not.toBe(agencyKey('Ban Tuyên giáo Tỉnh ủy'));
    expect(agencyKey('Sở Nội vụ')).not.toBe(agencyKey('Sở Tài chính'));
  });
});

describe('agency names in sentences and headings', () => {
  it('recognises agency item headings', () => {
    expect(isAgencyHeading('Ban Tổ chức Tỉnh ủy')).toBe(true);
    expect(isAgencyHeading('Các huyện ủy, thành ủy, đảng ủy trực thuộc tỉnh')).toBe(true);
    expect(isAgencyHeading('Sở Tài chính:')).toBe(true);
    expect(isAgencyHeading('Công tác tuyên truyền')).toBe(false);
    expect(isAgencyHeading('Ban hành quy chế làm việc')).toBe(false);
    expect(isAgencyHeading('Ban Tổ chức Tỉnh ủy tham mưu đổi mới. Tiếp tục')).toBe(false);
  });

  it('finds the agency a sentence starts with', () => {
    expect(leadingAgency('Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh')).toBe('Sở Nội vụ');
    expect(leadingAgency('Ban Tổ chức Tỉnh ủy chủ trì, phối hợp')).toBe('Ban Tổ chức Tỉnh ủy');
    expect(leadingAgency('Sở Tài chính: bố trí kinh phí')).toBe('Sở Tài chính');
    expect(leadingAgency('Các cấp ủy, tổ chức đảng ban hành')).toBeNull();
    expect(leadingAgency('Báo cáo kết quả thực hiện')).toBeNull();
    expect(leadingAgency('Sở, ban, ngành thực hiện')).toBeNull();
  });

  it('splits agency lists without cutting names that contain commas', () => {
    expect(splitAgencies('Sở Tài chính, Sở Nội vụ và UBND các huyện, thành phố')).toEqual([
      'Sở Tài chính',
      'Sở Nội vụ',
      'UBND các huyện, thành phố',
    ]);
    expect(splitAgencies('các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy')).toEqual([
      'các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy',
    ]);
  });
});

describe('committees named after their work, and classes of bodies as subjects', () => {
  it('keeps "Ban xây dựng Đảng" / "Ban chỉ đạo" whole in a post, the verb after them still ends it', () => {
    expect(agencyFromHeading('Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban:')).toBe(
      'Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban',
    );
    expect(leadingAgency('Đồng chí Phó Trưởng ban xây dựng Đảng chủ trì hội nghị')).toBe(
      'Đồng chí Phó Trưởng ban xây dựng Đảng',
    );
    expect(leadingAgency('Đồng chí Trưởng Ban chỉ đạo Đại hội phân công các thành viên')).toBe(
      'Đồng chí Trưởng Ban chỉ đạo Đại hội',
    );
    // "xây dựng" after a body that is not such a committee is still the verb.
    expect(leadingAgency('Sở Tư pháp xây dựng kế hoạch kiểm tra')).toBe('Sở Tư pháp');
  });

  it('takes a qualified class or one acting on itself as the subject, never a bare class', () => {
    expect(leadingCollective('Các thành viên khác trong tiểu ban căn cứ vào chức năng, nhiệm vụ')).toBe(
      'Các thành viên khác trong tiểu ban',
    );
    expect(leadingCollective('Các bộ, ngành khác tiếp tục rà soát, điều chỉnh các quy hoạch')).toBe(
      'Các bộ, ngành khác',
    );
    expect(leadingCollective('Các tỉnh tự theo dõi, đánh giá và cho điểm kết quả')).toBe('Các tỉnh');
    expect(leadingCollective('Các sở, ngành gửi báo cáo về Sở Tài chính trước ngày 15/12/2024.')).toBeNull();
    expect(leadingCollective('Các cấp ủy, tổ chức đảng ban hành chương trình, kế hoạch')).toBeNull();
    expect(leadingCollective('Sở Nội vụ chủ trì')).toBeNull();
  });

  it('reads the posts of a commune sub-committee plan as leads (Phố Bảng 01/KH-TBTTKT)', () => {
    const text = readFileSync(
      join(ROOT, 'test', 'fixtures', 'real', 'pho-bang-01-kh-tbttkt-2025.txt'),
      'utf8',
    );
    const part = parsePlan(text).tasks.filter((t) => t.section === 'IV');
    expect(part.map((t) => t.lead)).toEqual([
      agencyKey('Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban'),
      agencyKey('Đồng chí Phó Trưởng phòng Văn hóa - Xã hội - Phó Trưởng tiểu ban Thường trực'),
      agencyKey('Đồng chí Phó Giám đốc Trung tâm phục vụ hành chính công - Phó Trưởng tiểu ban'),
      agencyKey('Đồng chí Phó Trưởng ban xây dựng Đảng - Ủy viên'),
      agencyKey('Các thành viên khác trong tiểu ban'),
    ]);
  });
});
