import { LocalizedError } from '../../src/model/msg';
import { decodePlanBytes, fixLegacyText } from '../../src/plan/decode';
import { convertLegacy, detectLegacy, encodeLegacy } from '../../src/plan/legacy';
import { parsePlan } from '../../src/plan/parse';
import { essence, SAMPLE } from './helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let o = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    o = 2;
  }
  for (let i = 0; i < s.length; i++) view.setUint16(o + i * 2, s.charCodeAt(i), littleEndian);
  return out;
}

// Windows-1252 bytes of the punctuation the sample uses beyond Latin-1.
const CP1252: Record<string, number> = {
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  '‘': 0x91,
  '’': 0x92,
  '…': 0x85,
};

/** Legacy-font text → the bytes of a Windows-1252 file, the way a TCVN3/VNI file sits on disk. */
function cp1252Bytes(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => {
    const code = c.charCodeAt(0);
    if (code <= 0xff) return code;
    if (CP1252[c] === undefined) throw new Error(`no Windows-1252 byte for ${c}`);
    return CP1252[c];
  });
}

const TEXT =
  'Uỷ ban nhân dân tỉnh Nam Định ban hành Kế hoạch thực hiện Nghị quyết (hoàn thành trong quý II/2023).';

describe('decodePlanBytes', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodePlanBytes(utf8(TEXT))).toEqual({ text: TEXT, warnings: [] });
    expect(decodePlanBytes(utf8('\uFEFF' + TEXT)).text).toBe(TEXT);
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one', () => {
    expect(decodePlanBytes(utf16(TEXT, true, true)).text).toBe(TEXT);
    expect(decodePlanBytes(utf16(TEXT, false, true)).text).toBe(TEXT);
    expect(decodePlanBytes(utf16(SAMPLE, true, false)).text).toBe(SAMPLE);
  });

  it('refuses an empty file, and one of white space only, naming it (exit code 2)', () => {
    for (const bytes of [new Uint8Array(0), utf8(' \r\n\t\uFEFF')]) {
      const e = refusal(() => decodePlanBytes(bytes, 'ke-hoach.txt'));
      expect(e.exitCode).toBe(2);
      expect(e.msg.vi).toBe('Tệp "ke-hoach.txt" không có nội dung.');
      expect(e.msg.en).toBe('"ke-hoach.txt" has no text.');
    }
  });
});

function refusal(f: () => unknown): LocalizedError {
  try {
    f();
  } catch (e) {
    if (e instanceof LocalizedError) return e;
    throw e;
  }
  throw new Error('no LocalizedError was thrown');
}

