/**
 * WordprocessingML (the XML inside a .docx) → plan text: one line per paragraph, each table row one
 * line of tab-separated cells, and Word's automatic numbering written out as Word prints it —
 * numbering.xml's formats (decimal, lowerLetter, upperRoman, …) and level texts ("%1.%2.") with
 * their counters, starts, overrides and restarts. Bullets become "-" (then "+" one level down),
 * the plan's own convention. Footnote references and deleted revisions are left out.
 *
 * A small tokenizer over the XML, linear in its size; no DOM, so it runs the same in Node and in the
 * browser.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  /** "Legal" numbering: every level shown in decimal. */
  legal: boolean;
}

interface Numbering {
  /** abstractNumId → levels by ilvl. */
  abstract: Map<string, Map<number, Level>>;
  /** numId → abstractNumId and per-level start overrides. */
  nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
}

interface StyleNumbering {
  numId: string;
  ilvl: number;
}

const TOKEN = /<(\/?)([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(attrs);
  return m ? m[1] : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,5});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function readNumbering(xml: string | null): Numbering {
  const numbering: Numbering = { abstract: new Map(), nums: new Map() };
  if (!xml) return numbering;
  let abstract: Map<number, Level> | null = null;
  let level: Level | null = null;
  let num: { abstractId: string; starts: Map<number, number> } | null = null;
  let overrideLevel = -1;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(xml))) {
    if (m[5] !== undefined) continue;
    const closing = m[1] === '/';
    const tag = m[2];
    const attrs = m[3];
    if (tag === 'w:abstractNum') {
      if (closing) abstract = null;
      else {
        abstract = new Map();
        numbering.abstract.set(attr(attrs, 'w:abstractNumId') ?? '', abstract);
      }
    } else if (tag === 'w:lvl' && abstract) {
      if (closing) level = null;
      else {
        level = { start: 1, format: 'decimal', text: '', legal: false };
        abstract.set(parseInt(attr(attrs, 'w:ilvl') ?? '0', 10), level);
      }
    } else if (level && !closing) {
      const val = attr(attrs, 'w:val');
      if (tag === 'w:start' && val) level.start = parseInt(val, 10) || 0;
      else if (tag === 'w:numFmt' && val) level.format = val;
      else if (tag === 'w:lvlText') level.text = decodeEntities(val ?? '');
      else if (tag === 'w:isLgl') level.legal = val !== '0' && val !== 'false';
    } else if (tag === 'w:num') {
      if (closing) num = null;
      else {
        num = { abstractId: '', starts: new Map() };
        numbering.nums.set(attr(attrs, 'w:numId') ?? '', num);
      }
    } else if (num && !closing) {
      if (tag === 'w:abstractNumId') num.abstractId = attr(attrs, 'w:val') ?? '';
      else if (tag === 'w:lvlOverride') overrideLevel = parseInt(attr(attrs, 'w:ilvl') ?? '0', 10);
      else if (tag === 'w:startOverride' && overrideLevel >= 0) {
        num.starts.set(overrideLevel, parseInt(attr(attrs, 'w:val') ?? '1', 10) || 0);
      }
    }
  }
  return numbering;
}

/** Paragraph styles that carry numbering (a "Heading 1" numbered "I."). */
export function readStyleNumbering(xml: string | null): Map<string, StyleNumbering> {
  const out = new Map<string, StyleNumbering>();
  if (!xml) return out;
  let style: string | null = null;
  let numId: string | null = null;
  let ilvl = 0;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(xml))) {
    if (m[5] !== undefined) continue;
    const closing = m[1] === '/';
    const tag = m[2];
    if (tag === 'w:style') {
      if (closing) {
        if (style && numId) out.set(style, { numId, ilvl });
        style = null;
      } else {
        style = attr(m[3], 'w:styleId');
        numId = null;
        ilvl = 0;
      }
    } else if (style && !closing && tag === 'w:numId') numId = attr(m[3], 'w:val');
    else if (style && !closing && tag === 'w:ilvl') ilvl = parseInt(attr(m[3], 'w:val') ?? '0', 10);
  }
  return out;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let left = Math.max(1, Math.min(n, 3999));
  for (const [value, letters] of table) {
    while (left >= value) {
      out += letters;
      left -= value;
    }
  }
  return out;
}

