/**
 * Pass 3 of the parse: normalised text → lines with their features. Each line knows where it
 * starts in the original input, whether it was joined across a break, its kind (part, item, bullet,
 * table row…, see structure.ts) and, for attribute lines ("- Cơ quan chủ trì: …", "- Thời gian
 * thực hiện: …"), which attribute of the task above it the line gives.
 */
import { classifyLine, type ClassifiedLine } from './structure';

export type AttributeKind = 'lead' | 'partners' | 'roles' | 'time' | 'product' | 'content';

export interface Attribute {
  kind: AttributeKind;
  /** The value after the label, as written ("Sở Nội vụ; cơ quan phối hợp: Sở Tài chính"). */
  value: string;
}

export interface PlanLine extends ClassifiedLine {
  /** The normalised line. */
  raw: string;
  /** 1-based line in the original input where this line starts. */
  at: number;
  /** The line is a sentence joined across a line or page break. */
  joined: boolean;
  attribute?: Attribute;
}

// Labels of the attribute lines, anchored at the start of the line's text (after its marker).
const ATTRIBUTES: ReadonlyArray<[AttributeKind, RegExp]> = [
  [
    'roles',
    /^(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện)\s*(?:,|và)\s*(?:cơ quan\s+|đơn vị\s+)?(?:phối hợp|thực hiện)\s*:?\s*(.*)$/iu,
  ],
  [
    'lead',
    /^(?:(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện|đầu mối|tham mưu)(?:\s+tham mưu)?(?:\s+thực hiện)?|chủ trì(?: thực hiện)?|đơn vị thực hiện)\s*(?::|\s[-–]\s|$)\s*(.*)$/iu,
  ],
  [
    'partners',
    /^(?:(?:cơ quan|đơn vị)\s+phối hợp(?:\s+thực hiện)?|phối hợp(?: thực hiện)?)\s*(?::|\s[-–]\s|$)\s*(.*)$/iu,
  ],
  [
    'time',
    /^(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành|hoàn tất|triển khai|trình|báo cáo))?(?:\s+dự kiến)?\s*(?::|\s[-–]\s)\s*(.*)$/iu,
  ],
  [
    'product',
    /^(?:sản phẩm|kết quả)(?:\s+(?:đầu ra|dự kiến|cần đạt|đạt được|thực hiện))?\s*(?::|\s[-–]\s)\s*(.*)$/iu,
  ],
  ['content', /^nội dung(?:\s+(?:thực hiện|nhiệm vụ|công việc))?\s*:\s*(.+)$/iu],
];

// Every label starts with one of these words: most lines are ruled out by this one test.
const LABEL_START = /^(?:cơ quan|đơn vị|chủ trì|phối hợp|thời|tiến độ|sản phẩm|kết quả|nội dung)/iu;

export function attributeOf(text: string): Attribute | undefined {
  if (text.length > 600 || !LABEL_START.test(text)) return undefined;
  for (const [kind, re] of ATTRIBUTES) {
    const m = re.exec(text);
    if (m) return { kind, value: m[1].trim() };
  }
  return undefined;
}

/** One normalised line with its features. */
export function readLine(raw: string, at: number, joined: boolean): PlanLine {
  const c = classifyLine(raw);
  // Built field by field: an object spread here cost more than classifying the line.
  const line: PlanLine = {
    kind: c.kind,
    rank: c.rank,
    number: c.number,
    text: c.text,
    cells: c.cells,
    pipeCells: c.pipeCells,
    raw,
    at,
    joined,
    attribute: undefined,
  };
  if (
    c.kind === 'item' ||
    c.kind === 'point' ||
    c.kind === 'dash' ||
    c.kind === 'plus' ||
    c.kind === 'text'
  ) {
    line.attribute = attributeOf(c.text);
  }
  return line;
}

/** The lines of normalised text (`lines`, or `text` split at LF) with their features. */
export function readLines(
  text: string | readonly string[],
  lineMap: readonly number[],
  joined: ReadonlySet<number>,
): PlanLine[] {
  const raws = typeof text === 'string' ? (text === '' ? [] : text.split('\n')) : text;
  const out: PlanLine[] = new Array<PlanLine>(raws.length);
  for (let i = 0; i < raws.length; i++)
    out[i] = readLine(raws[i], lineMap[i] ?? 0, joined.size > 0 && joined.has(i));
  return out;
}