describe('what is no text is refused, naming the file, and nothing is parsed', () => {
  it.each([
    ['an .xlsx (a ZIP archive)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0], 'ZIP'],
    ['a PDF', [...utf8('%PDF-1.7\n%âãÏÓ')], 'PDF'],
    ['an old .doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], '.doc'],
    ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG'],
    ['binary data', [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0], 'nhị phân'],
  ])('%s', (_what, bytes, word) => {
    const e = refusal(() => decodePlanBytes(Uint8Array.from(bytes), 'bao-cao.xlsx'));
    expect(e.exitCode).toBe(2);
    expect(e.msg.vi).toContain('Tệp "bao-cao.xlsx" không phải văn bản kế hoạch');
    expect(e.msg.vi).toContain(word);
    expect(e.msg.en).toContain('"bao-cao.xlsx" is not a plan');
    expect(e.msg.vi).not.toContain(' / ');
  });
});

describe('UTF-8 with a stray byte (issue 20, item 12)', () => {
  it('stays UTF-8: the plan parses as before, with a warning at the line of the bad byte', () => {
    const lines = SAMPLE.split('\n');
    const at = lines.findIndex((l) => l.startsWith('3.2.'));
    const good = utf8(lines.slice(0, at).join('\n') + '\n');
    const rest = utf8(lines.slice(at).join('\n'));
    // One Windows-1252 "…" byte pasted into line `at + 1`, right after its number.
    const bytes = new Uint8Array([...good, ...rest.slice(0, 5), 0x85, ...rest.slice(5)]);
    const decoded = decodePlanBytes(bytes);
    expect(decoded.warnings.map((w) => [w.code, w.line])).toEqual([['invalid-utf8', at + 1]]);
    expect(decoded.warnings[0].msg.vi).toContain(`dòng ${at + 1}`);
    const plan = parsePlan(decoded.text);
    expect(plan.warnings.some((w) => w.code === 'legacy-encoding')).toBe(false);
    expect(essence(plan)).toEqual(essence(parsePlan(SAMPLE)));
  });
});

describe('UTF-8 with stray bytes, more forms', () => {
  // Failed on main: the bad byte glued to "4.1." hid that item (33 tasks instead of 34).
  it('CRLF lines and two bad bytes right after item numbers: the warning names both lines, no item is lost', () => {
    const lines = SAMPLE.split('\n');
    const a = lines.findIndex((l) => l.startsWith('3.2.'));
    const b = lines.findIndex((l) => l.startsWith('4.1.'));
    const withByte = (l: string) => [...utf8(l.slice(0, 4)), 0x93, ...utf8(l.slice(4))];
    const bytes: number[] = [];
    lines.forEach((l, i) => {
      bytes.push(...(i === a || i === b ? withByte(l) : [...utf8(l)]), 0x0d, 0x0a);
    });
    const decoded = decodePlanBytes(new Uint8Array(bytes));
    expect(decoded.warnings.map((w) => [w.code, w.line])).toEqual([['invalid-utf8', a + 1]]);
    expect(decoded.warnings[0].msg.vi).toContain(`dòng ${a + 1}, ${b + 1}`);
    const plan = parsePlan(decoded.text);
    expect(plan.tasks.length).toBe(parsePlan(SAMPLE).tasks.length);
  });
});

/** Unicode → Windows-1258 bytes: precomposed letters where the code page has them, else base + tone. */
function cp1258Bytes(s: string): Uint8Array {
  const direct = new Map<string, number>();
  for (let b = 0x20; b < 0x100; b++) direct.set(String.fromCharCode(b), b);
  for (const [ch, b] of Object.entries(CP1252)) direct.set(ch, b);
  const vn: Record<number, number> = {
    0xc3: 0x0102,
    0xcc: 0x0300,
    0xd0: 0x0110,
    0xd2: 0x0309,
    0xd5: 0x01a0,
    0xdd: 0x01af,
    0xde: 0x0303,
    0xe3: 0x0103,
    0xec: 0x0301,
    0xf0: 0x0111,
    0xf2: 0x0323,
    0xf5: 0x01a1,
    0xfd: 0x01b0,
  };
  for (const [b, cp] of Object.entries(vn)) direct.set(String.fromCharCode(cp), +b);
  for (const b of Object.keys(vn)) {
    const latin = String.fromCharCode(+b);
    if (direct.get(latin) === +b && !Object.values(vn).includes(latin.charCodeAt(0))) direct.delete(latin);
  }
  const out: number[] = [];
  for (const ch of s.normalize('NFC')) {
    if (ch === '\n') {
      out.push(0x0a);
      continue;
    }
    const b = direct.get(ch);
    if (b !== undefined) {
      out.push(b);
      continue;
    }
    const d = ch.normalize('NFD');
    const tones = [...d].filter((c) => '\u0300\u0301\u0303\u0309\u0323'.includes(c));
    const letter = [...d]
      .filter((c) => !tones.includes(c))
      .join('')
      .normalize('NFC');
    const lb = direct.get(letter);
    if (lb === undefined) throw new Error(`no Windows-1258 form for ${ch}`);
    out.push(lb, ...tones.map((t) => direct.get(t)!));
  }
  return Uint8Array.from(out);
}

describe('Windows-1258 ("ANSI" on Vietnamese Windows)', () => {
  it('is detected and converted, not mistaken for VNI, and the warning names it', () => {
    const bytes = cp1258Bytes(SAMPLE);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = decodePlanBytes(bytes);
    expect(decoded.text).toBe(SAMPLE.normalize('NFC'));
    expect(decoded.warnings.map((w) => w.code)).toEqual(['not-utf8']);
    expect(decoded.warnings[0].msg.vi).toContain('Windows-1258');
    expect(decoded.warnings[0].msg.en).toContain('Windows-1258');
    expect(essence(parsePlan(decoded.text))).toEqual(essence(parsePlan(SAMPLE)));
  });
});

describe('legacy encodings', () => {
  it('knows the published TCVN3 form of "Uỷ ban nhân dân"', () => {
    expect(encodeLegacy('Uỷ ban nhân dân', 'tcvn3')).toBe('Uû ban nh©n d©n');
    expect(convertLegacy('Uû ban nh©n d©n', 'tcvn3')).toBe('Uỷ ban nhân dân');
    expect(detectLegacy('Uû ban nh©n d©n tØnh Nam §Þnh')).toBe('tcvn3');
  });

  it('knows the published VNI form of "Việt Nam"', () => {
    expect(encodeLegacy('Việt Nam, đường', 'vni')).toBe('Vieät Nam, ñöôøng');
    expect(convertLegacy('Vieät Nam, ñöôøng', 'vni')).toBe('Việt Nam, đường');
  });

  it('leaves Unicode Vietnamese alone', () => {
    expect(detectLegacy(SAMPLE)).toBeNull();
    expect(fixLegacyText(SAMPLE)).toEqual({ text: SAMPLE, warnings: [] });
    expect(detectLegacy('Hoà Bình, Đà Nẵng')).toBeNull();
  });

  it.each(['tcvn3', 'vni'] as const)(
    'a %s file of the sample decodes to the same plan, with a warning',
    (enc) => {
      const legacy = encodeLegacy(SAMPLE, enc);
      expect(legacy).not.toBe(SAMPLE);
      const decoded = decodePlanBytes(cp1252Bytes(legacy));
      expect(decoded.warnings.map((w) => w.code)).toEqual(['legacy-encoding']);
      expect(decoded.warnings[0].msg.vi).toContain(enc === 'tcvn3' ? 'TCVN3' : 'VNI');
      expect(decoded.warnings[0].msg.en).toContain('legacy');
      if (enc === 'vni') expect(decoded.text).toBe(SAMPLE);
      // TCVN3 keeps capital toned letters in a separate font; keys are case-insensitive, so the plan matches.
      expect(essence(parsePlan(decoded.text))).toEqual(essence(parsePlan(SAMPLE)));
    },
  );

  it('converts legacy text pasted straight into the parser', () => {
    const plan = parsePlan(encodeLegacy(SAMPLE, 'vni'));
    expect(plan.warnings[0].code).toBe('legacy-encoding');
    expect(essence(plan)).toEqual(essence(parsePlan(SAMPLE)));
  });

  it('restores capitals of all-caps TCVN3 words', () => {
    expect(convertLegacy(encodeLegacy('NHIỆM VỤ CỤ THỂ', 'tcvn3'), 'tcvn3')).toBe('NHIỆM VỤ CỤ THỂ');
  });
});
