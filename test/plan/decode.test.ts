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

  it('returns empty text for no bytes', () => {
    expect(decodePlanBytes(new Uint8Array(0)).text).toBe('');
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
