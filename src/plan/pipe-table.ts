/**
 * Tables that a web page's copy flattened into one cell per line block, with a lone "|" between
 * cells and two between rows (the header block, the closing block and appendix tables of legal
 * document sites):
 *
 *   |                       ← opens the table
 *   **STT**                 ← a cell, on one or more lines
 *   |                       ← next cell
 *   **NHIỆM VỤ**
 *   |
 *   |                       ← two bars: next row
 *   1
 *   …
 *
 * They are rebuilt as one line per row with tab-separated cells, the form the parser reads tables
 * in. Linear: each line is looked at a fixed number of times.
 */

export interface SourceLines {
  texts: string[];
  /** lines[i]: the 1-based line of the original input where texts[i] starts. */
  lines: number[];
}

const BAR = /^\s*\|\s*$/;
const APPENDIX_CELL = /^[\s*]*(?:PHỤ LỤC|Phụ lục)(?![\p{L}])/u;
const BLANK = /^\s*$/;
const MARKDOWN_ROW = /^\s*\|[^|]*\S[^|]*\|/;
// A cell is short: the next bar comes within this many lines, or the table has ended.
const MAX_CELL_LINES = 30;

const DECORATION_LINE = /^[*\-–—_=~\s]+$/;

function cellText(lines: readonly string[]): string {
  if (lines.length === 1) {
    // Most cells are one line without emphasis or tabs: then the steps below only trim it.
    const only = lines[0];
    if (only.indexOf('*') < 0 && only.indexOf('\t') < 0) {
      const t = only.trim();
      return t === '' || DECORATION_LINE.test(t) ? '' : t;
    }
  }
  return (
    lines
      // Emphasis opened or closed at a line's edge ("**BỘ VĂN HÓA, THỂ" / "THAO **") is markup.
      .map((l) => l.trim().replace(/^\*{1,3}(?=\S)|\s*\*{1,3}$/g, ''))
      .filter((l) => l !== '' && !DECORATION_LINE.test(l))
      .join(' ')
      .replace(/\t/g, ' ')
      .replace(/^[*\s]+|[*\s]+$/g, '')
  );
}

function isBar(line: string): boolean {
  return line.indexOf('|') >= 0 && BAR.test(line);
}

/** BLANK.test(line), answered without the regex for a line that starts with a printable ASCII
 * character or a letter below U+1680 (no whitespace character lies there). */
function isBlank(line: string): boolean {
  const c = line.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c >= 0x100 && c < 0x1680)) return false;
  return BLANK.test(line);
}

/** Index of the next bar line after `from` within the cell limit, or -1. */
function nextBar(lines: readonly string[], from: number): number {
  let content = 0;
  for (let j = from; j < lines.length; j++) {
    if (isBar(lines[j])) return j;
    if (!isBlank(lines[j]) && ++content > MAX_CELL_LINES) return -1;
  }
  return -1;
}

/** Index of the first line in [from, to) with text, or -1. */
function firstText(lines: readonly string[], from: number, to: number): number {
  for (let j = from; j < to; j++) if (!isBlank(lines[j])) return j;
  return -1;
}

export function rebuildPipeTables(lines: readonly string[]): SourceLines {
  const out: SourceLines = { texts: [], lines: [] };
  let i = 0;
  while (i < lines.length) {
    const here = lines[i];
    if (
      !isBar(here) ||
      nextBar(lines, i + 1) < 0 ||
      isBlank(lines[i + 1] ?? '') ||
      MARKDOWN_ROW.test(lines[i - 1] ?? '')
    ) {
      // A bar alone under a markdown row ("| TT | Tên văn bản | … |" then "|") is that table's
      // copy damage, not the opening of a flattened table.
      out.texts.push(here);
      out.lines.push(i + 1);
      i++;
      continue;
    }
    // A table: cells between bars, rows between double bars, until a bar with no next one. Each
    // cell is lines at+1 … next-1, looked at in place (most are one line).
    const row: string[] = [];
    let rowLine = 0;
    let at = i;
    for (;;) {
      const next = nextBar(lines, at + 1);
      if (next < 0) break;
      const first = firstText(lines, at + 1, next);
      // Cells start right after their bar; a blank line there means the table has ended and the
      // next bar opens another one.
      if (first > at + 1) break;
      if (first < 0) {
        rowLine = flushRow(out, row, rowLine || at + 1); // two bars: the row ends
      } else if (APPENDIX_CELL.test(lines[at + 1])) {
        // "| Nơi nhận … | KT. TRƯỞNG BAN … | PHỤ LỤC / title / (Kèm theo …) | TT | …": the appendix
        // heading between the closing block and its table is no cell; it and its lines stand alone.
        rowLine = flushRow(out, row, rowLine || at + 1);
        for (let j = at + 1; j < next; j++)
          if (!isBlank(lines[j])) {
            out.texts.push(lines[j]);
            out.lines.push(j + 1);
          }
      } else {
        if (row.length === 0) rowLine = first + 1;
        row.push(cellText(next === at + 2 ? [lines[at + 1]] : lines.slice(at + 1, next)));
      }
      at = next;
    }
    flushRow(out, row, rowLine || at + 1);
    i = at + 1;
  }
  return out;
}

/** The row's cells as one tab-separated line (unless all are empty); empties `row`, returns 0. */
function flushRow(out: SourceLines, row: string[], line: number): number {
  if (row.some((c) => c !== '')) {
    out.texts.push(row.join('\t'));
    out.lines.push(line);
  }
  row.length = 0;
  return 0;
}
