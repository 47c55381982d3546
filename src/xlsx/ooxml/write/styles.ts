import { escapeAttr } from '../xml';
import type {
  AlignmentFormat,
  BorderFormat,
  BorderSide,
  CellFormat,
  DifferentialFormat,
  FontFormat,
} from './model';

/**
 * The workbook's styles (xl/styles.xml): each distinct cell format gets one `cellXfs` index, each
 * distinct differential format (conditional formats) one `dxfs` index. Fonts always carry a name
 * and size, so no reader falls back to a font of its own (some lose Vietnamese diacritics).
 */

// Number formats every reader knows by id (ECMA-376 Part 1, 18.8.30). Dates are left out on
// purpose: their built-in ids display in the reader's locale, not as written.
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};
const FIRST_CUSTOM_FORMAT = 164;

export interface DefaultFont {
  name: string;
  size: number;
}

function rgb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new RangeError(`not an RGB colour: ${color}`);
  return `FF${hex}`;
}

function colorXml(color: string | undefined): string {
  return color ? `<color rgb="${rgb(color)}"/>` : '';
}

function fontXml(f: FontFormat, withFace: boolean): string {
  let s = '<font>';
  if (f.bold) s += '<b/>';
  if (f.italic) s += '<i/>';
  if (f.strike) s += '<strike/>';
  if (f.underline) s += '<u/>';
  if (withFace && f.size !== undefined) s += `<sz val="${f.size}"/>`;
  s += colorXml(f.color);
  if (withFace && f.name !== undefined) s += `<name val="${escapeAttr(f.name)}"/>`;
  return s + '</font>';
}

function sideXml(tag: string, side: BorderSide | undefined): string {
  if (!side) return `<${tag}/>`;
  return `<${tag} style="${side.style}">${colorXml(side.color)}</${tag}>`;
}

function borderXml(b: BorderFormat): string {
  return (
    '<border>' +
    sideXml('left', b.left) +
    sideXml('right', b.right) +
    sideXml('top', b.top) +
    sideXml('bottom', b.bottom) +
    '<diagonal/></border>'
  );
}

function solidFillXml(color: string): string {
  // Both colours: Excel reads fgColor of a cell fill and bgColor of a differential one.
  const c = rgb(color);
  return `<fill><patternFill patternType="solid"><fgColor rgb="${c}"/><bgColor rgb="${c}"/></patternFill></fill>`;
}

function alignmentXml(a: AlignmentFormat): string {
  let s = '<alignment';
  if (a.horizontal) s += ` horizontal="${a.horizontal}"`;
  if (a.vertical) s += ` vertical="${a.vertical}"`;
  if (a.rotation !== undefined) s += ` textRotation="${a.rotation}"`;
  if (a.wrap) s += ' wrapText="1"';
  if (a.indent) s += ` indent="${a.indent}"`;
  if (a.shrink) s += ' shrinkToFit="1"';
  return s + '/>';
}

function hasAlignment(a: AlignmentFormat | undefined): a is AlignmentFormat {
  return (
    !!a &&
    (!!a.horizontal || !!a.vertical || !!a.wrap || !!a.indent || !!a.shrink || a.rotation !== undefined)
  );
}

function hasBorder(b: BorderFormat | undefined): b is BorderFormat {
  return !!b && (!!b.left || !!b.right || !!b.top || !!b.bottom);
}

/** A stable key for a format: equal formats give equal keys, whatever their field order. */
function keyOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const obj = value as Record<string, unknown>;
  const parts = Object.keys(obj)
    .filter((k) => obj[k] !== undefined && obj[k] !== false)
    .sort()
    .map((k) => `${k}=${keyOf(obj[k])}`);
  return `{${parts.join(',')}}`;
}

/** The default font with the given parts laid over it (parts left undefined keep the default). */
function withDefaults(font: FontFormat | undefined, base: DefaultFont): FontFormat {
  const out: FontFormat = { name: base.name, size: base.size };
  if (font)
    for (const [k, v] of Object.entries(font)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

class Pool {
  private readonly index = new Map<string, number>();
  readonly items: string[] = [];
  constructor(initial: string[] = []) {
    for (const xml of initial) this.add(xml);
  }
  add(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

export class StyleRegistry {
  private readonly fonts: Pool;
  private readonly fills = new Pool([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Pool([borderXml({})]);
  private readonly numFmts = new Map<string, number>();
  private readonly xfs: Pool;
  private readonly xfByKey = new Map<string, number>();
  private readonly dxfs = new Pool();

  constructor(readonly defaultFont: DefaultFont = { name: 'Calibri', size: 11 }) {
    this.fonts = new Pool([fontXml(defaultFont, true)]);
    this.xfs = new Pool(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
    this.xfByKey.set(keyOf(undefined), 0);
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  /** The `cellXfs` index of a format (0 is the default). */
  cell(format: CellFormat | undefined): number {
    const key = keyOf(format);
    const known = this.xfByKey.get(key);
    if (known !== undefined) return known;
    const f: CellFormat = format ?? {};
    const fontId = this.fonts.add(fontXml(withDefaults(f.font, this.defaultFont), true));
    const fillId = f.fill ? this.fills.add(solidFillXml(f.fill)) : 0;
    const borderId = hasBorder(f.border) ? this.borders.add(borderXml(f.border)) : 0;
    const numFmtId = f.numFmt ? this.numFmtId(f.numFmt) : 0;
    let xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    // The apply flags tell readers (LibreOffice among them) that the cell's own format counts.
    if (numFmtId) xf += ' applyNumberFormat="1"';
    if (fontId) xf += ' applyFont="1"';
    if (fillId) xf += ' applyFill="1"';
    if (borderId) xf += ' applyBorder="1"';
    const align = hasAlignment(f.alignment) ? alignmentXml(f.alignment) : '';
    if (align) xf += ' applyAlignment="1"';
    const protection = f.protection;
    if (protection) xf += ' applyProtection="1"';
    if (!align && !protection) xf += '/>';
    else {
      xf += '>' + align;
      if (protection) {
        xf += '<protection';
        if (protection.locked !== undefined) xf += ` locked="${protection.locked ? 1 : 0}"`;
        if (protection.hidden !== undefined) xf += ` hidden="${protection.hidden ? 1 : 0}"`;
        xf += '/>';
      }
      xf += '</xf>';
    }
    const id = this.xfs.add(xf);
    this.xfByKey.set(key, id);
    return id;
  }

  /** The `dxfs` index of a differential format. */
  differential(format: DifferentialFormat): number {
    let s = '<dxf>';
    if (format.font) s += fontXml(format.font, false);
    if (format.numFmt) {
      const id = this.numFmtId(format.numFmt);
      s += `<numFmt numFmtId="${id}" formatCode="${escapeAttr(format.numFmt)}"/>`;
    }
    if (format.fill) s += solidFillXml(format.fill);
    if (hasBorder(format.border)) s += borderXml(format.border);
    return this.dxfs.add(s + '</dxf>');
  }

  toXml(): string {
    const list = (tag: string, items: readonly string[]) =>
      `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const custom = [...this.numFmts].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`,
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (custom.length ? list('numFmts', custom) : '') +
      list('fonts', this.fonts.items) +
      list('fills', this.fills.items) +
      list('borders', this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list('dxfs', this.dxfs.items) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}
