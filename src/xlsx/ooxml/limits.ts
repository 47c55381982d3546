/**
 * How much a file may make the reader do. A workbook of the product's size (100,000 tasks is a
 * 60 MB task sheet) stays far below every limit; a hostile or broken file is refused with a
 * message that names the limit, before it can exhaust memory.
 */
export interface ReadLimits {
  /** Uncompressed size of one part. */
  maxPartBytes: number;
  /** Uncompressed bytes of all the parts one package opening reads. */
  maxTotalBytes: number;
  /**
   * Uncompressed ÷ compressed size of a part above 1 MiB. Deflate cannot exceed about 1,032:1,
   * so more means sizes that lie or entries that overlap: a zip bomb.
   */
  maxCompressionRatio: number;
  /** Cells one sheet read may visit. */
  maxCellsPerSheet: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxPartBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 1100,
  maxCellsPerSheet: 10_000_000,
};

/** Excel's grid: rows 1..1,048,576 and columns A..XFD. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;
