/** Several replacements at offsets of one original text, applied together. */
export interface Splice {
  at: number;
  /** Characters of the original removed at `at`. */
  remove: number;
  insert: string;
}

export function applySplices(text: string, splices: Splice[]): string {
  // Later offsets first, so earlier offsets stay valid; equal offsets keep their given order.
  const ordered = splices.map((s, i) => ({ s, i })).sort((a, b) => b.s.at - a.s.at || b.i - a.i);
  let out = text;
  for (const { s } of ordered) out = out.slice(0, s.at) + s.insert + out.slice(s.at + s.remove);
  return out;
}
