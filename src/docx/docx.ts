/**
 * .docx → plain text the plan parser understands: one line per paragraph, each table row as one
 * line of tab-separated cells (as Word tables arrive when pasted), Word's automatic numbering written
 * out as Word prints it (numbering.xml: "1.", "a)", "I.", "1.2.") because the parser relies on it.
 * Footnote markers and bodies are dropped. The package is opened with mammoth's zip reader, loaded
 * lazily so the core and the CLI's other commands do not pay for it; the XML is read by ./wordml.
 *
 * `htmlToPlanText` turns mammoth's HTML into the same text; it is kept for HTML input.
 */
/// <reference path="./mammoth-zipfile.d.ts" />
import { EXIT, LocalizedError, msg } from '../model/msg';
import { wordMlToText } from './wordml';

/** A .docx that cannot be read: a user error (exit code 2), in both languages. */
export class DocxError extends LocalizedError {
  constructor(messageVi: string, messageEn: string) {
    super(msg(messageVi, messageEn), EXIT.badInput);
    this.name = 'DocxError';
  }

  get messageVi(): string {
    return this.msg.vi;
  }

  get messageEn(): string {
    return this.msg.en;
  }
}

/** The package reader mammoth uses (its own JSZip), so the .docx adapter needs no zip code of its own. */
interface DocxPackage {
  exists(path: string): boolean;
  read(path: string, encoding: 'utf-8'): Promise<string>;
}
interface MammothZip {
  openArrayBuffer(data: ArrayBuffer | Uint8Array): Promise<DocxPackage>;
}

