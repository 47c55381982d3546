/**
 * Deterministic, realistic inputs for the benchmarks: the sample plan's own sentences, agencies
 * and deadline notes, recombined by a seeded generator into plans and filled tables of any size.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../test/support/project-root';
import { seededRandom as seeded } from '../test/support/excel/plans';
import type { Plan, Task } from '../src/plan/types';
import { columnHeader, TASK_COLUMN_IDS, type TaskColumnId } from '../src/model/columns';
import { STATUS_LABELS } from '../src/model/labels';
import type { RawCell, TableSnapshot } from '../src/workbook/types';
import { isoToSerial } from '../src/model/dates';

export const ROOT = PROJECT_ROOT;

export function sampleText(): string {
  return readFileSync(join(ROOT, 'samples', 'nq28-nam-dinh.txt'), 'utf8');
}

/**
 * About `bytes` characters of real plans: every plan text kept in test/fixtures (the parser's real
 * plans and, when present, the labelled corpus) and the sample, one after another. Past their total
 * the series starts over with every year and document number moved on by the round, so no two
 * copies are the same text.
 */
export function realPlanText(bytes: number): string {
  const dirs = [join(ROOT, 'test', 'fixtures', 'plans'), join(ROOT, 'test', 'fixtures', 'real')];
  const texts = [sampleText()];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort())
      if (f.endsWith('.txt')) texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  const out: string[] = [];
  let size = 0;
  for (let round = 0; size < bytes; round++) {
    for (const t of texts) {
      const text =
        round === 0
          ? t
          : t
              .replace(
                /\b(19|20)(\d{2})\b/g,
                (_m, c: string, y: string) => `${c}${String((+y + round) % 100).padStart(2, '0')}`,
              )
              .replace(/(Số:?\s*)(\d+)/g, (_m, p: string, n: string) => `${p}${+n + round}`);
      out.push(text);
      size += text.length;
      if (size >= bytes) break;
    }
  }
  return out.join('\n\n').slice(0, bytes);
}

const AGENCIES = [
  'Đảng đoàn Hội đồng nhân dân tỉnh',
  'Ban cán sự đảng Ủy ban nhân dân tỉnh',
  'Ban Tổ chức Tỉnh ủy',
  'Ủy ban Kiểm tra Tỉnh ủy',
  'Ban Tuyên giáo Tỉnh ủy',
  'Ban Dân vận Tỉnh ủy',
  'Văn phòng Tỉnh ủy',
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Thông tin và Truyền thông',
  'Sở Tư pháp',
];

const NOTES = [
  '(*thực hiện thường xuyên*)',
  '(*hoàn thành trong năm 2023*)',
  '(*theo kế hoạch của Trung ương*)',
  '(quý II/2024)',
  '(trước ngày 30/6/2024)',
  '(tháng 12/2023)',
  '(hằng năm)',
  '(giai đoạn 2021 - 2025)',
  '',
];

function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((l) => l.replace(/^\s*\d+(\.\d+)*\.\s*/, '').replace(/\s*\(\*[^)]*\*\)\.?\s*$/, ''))
    .filter((l) => l.length > 80 && !/^[IVX]+\./.test(l))
    .flatMap((l) => l.split(/(?<=[.;])\s+/))
    .filter((s) => s.length > 40);
}

/** A plan in the sample's shape with about `bytes` characters of text. */
export function generatePlanText(bytes: number, seed = 28): string {
  const rnd = seeded(seed);
  const sentences = sentencesOf(sampleText());
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const out: string[] = [
    'BAN CHẤP HÀNH ĐẢNG BỘ TỈNH NAM ĐỊNH',
    'Số 99-KH/TU',
    'Nam Định, ngày 15 tháng 3 năm 2023',
    '',
    'KẾ HOẠCH',
    'thực hiện Nghị quyết số 28-NQ/TW (bản sinh tự động để đo hiệu năng)',
    '',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '',
    `1. ${pick(sentences)}`,
    '',
    'II. NHIỆM VỤ CỤ THỂ',
    '',
  ];
  let size = out.join('\n').length;
  let item = 0;
  while (size < bytes) {
    item += 1;
    const agency = AGENCIES[(item - 1) % AGENCIES.length];
    const heading = `${item}. ${agency}`;
    out.push(heading, '');
    size += heading.length + 2;
    const subCount = 2 + Math.floor(rnd() * 5);
    for (let sub = 1; sub <= subCount && size < bytes; sub++) {
      const body = [pick(sentences), pick(sentences)].join(' ').replace(/[.;]?$/, '');
      const note = pick(NOTES);
      const line = `${item}.${sub}. ${body}${note ? ' ' + note : ''}.`;
      out.push(line, '');
      size += line.length + 2;
    }
  }
  out.push(
    'III. TỔ CHỨC THỰC HIỆN',
    '',
    '1. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Kế hoạch.',
    '',
    'Nơi nhận:',
    '- Như trên,',
    '- Lưu VPTU.',
  );
  return out.join('\n');
}

