/**
 * Which column of a task table holds what: "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối
 * hợp | Sản phẩm | Thời gian hoàn thành | Ghi chú", in any order and wording, on one header row or
 * two ("Cơ quan thực hiện" over "Chủ trì | Phối hợp").
 */

export interface TableColumns {
  stt: number;
  content: number;
  lead: number;
  partners: number;
  product: number;
  time: number;
  /** Every column holding a deadline: a header "Thời gian trình" over "Bộ trưởng | Chính phủ" gives
   * one named column and the unnamed ones beside it. */
  times: number[];
  /** Number of cells the header has: a shorter row was cut in copying. */
  width: number;
  /** Header rows: 1, or 2 when the second row splits a merged cell. */
  rows: 1 | 2;
}

const SUB_HEADER = /^(?:cơ quan |đơn vị )?(?:chủ trì|phối hợp)$/u;

function find(cells: readonly string[], re: RegExp, not?: RegExp): number {
  return cells.findIndex((c) => re.test(c) && !(not && not.test(c)));
}

function columnsOf(lower: readonly string[]): Omit<TableColumns, 'rows' | 'width' | 'times'> | null {
  const content = find(
    lower,
    /nội dung|nhiệm vụ|công việc|tên (?:đề án|nhiệm vụ|hoạt động|văn bản)|hoạt động|giải pháp|^(?:thông tin |nội dung )?đề xuất/u,
    /chủ trì|phối hợp|thời gian|cơ quan/u,
  );
  const lead = find(
    lower,
    /chủ trì|(?:cơ quan|đơn vị)(?:,? (?:đơn vị|cơ quan))?(?: (?:thực hiện|đầu mối|tham mưu))?$|(?:cơ quan|đơn vị).{0,20}(?:thực hiện|đầu mối|tham mưu)|thực hiện|^(?:bộ|cơ quan|đơn vị|sở) phụ trách/u,
    /phối hợp|thời gian|nội dung/u,
  );
  if (content < 0 || content === lead) return null;
  const stt = find(lower, /^(?:stt|tt|số tt|số thứ tự)\.?$/u);
  const time = find(lower, /thời gian|thời hạn|tiến độ|hoàn thành|lộ trình/u, /chủ trì|phối hợp/u);
  // Without a lead column a numbered list of work with its times is still a task table
  // ("STT | Tên văn bản | Đối tượng tuyên truyền | Thời gian thực hiện").
  if (lead < 0 && (stt < 0 || time < 0)) return null;
  return {
    // An unnamed first column before the content holds the numbers ("STT" lost in copying).
    stt: stt >= 0 ? stt : content > 0 && lower[0] === '' ? 0 : -1,
    content,
    lead,
    partners: find(lower, /phối hợp/u),
    product: find(lower, /sản phẩm|kết quả/u),
    time,
  };
}

// The outline asks about the same row several times (where the body starts, each header candidate,
// the look-ahead over a cell cut by line breaks): the answer for a row and the row below it is kept
// with the row's cells, so each pair is read once. A row the outline has since extended (a cell cut
// by a line break) no longer equals the copy kept, and is read again.
interface Answer {
  cells: readonly string[];
  next: readonly string[] | undefined;
  nextCells: readonly string[] | undefined;
  columns: TableColumns | null;
}
const answers = new WeakMap<readonly string[], Answer>();

function sameCells(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The header's layout, or null when the row is not a task-table header. */
export function tableColumns(cells: readonly string[], next?: readonly string[]): TableColumns | null {
  const known = answers.get(cells);
  if (known && known.next === next && sameCells(known.cells, cells) && sameCells(known.nextCells, next))
    return known.columns;
  const columns = readColumns(cells, next);
  answers.set(cells, { cells: cells.slice(), next, nextCells: next?.slice(), columns });
  return columns;
}

function readColumns(cells: readonly string[], next?: readonly string[]): TableColumns | null {
  const lower = cells.map((c) => c.toLowerCase());
  const second = next?.map((c) => c.toLowerCase());
  if (second && second.some((c) => SUB_HEADER.test(c)) && !second.some((c) => /^\d/.test(c))) {
    // "Cơ quan thực hiện" spans two columns named on the row below.
    const merged = lower.map((c, i) => (second[i] ? `${c} ${second[i]}`.trim() : c));
    for (let i = lower.length; i < second.length; i++) merged.push(second[i]);
    const sub = columnsOf(
      merged.map((c) => c.replace(/^(?:cơ quan|đơn vị)(?: thực hiện)? (?=chủ trì|phối hợp)/u, '')),
    );
    if (sub) return { ...sub, times: timeColumns(lower, sub.time), width: merged.length, rows: 2 };
  }
  const one = columnsOf(lower);
  return one ? { ...one, times: timeColumns(lower, one.time), width: cells.length, rows: 1 } : null;
}

function timeColumns(header: readonly string[], first: number): number[] {
  if (first < 0) return [];
  const out = [first];
  // A merged header cell leaves the columns it spans unnamed.
  for (let i = first + 1; i < header.length && header[i] === ''; i++) out.push(i);
  for (let i = first + 1; i < header.length; i++) {
    const h = header[i];
    if (h !== '' && /thời gian|thời hạn|tiến độ|hoàn thành/u.test(h) && !/chủ trì|phối hợp/u.test(h))
      out.push(i);
  }
  return out;
}
