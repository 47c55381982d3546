import { readSigner } from '../../src/plan/header';
import { readLines } from '../../src/plan/lines';

const footer = (texts: string[]) =>
  readLines(
    texts,
    texts.map((_, i) => i + 1),
    new Set(),
  );

describe('readSigner over closing blocks', () => {
  it('takes the last person named and the first T/M line, across several blocks', () => {
    const lines = footer([
      'Nơi nhận:\tT/M BAN THƯỜNG VỤ',
      '- Như trên;\tPHÓ BÍ THƯ',
      '- Lưu VP.\tTrần Văn Một',
      'Nơi nhận:\tTM. ỦY BAN NHÂN DÂN',
      '- Các sở;\tKT. CHỦ TỊCH',
      '\tPHÓ CHỦ TỊCH',
      '\tNguyễn Thị Hai',
      '\t',
    ]);
    expect(readSigner(lines)).toEqual({ signer: 'Nguyễn Thị Hai', body: 'BAN THƯỜNG VỤ' });
  });

  it('reads a closing block copied onto one line from its last cell', () => {
    const lines = footer(['Nơi nhận: - Như trên; - Lưu VT.', 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tháp']);
    expect(readSigner(lines)).toEqual({ signer: 'Nguyễn Hữu Tháp', body: null });
  });

  it('finds nothing in an empty block', () => {
    expect(readSigner([])).toEqual({ signer: null, body: null });
  });
});