/** Where a copy's task applies: the sample province's localities, so copies differ at equal length. */
const PLACES = [
  'thành phố Nam Định',
  'huyện Mỹ Lộc',
  'huyện Vụ Bản',
  'huyện Ý Yên',
  'huyện Nghĩa Hưng',
  'huyện Nam Trực',
  'huyện Trực Ninh',
  'huyện Xuân Trường',
  'huyện Giao Thủy',
  'huyện Hải Hậu',
].flatMap((p) => [`trên địa bàn ${p}`, `tại ${p}`]);

/**
 * The parsed sample plan's tasks repeated (with new ids) until there are `count` of them. Each
 * copy gets its own text, recombined from the sample's sentences (seeded): a real plan repeats no
 * task, and repeated texts would flatter every writer (shared strings, compression). A copy is two
 * sentences and a place, drawn again while the text is taken: some 220,000 such texts, so even
 * 50,000 copies are a sample of them, and a text is as long on average at every size. (Until
 * 04/12/2026 a taken text had sentences appended until it was new, so texts grew with the plan —
 * 331 / 370 / 441 characters at 1k / 10k / 50k tasks — and every growth exponent with them.)
 */
export function scalePlan(plan: Plan, count: number, seed = 34): Plan {
  const rnd = seeded(seed);
  const sentences = sentencesOf(sampleText());
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const copy = () => `${pick(sentences)} ${pick(sentences).replace(/[.;]$/, '')} ${pick(PLACES)}.`;
  const seen = new Set<string>();
  const tasks: Task[] = [];
  for (let i = 0; i < count; i++) {
    const t = plan.tasks[i % plan.tasks.length];
    const round = Math.floor(i / plan.tasks.length);
    let text = round ? copy() : t.text;
    while (seen.has(text)) text = copy();
    seen.add(text);
    tasks.push({
      ...t,
      id: round ? `${t.id}-${round}` : t.id,
      number: round ? `${t.number}-${round}` : t.number,
      text,
    });
  }
  return { ...plan, tasks };
}

/**
 * A filled tracking table of `rows` tasks as a reader would hand it to the checker: mostly
 * consistent entries, with the slips staff really make (about one row in twenty).
 */
export function filledSnapshot(rows: number, seed = 6): TableSnapshot {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const slips = ['hoàn thành', 'Da hoan thanh', 'Đang TH', 'Đã hoàn thành ', 'Tạm dừng'];
  const categories = ['Thường xuyên', 'Có thời hạn', 'Định kỳ', 'Theo kế hoạch cấp trên'];
  const base = isoToSerial('2023-03-01');
  const data: RawCell[][] = [];
  for (let i = 0; i < rows; i++) {
    const category = pick(categories);
    const due = category === 'Có thời hạn' ? base + Math.floor(rnd() * 700) : null;
    const roll = rnd();
    const status =
      roll < 0.3
        ? STATUS_LABELS.done.vi
        : roll < 0.75
          ? STATUS_LABELS.in_progress.vi
          : STATUS_LABELS.not_started.vi;
    const done = status === STATUS_LABELS.done.vi;
    const completedOn = done ? base + 30 + Math.floor(rnd() * 400) : null;
    const cells: Record<TaskColumnId, RawCell> = {
      taskId: `IV.${1 + (i % 9)}.${1 + Math.floor(i / 9)}`,
      section: 'IV',
      group: 'Ban Tổ chức Tỉnh ủy',
      lead: AGENCIES[i % AGENCIES.length],
      partners: '',
      text: 'Tham mưu ban hành Danh mục chức danh, chức vụ lãnh đạo và tương đương của hệ thống chính trị',
      category,
      due,
      adjustedDue: null,
      adjustmentBasis: null,
      status: rnd() < 0.05 ? pick(slips) : status,
      completedOn: rnd() < 0.01 && completedOn ? '15/3/2023' : completedOn,
      progress: done ? 100 : status === STATUS_LABELS.in_progress.vi ? 10 + Math.floor(rnd() * 80) : 0,
      result: done ? 'Đã ban hành văn bản triển khai' : '',
      note: '',
      updatedOn: base + 300 + Math.floor(rnd() * 160),
      state: null,
      planRef: null,
      agencyGroup: null,
    };
    data.push(TASK_COLUMN_IDS.map((id) => cells[id]));
  }
  return {
    sheet: 'Nhiệm vụ',
    headerRow: 1,
    firstCol: 0,
    headers: TASK_COLUMN_IDS.map((id) => columnHeader(id, 'vi')),
    rows: data,
  };
}