function letters(n: number): string {
  // Word's letter numbering repeats the letter: a … z, aa … zz, aaa …
  const k = Math.max(1, n);
  return String.fromCharCode(97 + ((k - 1) % 26)).repeat(Math.floor((k - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counters of the lists met so far, and the label of the next numbered paragraph. */
class Counters {
  private readonly counts = new Map<string, number[]>();

  constructor(private readonly numbering: Numbering) {}

  label(numId: string, ilvl: number): string | null {
    const num = this.numbering.nums.get(numId);
    if (!num) return null;
    const levels = this.numbering.abstract.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (!levels || !level) return null;
    let counts = this.counts.get(numId);
    if (!counts) {
      counts = [];
      this.counts.set(numId, counts);
    }
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl] + 1;
    // A paragraph at a level restarts every deeper level.
    counts.length = ilvl + 1;
    if (level.format === 'bullet') return ilvl === 0 ? '-' : '+';
    return level.text.replace(/%([1-9])/g, (_m, k: string) => {
      const l = +k - 1;
      const count = counts![l] ?? startOf(l);
      const format = level.legal ? 'decimal' : (levels.get(l)?.format ?? 'decimal');
      return formatNumber(count, format);
    });
  }
}

interface Cell {
  parts: string[];
  span: number;
  merge: 'none' | 'restart' | 'continue';
}

interface Table {
  rows: Cell[][];
  row: Cell[] | null;
  cell: Cell | null;
}

export interface WordFiles {
  document: string;
  numbering?: string | null;
  styles?: string | null;
}

export function wordMlToText(files: WordFiles): string {
  const counters = new Counters(readNumbering(files.numbering ?? null));
  const styles = readStyleNumbering(files.styles ?? null);
  const out: string[] = [];
  const tables: Table[] = [];
  let para: string[] | null = null;
  let numId: string | null = null;
  let ilvl = 0;
  let pStyle: string | null = null;
  let inText = false;
  let skip = 0; // inside deleted text, field instructions or a footnote reference
  let inPPr = false;

  const emit = (line: string) => {
    const t = tables[tables.length - 1];
    if (t && t.cell) t.cell.parts.push(line);
    else out.push(line);
  };

  const xml = files.document;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(xml))) {
    if (m[5] !== undefined) {
      if (inText && skip === 0 && para) para.push(decodeEntities(m[5]));
      continue;
    }
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    const tag = m[2];
    const attrs = m[3];
    switch (tag) {
      case 'w:del':
      case 'w:instrText':
      case 'w:delText':
      case 'w:footnoteReference':
      case 'w:endnoteReference':
      case 'w:commentReference':
        if (!selfClosing) skip += closing ? -1 : 1;
        break;
      case 'w:p':
        if (!closing) {
          para = [];
          numId = null;
          ilvl = 0;
          pStyle = null;
          if (selfClosing) para = null;
        } else if (para) {
          const text = para
            .join('')
            .replace(/[ \u00a0]+/g, ' ')
            .trim();
          const numbered = numId ?? (pStyle ? (styles.get(pStyle)?.numId ?? null) : null);
          const level = numId !== null ? ilvl : pStyle ? (styles.get(pStyle)?.ilvl ?? ilvl) : ilvl;
          // An empty numbered paragraph still takes its number in Word.
          const label = numbered && numbered !== '0' ? counters.label(numbered, level) : null;
          if (text !== '') emit(label ? `${label} ${text}` : text);
          para = null;
        }
        break;
      case 'w:pPr':
        inPPr = !closing && !selfClosing;
        break;
      case 'w:pStyle':
        if (inPPr) pStyle = attr(attrs, 'w:val');
        break;
      case 'w:numId':
        if (inPPr) numId = attr(attrs, 'w:val');
        break;
      case 'w:ilvl':
        if (inPPr) ilvl = parseInt(attr(attrs, 'w:val') ?? '0', 10) || 0;
        break;
      case 'w:t':
        inText = !closing && !selfClosing;
        break;
      case 'w:tab':
        if (para && skip === 0 && !inPPr) para.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (para && skip === 0) para.push(tables.length > 0 ? ' ' : '\n');
        break;
      case 'w:noBreakHyphen':
        if (para && skip === 0) para.push('-');
        break;
      case 'w:tbl':
        if (!closing) tables.push({ rows: [], row: null, cell: null });
        else {
          const t = tables.pop();
          if (t) for (const line of tableLines(t, tables.length > 0)) emit(line);
        }
        break;
      case 'w:tr': {
        const t = tables[tables.length - 1];
        if (!t) break;
        if (!closing) t.row = [];
        else if (t.row) {
          t.rows.push(t.row);
          t.row = null;
        }
        break;
      }
      case 'w:tc': {
        const t = tables[tables.length - 1];
        if (!t || !t.row) break;
        if (!closing) t.cell = { parts: [], span: 1, merge: 'none' };
        else if (t.cell) {
          t.row.push(t.cell);
          t.cell = null;
        }
        break;
      }
      case 'w:gridSpan': {
        const t = tables[tables.length - 1];
        if (t?.cell) t.cell.span = Math.max(1, Math.min(50, parseInt(attr(attrs, 'w:val') ?? '1', 10) || 1));
        break;
      }
      case 'w:vMerge': {
        const t = tables[tables.length - 1];
        if (t?.cell) t.cell.merge = attr(attrs, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
      }
      default:
        break;
    }
  }
  return out.join('\n');
}

/** Rows as tab-separated lines; a cell merged from above repeats its value, a spanned cell leaves empties. */
function tableLines(t: Table, nested: boolean): string[] {
  const above: string[] = [];
  const lines: string[] = [];
  for (const row of t.rows) {
    const cells: string[] = [];
    for (const c of row) {
      const col = cells.length;
      let value = c.parts.join(' ').replace(/\t/g, ' ').replace(/\s+/g, ' ').trim();
      if (c.merge === 'continue') value = above[col] ?? '';
      for (let k = 0; k < c.span; k++) {
        cells.push(k === 0 ? value : '');
        above[col + k] = k === 0 ? value : '';
      }
    }
    if (cells.some((c) => c !== '')) lines.push(cells.join('\t'));
  }
  // A table inside a cell stays inside that cell.
  return nested ? [lines.map((l) => l.replace(/\t/g, ' ; ')).join(' ; ')] : lines;
}
