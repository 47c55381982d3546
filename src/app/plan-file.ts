/**
 * Reading a plan: a .docx through mammoth (loaded only then), anything else as text through
 * decodePlanBytes (UTF-8/UTF-16/legacy encodings), then the parser. Old Word files and PDFs are
 * refused with what to do instead. Every refusal is a LocalizedError naming the file.
 */
import { LocalizedError, type Msg } from '../model/msg';
import { decodePlanBytes } from '../plan/decode';
import { parsePlan } from '../plan/parse';
import type { ParseWarning, Plan } from '../plan/types';
import { aboutFile, type NamedFile } from './files';

export type { Agency, Deadline, ParseWarning, Plan, Task } from '../plan/types';
export { agencyKey } from '../plan/agency';

export interface LoadedPlan {
  plan: Plan;
  /** The text as read, for the workbook's fingerprint. */
  text: string;
  format: 'txt' | 'docx';
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function refuse(file: string, m: Msg): never {
  throw new LocalizedError(aboutFile(file, m));
}

/** Parses pasted or decoded text; warnings from decoding join the parser's, without repeats. */
export function planFromText(text: string, decodeWarnings: readonly ParseWarning[] = []): Plan {
  const plan = parsePlan(text);
  const codes = new Set(plan.warnings.map((w) => w.code));
  return { ...plan, warnings: [...decodeWarnings.filter((w) => !codes.has(w.code)), ...plan.warnings] };
}

export async function readPlanFile(file: NamedFile): Promise<LoadedPlan> {
  const { name, bytes } = file;
  if (bytes.length === 0) refuse(name, { vi: 'Tệp rỗng.', en: 'The file is empty.' });
  const ext = /\.[^./\\]+$/.exec(name.toLowerCase())?.[0] ?? '';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]) || ext === '.doc')
    refuse(name, {
      vi: 'Định dạng Word cũ (.doc) chưa được hỗ trợ: hãy lưu lại thành .docx hoặc .txt.',
      en: 'The old Word format (.doc) is not supported: save the file as .docx or .txt.',
    });
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    refuse(name, {
      vi: 'Tệp PDF chưa được hỗ trợ: hãy sao chép nội dung ra tệp .txt hoặc dùng bản .docx.',
      en: 'PDF files are not supported: copy the text into a .txt file or use the .docx version.',
    });
  const zip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  let text: string;
  let format: LoadedPlan['format'] = 'txt';
  let warnings: ParseWarning[] = [];
  if (zip || ext === '.docx') {
    if (!zip) refuse(name, { vi: 'Tệp không phải .docx hợp lệ.', en: 'This is not a valid .docx file.' });
    const { docxToText, DocxError } = await import(/* webpackChunkName: "docx" */ '../docx/docx');
    try {
      text = await docxToText(bytes);
    } catch (e) {
      if (e instanceof DocxError) refuse(name, e.msg);
      throw e;
    }
    format = 'docx';
  } else {
    // The decoder names the file itself when the bytes are no text at all.
    const decoded = decodePlanBytes(bytes, name);
    text = decoded.text;
    warnings = decoded.warnings;
  }
  if (text.trim() === '') refuse(name, { vi: 'Tệp không có nội dung.', en: 'The file has no text.' });
  return { plan: planFromText(text, warnings), text, format };
}

/** A plan to build or revise from must have tasks; otherwise nothing is written. */
export function requireTasks(plan: Plan, file: string): void {
  if (plan.tasks.length === 0)
    refuse(file, {
      vi: 'Không tìm thấy nhiệm vụ nào trong kế hoạch; chưa ghi tệp nào.',
      en: 'No tasks found in the plan; no file written.',
    });
}
