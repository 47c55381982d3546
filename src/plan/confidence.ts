/**
 * Pass 6 of the parse: how sure the reading of each task is, so a person reviews what matters.
 * Low: something is missing or unread (no lead, a deadline phrase not understood, a table row cut
 * short, a fragment). Medium: something was inferred (the lead guessed from the sentence, a
 * collective lead, text joined across a break, no deadline note, an assignment found outside the
 * task parts, a very long text that may hold several tasks). High otherwise.
 */
import { msg } from '../model/msg';
import type { DoubtCode, TaskDraft } from './draft';
import type { Confidence, ConfidenceReason } from './types';

const REASONS: Record<DoubtCode | 'no-lead' | 'lead-from-sentence', [Confidence, string, string]> = {
  'no-lead': ['low', 'Không xác định được cơ quan chủ trì.', 'No lead agency was found.'],
  'deadline-unrecognised': [
    'low',
    'Có ghi thời hạn nhưng không đọc được.',
    'A deadline is written but could not be read.',
  ],
  'row-truncated': [
    'low',
    'Dòng bảng thiếu ô (có thể bị cắt khi sao chép).',
    'The table row has missing cells (it may have been cut in copying).',
  ],
  'short-text': [
    'low',
    'Nội dung quá ngắn, có thể chỉ là một mảnh câu.',
    'The text is very short; it may be a fragment.',
  ],
  'lead-from-sentence': [
    'medium',
    'Cơ quan chủ trì được đoán từ chủ ngữ của câu.',
    'The lead agency was guessed from the sentence subject.',
  ],
  'collective-lead': [
    'medium',
    'Cơ quan chủ trì là một nhóm cơ quan, không phải một cơ quan cụ thể.',
    'The lead is a group of bodies, not one agency.',
  ],
  'joined-lines': [
    'medium',
    'Nội dung được nối lại từ nhiều dòng bị ngắt.',
    'The text was joined from lines broken apart.',
  ],
  'row-continued': [
    'medium',
    'Nội dung nối tiếp sang dòng bảng sau.',
    'The text continues on the next table row.',
  ],
  'lead-from-row-above': [
    'medium',
    'Ô cơ quan chủ trì trống: lấy theo dòng trên (ô gộp của bảng).',
    'The lead cell is empty: taken from the row above (a merged table cell).',
  ],
  'row-rebuilt': [
    'medium',
    'Dòng bảng bị ngắt thành nhiều mảnh khi sao chép và đã được ghép lại: hãy kiểm tra các ô.',
    'The table row was broken into pieces in copying and put back together: please check its cells.',
  ],
  'no-deadline': ['medium', 'Không ghi thời hạn.', 'No deadline is stated.'],
  'assignment-in-context': [
    'medium',
    'Nhiệm vụ nằm ngoài phần nhiệm vụ (một câu giao việc trong phần khác).',
    'The task sits outside the task parts (an assignment in another part).',
  ],
  'long-text': [
    'medium',
    'Nội dung rất dài, có thể gộp nhiều nhiệm vụ.',
    'The text is very long; it may hold several tasks.',
  ],
};

const RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

// One shared, frozen reason per code: a big plan has tens of thousands of tasks.
const REASON_OBJECTS = new Map<string, ConfidenceReason>(
  Object.entries(REASONS).map(([code, [, vi, en]]) => [
    code,
    Object.freeze({ code, msg: Object.freeze(msg(vi, en)) }),
  ]),
);

export function assess(draft: TaskDraft): { confidence: Confidence; reasons: ConfidenceReason[] } {
  const codes: Array<keyof typeof REASONS> = [];
  if (!draft.lead) codes.push('no-lead');
  else if (draft.leadSource === 'sentence') codes.push('lead-from-sentence');
  if (draft.text.length > 1500) draft.doubts.add('long-text');
  if (draft.text.length < 40 && draft.text.replace(/\s+/g, ' ').trim().length < 12)
    draft.doubts.add('short-text');
  if (draft.deadlines.length === 0 || draft.deadlines.every((d) => d.category === 'none')) {
    draft.doubts.add('no-deadline');
  }
  codes.push(...draft.doubts);
  let confidence: Confidence = 'high';
  const reasons: ConfidenceReason[] = [];
  for (const code of codes) {
    const level = REASONS[code][0];
    if (RANK[level] > RANK[confidence]) confidence = level;
    reasons.push(REASON_OBJECTS.get(code)!);
  }
  return { confidence, reasons };
}

/** Low first, then medium, then high; the plan's order within each. */
export function byConfidence<T extends { confidence?: Confidence }>(tasks: readonly T[]): T[] {
  return tasks
    .map((t, i) => [t, i] as const)
    .sort((a, b) => RANK[b[0].confidence ?? 'high'] - RANK[a[0].confidence ?? 'high'] || a[1] - b[1])
    .map(([t]) => t);
}
