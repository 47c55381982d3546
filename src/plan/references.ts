/**
 * Documents a task cites: "Nghị quyết số 26-NQ/TW ngày 19/5/2018", "Quy định số 205-QĐ/TW, ngày
 * 23/9/2019", "Nghị định số 61/2018/NĐ-CP", "Thông tư số 10/2022/TT-BLĐTBXH"… Kept as written; a
 * document is listed once per task (by kind and number).
 */

const KINDS =
  'Nghị quyết|Quy định|Kế hoạch|Kết luận|Chỉ thị|Chương trình hành động|Chương trình|Quyết định|Nghị định|Thông tư liên tịch|Thông tư|Hướng dẫn|Công văn|Thông báo|Quy chế|Đề án|Luật|Pháp lệnh|Điều lệ|Công điện';

// Kind, optional "số", a number with at least one "-" or "/" part, then an optional date.
const REFERENCE = new RegExp(
  `(${KINDS})\\s+(?:số\\s*)?(\\d{1,5}(?:[-/][\\p{L}\\d.]{1,20}){1,4})` +
    `(?:,?\\s+ngày\\s+(?:\\d{1,2}\\s?[/.-]\\s?\\d{1,2}\\s?[/.-]\\s?\\d{4}|\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4}))?`,
  'giu',
);

export function extractReferences(text: string): string[] {
  const out: string[] = [];
  // Every document number has a digit followed by "-" or "/".
  if (!/\d[-/]/.test(text)) return out;
  const seen = new Set<string>();
  REFERENCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REFERENCE.exec(text))) {
    // A kind word glued to a preceding letter is part of another word.
    if (m.index > 0 && /\p{L}/u.test(text[m.index - 1])) continue;
    const number = m[2].replace(/\.$/, '');
    const key = `${m[1].toLowerCase()} ${number.toUpperCase()}`;
    const written = m[0].replace(/\.$/, '').replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(written);
  }
  return out;
}
