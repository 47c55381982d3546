/** Which plan files the page takes: the reading itself is the plan use case's (src/app/plan-file.ts). */
export type PlanFileKind = 'txt' | 'docx';

export function planFileKind(name: string): PlanFileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.txt')) return 'txt';
  if (lower.endsWith('.docx')) return 'docx';
  return null;
}