export async function docxToText(bytes: Uint8Array): Promise<string> {
  const mod = (await import('mammoth/lib/zipfile')) as unknown as MammothZip & { default?: MammothZip };
  const zipfile: MammothZip = typeof mod.openArrayBuffer === 'function' ? mod : (mod.default as MammothZip);
  let pkg: DocxPackage;
  try {
    pkg = await zipfile.openArrayBuffer(bytes);
  } catch {
    throw new DocxError(
      'Không đọc được tệp .docx: tệp bị hỏng hoặc không phải tài liệu Word.',
      'Could not read the .docx file: it is damaged or not a Word document.',
    );
  }
  const read = async (path: string) => (pkg.exists(path) ? await pkg.read(path, 'utf-8') : null);
  const document = await read('word/document.xml');
  if (document === null) {
    if (pkg.exists('xl/workbook.xml')) {
      throw new DocxError(
        'Tệp này là bảng tính Excel (.xlsx), không phải tài liệu Word: hãy chọn tệp kế hoạch .docx hoặc .txt.',
        'This file is an Excel workbook (.xlsx), not a Word document: choose the plan as .docx or .txt.',
      );
    }
    throw new DocxError(
      'Tệp không phải tài liệu Word (.docx): không có phần nội dung word/document.xml.',
      'The file is not a Word document (.docx): it has no word/document.xml part.',
    );
  }
  return wordMlToText({
    document,
    numbering: await read('word/numbering.xml'),
    styles: await read('word/styles.xml'),
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
}

interface TableState {
  rows: string[][];
  row: string[] | null;
  cell: string[] | null;
  /** Vertically merged cells: remaining rows and value per column, repeated into the rows below. */
  spans: { left: number; value: string }[];
  pendingSpan: { rowspan: number; colspan: number };
}

interface ListState {
  ordered: boolean;
  index: number;
  /** The top-level list numbers the plan's parts (its items are all-caps headings: "I. MỤC ĐÍCH"). */
  parts?: boolean;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let left = Math.min(n, 39);
  for (const [value, letters] of table) {
    while (left >= value) {
      out += letters;
      left -= value;
    }
  }
  return out;
}

/**
 * The marker Word's automatic numbering would show. mammoth keeps the nesting but not the format, so
 * it is inferred: an all-caps top-level item is a part (Roman), then "1.", then "a)"; bullets "-", "+".
 */
function listMarker(lists: ListState[], text: string): string {
  const depth = lists.length;
  const top = lists[depth - 1];
  if (!top.ordered) return depth > 1 ? '+ ' : '- ';
  const orderedDepth = lists.filter((l) => l.ordered).length;
  if (orderedDepth === 1 && /\p{L}/u.test(text) && !/\p{Ll}/u.test(text)) {
    top.parts = true;
    return `${roman(top.index)}. `;
  }
  const level = orderedDepth - (lists[0].ordered && lists[0].parts ? 1 : 0);
  if (level <= 1) return `${top.index}. `;
  if (level === 2) return `${String.fromCharCode(96 + Math.min(top.index, 26))}) `;
  return '- ';
}

/** mammoth's HTML (a small, regular subset) → plan text. Linear in the size of the HTML. */
export function htmlToPlanText(html: string): string {
  const out: string[] = [];
  const para: string[] = [];
  const tables: TableState[] = [];
  const lists: ListState[] = [];
  let skip = 0; // inside a footnote reference or footnote body
  let listItemOpen = false;
  const flush = () => {
    const body = para
      .join('')
      .replace(/[ \t]+/g, ' ')
      .trim();
    para.length = 0;
    // A list marker waits for its text (a <li> may wrap its text in a <p>).
    if (!body) return;
    const text = listItemOpen && lists.length > 0 ? listMarker(lists, body) + body : body;
    listItemOpen = false;
    const t = tables[tables.length - 1];
    if (t && t.cell) t.cell.push(text);
    else out.push(text);
  };
  const startRowCells = (t: TableState) => {
    // Columns covered by a cell merged from above get that cell's value again.
    while (t.row && t.spans[t.row.length] && t.spans[t.row.length].left > 0) {
      const span = t.spans[t.row.length];
      span.left--;
      t.row.push(span.value);
    }
  };
  const re = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m[4] !== undefined) {
      if (skip === 0) para.push(decodeEntities(m[4]));
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const attrs = m[3];
    if (skip > 0) {
      if ((tag === 'a' || tag === 'li' || tag === 'sup') && !attrs.endsWith('/')) skip += closing ? -1 : 1;
      continue;
    }
    if (!closing && (tag === 'a' || tag === 'li')) {
      const id = attr(attrs, 'id') ?? '';
      if (/^(?:footnote|endnote|comment)/.test(id)) {
        skip = 1;
        continue;
      }
    }
    switch (tag) {
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        flush();
        break;
      case 'br':
        para.push(tables.length > 0 ? ' ' : '\n');
        break;
      case 'ul':
      case 'ol':
        flush();
        if (closing) lists.pop();
        else lists.push({ ordered: tag === 'ol', index: 0 });
        break;
      case 'li':
        flush();
        if (!closing && lists.length > 0) {
          lists[lists.length - 1].index++;
          listItemOpen = true;
        }
        break;
      case 'table':
        flush();
        if (!closing) {
          tables.push({
            rows: [],
            row: null,
            cell: null,
            spans: [],
            pendingSpan: { rowspan: 1, colspan: 1 },
          });
        } else {
          const t = tables.pop();
          if (t) {
            const lines = t.rows.filter((r) => r.some((c) => c !== '')).map((r) => r.join('\t'));
            const parent = tables[tables.length - 1];
            if (parent && parent.cell)
              parent.cell.push(lines.map((l) => l.replace(/\t/g, ' ; ')).join(' ; '));
            else out.push(...lines);
          }
        }
        break;
      case 'tr': {
        const t = tables[tables.length - 1];
        if (!t) break;
        flush();
        if (!closing) {
          t.row = [];
          startRowCells(t);
        } else if (t.row) {
          startRowCells(t);
          t.rows.push(t.row);
          t.row = null;
        }
        break;
      }
      case 'td':
      case 'th': {
        const t = tables[tables.length - 1];
        if (!t || !t.row) break;
        if (!closing) {
          flush();
          startRowCells(t);
          t.cell = [];
          t.pendingSpan = {
            rowspan: Math.max(1, parseInt(attr(attrs, 'rowspan') ?? '1', 10) || 1),
            colspan: Math.max(1, Math.min(50, parseInt(attr(attrs, 'colspan') ?? '1', 10) || 1)),
          };
        } else if (t.cell) {
          flush();
          const value = t.cell.join(' ').replace(/\t/g, ' ');
          t.cell = null;
          for (let k = 0; k < t.pendingSpan.colspan; k++) {
            const col = t.row.length;
            t.row.push(k === 0 ? value : '');
            if (t.pendingSpan.rowspan > 1)
              t.spans[col] = { left: t.pendingSpan.rowspan - 1, value: k === 0 ? value : '' };
          }
        }
        break;
      }
      default:
        break;
    }
  }
  flush();
  return out.join('\n');
}
