/**
 * Turns what the user gives (pasted text, a .txt or .docx file) into plan text. mammoth is large,
 * so the .docx reader is fetched only when a .docx arrives.
 */
import { decodePlanBytes } from '../plan/decode';
import type { ParseWarning } from '../plan/types';

export type PlanFileKind = 'txt' | 'docx';

export function planFileKind(name: string): PlanFileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.txt')) return 'txt';
  if (lower.endsWith('.docx')) return 'docx';
  return null;
}

export interface LoadedText {
  text: string;
  warnings: ParseWarning[];
}

export async function readPlanFile(name: string, bytes: Uint8Array): Promise<LoadedText> {
  const kind = planFileKind(name);
  if (kind === 'docx') {
    const { docxToText } = await import(/* webpackChunkName: "docx" */ '../docx/docx');
    return { text: await docxToText(bytes), warnings: [] };
  }
  return decodePlanBytes(bytes, name);
}
