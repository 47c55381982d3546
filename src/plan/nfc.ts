/**
 * NFC without the cost when there is nothing to compose. Vietnamese text in NFC is almost all
 * Latin letters, precomposed letters (U+1E00–U+1EFF) and punctuation, and a string made only of
 * characters that are stable under NFC and combine with nothing is already NFC (the quick check of
 * UAX #15). One scan for anything else decides whether the real normalisation must run.
 */

// Characters outside these ranges (combining marks, Hangul jamo, singletons such as U+212B Å, …)
// may change under NFC; test/plan/nfc.test.ts checks every character inside them.
export const NFC_STABLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x02ff],
  [0x1e00, 0x1eff],
  [0x2002, 0x20cf],
  [0x2190, 0x2328],
  [0x232b, 0x23ff],
  [0x2460, 0x27bf],
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
];

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
const MAY_CHANGE_CLASS = `[^${NFC_STABLE_RANGES.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]`;
const MAY_CHANGE = new RegExp(MAY_CHANGE_CLASS);
const MAY_CHANGE_ANYWHERE = new RegExp(MAY_CHANGE_CLASS, 'g');

/** Whether `s` may change under NFC (false: it is NFC by the quick check). */
export function mayChangeUnderNFC(s: string): boolean {
  return MAY_CHANGE.test(s);
}

/** `s.normalize('NFC')`, skipped when `s` is NFC by the quick check. */
export function toNFC(s: string): string {
  return MAY_CHANGE.test(s) ? s.normalize('NFC') : s;
}

/**
 * `toNFC` of every line of `lines` (`text` split at LF), in place. One search of the whole text
 * finds the lines that may change, where testing each line read every line a second time after the
 * test of the whole text had found one such character.
 */
export function linesToNFC(text: string, lines: string[]): void {
  const re = MAY_CHANGE_ANYWHERE;
  re.lastIndex = 0;
  let line = 0;
  let start = 0;
  let m: RegExpExecArray | null;
  while (line < lines.length && (m = re.exec(text)) !== null) {
    while (m.index > start + lines[line].length) start += lines[line++].length + 1;
    const length = lines[line].length;
    lines[line] = lines[line].normalize('NFC');
    start += length + 1;
    line++;
    re.lastIndex = start;
  }
  re.lastIndex = 0;
}
