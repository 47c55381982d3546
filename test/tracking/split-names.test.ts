import { safeFileBase, safeFileNames, MAX_BASENAME } from '../../src/tracking/split-names';

describe('safe file names', () => {
  it('keeps Vietnamese readable', () => {
    expect(safeFileBase('Ban Tổ chức Tỉnh ủy')).toBe('Ban Tổ chức Tỉnh ủy');
    // NFD input (macOS, Unikey "tổ hợp") becomes NFC.
    expect(safeFileBase('Ban Tổ chức Tỉnh ủy'.normalize('NFD'))).toBe('Ban Tổ chức Tỉnh ủy');
  });

  it('removes what Windows forbids', () => {
    const name = safeFileBase('Sở Y tế / Sở <Tài> chính: "A|B"?*\\\u0007 \t. . ');
    // eslint-disable-next-line no-control-regex
    expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
    expect(name).not.toMatch(/[. ]$/);
    expect(name).toBe('Sở Y tế Sở Tài chính A B');
  });

  it.each(['CON', 'prn', 'Aux', 'NUL', 'COM1', 'lpt9', 'con.txt'])('avoids the reserved name %s', (n) => {
    const out = safeFileBase(n);
    expect(out.split('.')[0].toUpperCase()).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)$/);
    expect(out.toUpperCase()).toContain(n.toUpperCase());
  });

  it('limits the length and never returns an empty name', () => {
    expect(safeFileBase('Ủy ban '.repeat(60)).length).toBeLessThanOrEqual(MAX_BASENAME);
    expect(safeFileBase('???')).toBe('co-quan');
    expect(safeFileBase('...')).toBe('co-quan');
  });

  it('makes names unique the way Windows compares them', () => {
    expect(safeFileNames(['Sở Nội vụ', 'SỞ NỘI VỤ', 'Sở Nội vụ.', 'Sở Tư pháp'])).toEqual([
      'Sở Nội vụ.xlsx',
      'SỞ NỘI VỤ (2).xlsx',
      'Sở Nội vụ (3).xlsx',
      'Sở Tư pháp.xlsx',
    ]);
  });
});
