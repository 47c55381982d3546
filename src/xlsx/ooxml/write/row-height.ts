/**
 * Row heights for wrapped text. Spreadsheets do not measure text when they open a file, so a row
 * of long wrapped cells prints one line high unless the file says how tall it is. This estimates
 * it from each cell's length and column width (in characters of the default font).
 */

const LINE_POINTS_PER_FONT_POINT = 15 / 11;
// Proportional text runs a little narrower than the digit "0" that column widths count in.
const CHARS_PER_WIDTH_UNIT = 1.1;

export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH_UNIT));
  // Paragraph by paragraph without splitting: this runs for every wrapped cell of every row.
  let lines = 0;
  for (let at = 0; ;) {
    const end = text.indexOf('\n', at);
    lines += Math.max(1, Math.ceil(((end < 0 ? text.length : end) - at) / perLine));
    if (end < 0) return lines;
    at = end + 1;
  }
}

/** Height in points of a row this many lines tall, or undefined when one line is enough. */
export function linesHeight(lines: number, fontSize = 11): number | undefined {
  if (lines <= 1) return undefined;
  return Math.round(lines * fontSize * LINE_POINTS_PER_FONT_POINT * 4) / 4;
}

/** Height in points for the tallest of the cells, or undefined when one line is enough. */
export function wrappedRowHeight(
  cells: readonly { text: string; width: number }[],
  fontSize = 11,
): number | undefined {
  let lines = 1;
  for (const c of cells) lines = Math.max(lines, wrappedLines(c.text, c.width));
  return linesHeight(lines, fontSize);
}
