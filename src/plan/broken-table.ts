/**
 * Markdown tables whose rows a web page's copy broke into pieces: a row's cells spread over two or
 * three lines, each piece opened with "|" but not always closed, the empty number column dropped
 * from some rows and kept in others, lines of bare bars ("|", "| |||||||") between rows:
 *
 *   | TT | Tên văn bản | Cơ quan trình | Cơ quan soạn thảo | Cơ quan thẩm tra | Tiến độ | Hồ sơ | |
 *   | | Luật sửa đổi … | Ủy ban Thường vụ Quốc hội | Ban soạn thảo …        ← not closed
 *   | - Ủy ban Pháp luật chủ trì thẩm tra; …                                  ← the next cell
 *   | - Trình UBTVQH … (tháng 02/2025) | - Hồ sơ trình UBTVQH gồm có: …     ← the last two
 *
 * A row piece's position cannot be read from its bars, so the rows are rebuilt from the order of
 * their non-empty cells: a row's first piece starts at the first column, its last piece (when it
 * has more than one) ends at the last, pieces in between follow on. A cell missing in between
 * stays empty. Linear in the block's length.
 */
import type { PlanLine } from './lines';
import type { TableColumns } from './table-columns';

export interface RebuiltRow {
  cells: string[];
  line: number;
}

const SEPARATOR = /^:?-{2,}:?$/;
const GROUP = /^\**(?:[IVX]{1,5}|[A-H])\s*[.)]\**\s+\S/u;
const NUMBER = /^\d{1,3}\.?$/;

function pieces(raw: string): string[] {
  return raw
    .split('|')
    .map((c) => c.trim())
    .filter((c) => c !== '' && !SEPARATOR.test(c));
}

/** The block of table lines after the header at `from`: every line holding a bar, up to a blank
 * line or one without a bar. */
function blockEnd(lines: readonly PlanLine[], from: number): number {
  let j = from;
  while (j < lines.length && lines[j].raw.trim() !== '' && lines[j].raw.indexOf('|') >= 0) j++;
  return j;
}

/** Whether the markdown table after header line `header` lost its row structure: a row left
 * open (no closing bar) and several lines whose cells do not fill the header's columns. */
export function isBrokenPipeTable(lines: readonly PlanLine[], header: number, width: number): boolean {
  if (lines[header].raw.trim()[0] !== '|' || width < 4) return false;
  const end = blockEnd(lines, header + 1);
  let open = 0;
  let partial = 0;
  for (let j = header + 1; j < end; j++) {
    const raw = lines[j].raw.trim();
    const cells = pieces(raw);
    if (cells.length === 0) continue;
    if (raw[raw.length - 1] !== '|') open++;
    if (cells.length > 1 && cells.length < width - 2) partial++;
    else if (cells.length === 1 && !GROUP.test(cells[0])) partial++;
  }
  return open >= 1 && partial >= 2;
}

/** The rows of the broken table after `header` and the index of the first line after it. */
export function rebuildBrokenPipeTable(
  lines: readonly PlanLine[],
  header: number,
  table: TableColumns,
  headerCells: readonly string[],
): { rows: RebuiltRow[]; end: number } {
  const end = blockEnd(lines, header + 1);
  // The named columns in order; the number column only when some row has a number.
  let columns = headerCells.map((c, i) => (c !== '' ? i : -1)).filter((i) => i >= 0);
  let numbered = false;
  for (let j = header + 1; j < end && !numbered; j++) numbered = NUMBER.test(pieces(lines[j].raw)[0] ?? '');
  if (!numbered && table.stt >= 0) columns = columns.filter((i) => i !== table.stt);
  const n = columns.length;
  const rows: RebuiltRow[] = [];
  let row: { cells: string[]; line: number }[] = [];
  let filled = 0;
  const flush = () => {
    if (row.length === 0) return;
    const cells = new Array<string>(table.width).fill('');
    let at = 0;
    row.forEach((piece, k) => {
      // The last of several pieces closes the row: it ends at the last column.
      if (k > 0 && k === row.length - 1) at = Math.max(at, n - piece.cells.length);
      for (const c of piece.cells) if (at < n) cells[columns[at++]] = c;
    });
    rows.push({ cells, line: row[0].line });
    row = [];
    filled = 0;
  };
  let afterBars = false;
  for (let j = header + 1; j < end; j++) {
    const cells = pieces(lines[j].raw);
    if (cells.length === 0) {
      afterBars = true;
      continue;
    }
    if (cells.length === 1 && GROUP.test(cells[0]) && !/[|]\s*$/.test(cells[0])) {
      // "| II. Văn bản thuộc thẩm quyền … | |||||||": a group row.
      flush();
      const m = /^\**([IVX]{1,5}|[A-H])\s*[.)]\**\s+(.*)$/u.exec(cells[0])!;
      const group = new Array<string>(table.width).fill('');
      group[table.stt >= 0 ? table.stt : 0] = m[1];
      group[table.content] = m[2].trim();
      rows.push({ cells: group, line: lines[j].at });
      afterBars = false;
      continue;
    }
    // A piece after a line of bare bars, or one that does not fit, starts the next row.
    if (afterBars || filled + cells.length > n) flush();
    row.push({ cells, line: lines[j].at });
    filled += cells.length;
    if (filled >= n) flush();
    afterBars = false;
  }
  flush();
  return { rows, end };
}
