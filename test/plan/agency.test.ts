import { agencyKey, isAgencyHeading, leadingAgency, splitAgencies } from '../../src/plan/agency';

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
