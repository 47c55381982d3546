/**
 * Cell formats, as far as a reader needs them: a cell's style index → its number format → whether
 * the number it holds is a date or time. SpreadsheetML stores dates as serial numbers; only the
 * format says a cell is one.
 */
import type { OoxmlPackage } from './package';
import { isSml } from './namespaces';
import { END, EOF, START, type XmlScanner } from './scanner';

/**
 * Built-in number formats (ECMA-376 Part 1, 18.8.30) that show dates or times: 14–22 everywhere,
 * 45–47 (times), and the East Asian date formats 27–36 and 50–58.
 */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** The codes of the built-in formats that have one independent of the locale. */
const BUILTIN_CODES: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * Whether a format code shows a date or time: a d, m, y, h or s outside quoted text, escaped
 * characters and bracketed parts ([Red], [$-42A], [<100]), or an elapsed-time bracket ([h], [mm]).
 */
export function isDateFormatCode(code: string): boolean {
  let i = 0;
  const n = code.length;
  while (i < n) {
    const c = code[i];
    if (c === '"') {
      const e = code.indexOf('"', i + 1);
      i = e < 0 ? n : e + 1;
      continue;
    }
    if (c === '\\' || c === '_' || c === '*') {
      i += 2;
      continue;
    }
    if (c === '[') {
      const e = code.indexOf(']', i + 1);
      const inside = code.slice(i + 1, e < 0 ? n : e);
      if (/^(h+|m+|s+)$/i.test(inside)) return true;
      i = e < 0 ? n : e + 1;
      continue;
    }
    if (/[dmyhs]/i.test(c)) return true;
    // B1/B2 are the Gregorian/Hijri calendar switches that come before date codes.
    if ((c === 'b' || c === 'B') && (code[i + 1] === '1' || code[i + 1] === '2')) return true;
    i++;
  }
  return false;
}

export class Styles {
  /** Per cellXfs index: its number format id. */
  private readonly xfFormat: number[];
  private readonly xfIsDate: boolean[];

  constructor(
    xfFormat: number[],
    private readonly customCodes: Map<number, string>,
  ) {
    this.xfFormat = xfFormat;
    this.xfIsDate = xfFormat.map((id) => this.formatIsDate(id));
  }

  static empty(): Styles {
    return new Styles([], new Map());
  }

  private formatIsDate(id: number): boolean {
    const custom = this.customCodes.get(id);
    if (custom !== undefined) return isDateFormatCode(custom);
    return BUILTIN_DATE_IDS.has(id);
  }

  /** True when the cell style shows its number as a date or time. */
  isDate(xf: number): boolean {
    return this.xfIsDate[xf] === true;
  }

  numberFormatId(xf: number): number {
    return this.xfFormat[xf] ?? 0;
  }

  /** The style's number format code; locale-dependent built-ins without a fixed code give null. */
  numberFormat(xf: number): string | null {
    const id = this.numberFormatId(xf);
    return this.customCodes.get(id) ?? BUILTIN_CODES[id] ?? null;
  }

  get count(): number {
    return this.xfFormat.length;
  }

  /** A number format id whose code is `code`: a built-in or an existing custom one, else null. */
  formatIdOf(code: string): number | null {
    for (const [id, c] of this.customCodes) if (c === code) return id;
    for (const [id, c] of Object.entries(BUILTIN_CODES)) if (c === code) return Number(id);
    return null;
  }

  get customFormats(): ReadonlyMap<number, string> {
    return this.customCodes;
  }
}

export function readStyles(pkg: OoxmlPackage, part: string | null): Styles {
  if (!part) return Styles.empty();
  return pkg.parse(part, scanStyles);
}

/** The styles of a stylesheet's scanned text (an edited one included). */
export function scanStyles(sc: XmlScanner): Styles {
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
    if (ev === END) {
      if (sc.local === 'cellXfs') inCellXfs = false;
      continue;
    }
    if (ev !== START || !isSml(sc.ns)) continue;
    switch (sc.local) {
      case 'numFmt': {
        const id = Number(sc.attr('numFmtId'));
        if (Number.isInteger(id)) codes.set(id, sc.attr('formatCode') ?? '');
        break;
      }
      case 'cellXfs':
        inCellXfs = !sc.selfClosing;
        break;
      case 'xf':
        if (inCellXfs) xfs.push(Number(sc.attr('numFmtId')) || 0);
        sc.skip();
        break;
      case 'cellStyleXfs':
      case 'dxfs':
      case 'fonts':
      case 'fills':
      case 'borders':
      case 'extLst':
        sc.skip();
        break;
    }
  }
  return new Styles(xfs, codes);
}
