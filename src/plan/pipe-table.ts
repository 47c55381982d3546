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

/** What rebuildPipeTables leaves: the first `count` entries of the array it was given are the
 * rebuilt lines, and `lines[i]` is the 1-based line of the original input where line i starts. */
export interface SourceLines {
  count: number;
  lines: Int32Array;
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

/**
 * Rebuilds the flattened tables of `lines` in place. The array is the caller's own (the text's
 * physical lines): a table's row takes the place of the lines it came from, and a text of 100,000
 * lines with a few tables is not copied line by line into a second array (each store of a new
 * string into a large array costs a write barrier), nor its line numbers boxed one by one. Every
 * output line comes from at least one input line at or after its place, so writing at `w` never
 * overwrites a line still to be read.
 */
export function rebuildPipeTables(lines: string[]): SourceLines {
  const n = lines.length;
  const at = new Int32Array(n);
  const out = { w: 0 };
  let i = 0;
  while (i < n) {
    const here = lines[i];
    if (
      !isBar(here) ||
      nextBar(lines, i + 1) < 0 ||
      isBlank(lines[i + 1] ?? '') ||
      MARKDOWN_ROW.test(lines[i - 1] ?? '')
    ) {
      // A bar alone under a markdown row ("| TT | Tên văn bản | … |" then "|") is that table's
      // copy damage, not the opening of a flattened table.
      keep(lines, at, out, i);
      i++;
      continue;
    }
    // A table: cells between bars, rows between double bars, until a bar with no next one. Each
    // cell is lines at+1 … next-1, looked at in place (most are one line).
    const row: string[] = [];
    let rowLine = 0;
    let j = i;
    for (;;) {
      const next = nextBar(lines, j + 1);
      if (next < 0) break;
      const first = firstText(lines, j + 1, next);
      // Cells start right after their bar; a blank line there means the table has ended and the
      // next bar opens another one.
      if (first > j + 1) break;
      if (first < 0) {
        rowLine = flushRow(lines, at, out, row, rowLine || j + 1); // two bars: the row ends
      } else if (APPENDIX_CELL.test(lines[j + 1])) {
        // "| Nơi nhận … | KT. TRƯỞNG BAN … | PHỤ LỤC / title / (Kèm theo …) | TT | …": the appendix
        // heading between the closing block and its table is no cell; it and its lines stand alone.
        rowLine = flushRow(lines, at, out, row, rowLine || j + 1);
        for (let k = j + 1; k < next; k++) if (!isBlank(lines[k])) keep(lines, at, out, k);
      } else {
        if (row.length === 0) rowLine = first + 1;
        row.push(cellText(next === j + 2 ? [lines[j + 1]] : lines.slice(j + 1, next)));
      }
      j = next;
    }
    flushRow(lines, at, out, row, rowLine || j + 1);
    i = j + 1;
  }
  return { count: out.w, lines: at };
}

/** Input line `from` as the next output line (no store while nothing before it has moved). */
function keep(lines: string[], at: Int32Array, out: { w: number }, from: number): void {
  if (out.w !== from) lines[out.w] = lines[from];
  at[out.w++] = from + 1;
}

/** The row's cells as one tab-separated line (unless all are empty); empties `row`, returns 0. */
function flushRow(lines: string[], at: Int32Array, out: { w: number }, row: string[], line: number): number {
  if (row.some((c) => c !== '')) {
    lines[out.w] = row.join('\t');
    at[out.w++] = line;
  }
  row.length = 0;
  return 0;
}
