/**
 * Read a plan file for the CLI: .docx (by extension or the ZIP signature) through mammoth, anything
 * else as text through decodePlanBytes (UTF-8/UTF-16/legacy encodings). Errors carry both languages.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { isLocalizedError } from '../model/msg';
import { decodePlanBytes } from '../plan/decode';
import type { ParseWarning } from '../plan/types';

export class PlanLoadError extends Error {
  constructor(
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(`${messageVi}\n${messageEn}`);
    this.name = 'PlanLoadError';
  }
}

export interface LoadedPlan {
  text: string;
  format: 'txt' | 'docx';
  warnings: ParseWarning[];
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

export async function loadPlanFile(path: string): Promise<LoadedPlan> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new PlanLoadError(
        `"${path}" là một thư mục, không phải tệp.`,
        `"${path}" is a folder, not a file.`,
      );
    }
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    if (e instanceof PlanLoadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new PlanLoadError(`Không tìm thấy tệp "${path}".`, `File not found: "${path}".`);
    throw new PlanLoadError(
      `Không đọc được tệp "${path}" (${code ?? (e as Error).message}).`,
      `Cannot read "${path}" (${code ?? (e as Error).message}).`,
    );
  }
  if (bytes.length === 0) throw new PlanLoadError(`Tệp "${path}" rỗng.`, `The file "${path}" is empty.`);
  const ext = extname(path).toLowerCase();
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]) || ext === '.doc') {
    throw new PlanLoadError(
      'Định dạng Word cũ (.doc) chưa được hỗ trợ: hãy lưu lại thành .docx hoặc .txt.',
      'The old Word format (.doc) is not supported: save the file as .docx or .txt.',
    );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw new PlanLoadError(
      'Tệp PDF chưa được hỗ trợ: hãy sao chép nội dung ra tệp .txt hoặc dùng bản .docx.',
      'PDF files are not supported: copy the text into a .txt file or use the .docx version.',
    );
  }
  const zip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  if (zip || ext === '.docx') {
    if (!zip) {
      throw new PlanLoadError(
        `Tệp "${path}" không phải tệp .docx hợp lệ.`,
        `"${path}" is not a valid .docx file.`,
      );
    }
    const { docxToText, DocxError } = await import('../docx/docx');
    try {
      const text = await docxToText(bytes);
      return { text, format: 'docx', warnings: [] };
    } catch (e) {
      if (e instanceof DocxError) {
        throw new PlanLoadError(e.messageVi, e.messageEn);
      }
      throw e;
    }
  }
  try {
    const decoded = decodePlanBytes(bytes, basename(path));
    return { text: decoded.text, format: 'txt', warnings: decoded.warnings };
  } catch (e) {
    if (isLocalizedError(e)) throw new PlanLoadError(e.msg.vi, e.msg.en);
    throw e;
  }
}
