/**
 * What the package reader and editor tell a person when a file cannot be used: which file, what
 * is wrong with it in their words, and what to do. Never a library's message, a stack or an
 * errno code. Every refusal is a LocalizedError with exit code 2 (bad input).
 */
import { EXIT, LocalizedError, Msg } from '../../model/msg';

/** The file a message is about, as the user named it (or nothing when the caller has no name). */
export interface FileLabel {
  fileName?: string;
}

function subject(file: FileLabel): Msg {
  return file.fileName
    ? { vi: `Tệp "${file.fileName}"`, en: `The file "${file.fileName}"` }
    : { vi: 'Tệp', en: 'The file' };
}

function fail(file: FileLabel, vi: string, en: string, cause?: unknown): LocalizedError {
  const who = subject(file);
  return new LocalizedError({ vi: `${who.vi} ${vi}`, en: `${who.en} ${en}` }, EXIT.badInput, { cause });
}

const SAVE_AS_XLSX = {
  vi: 'Hãy mở tệp trong Excel (hoặc LibreOffice) và lưu lại dạng "Sổ làm việc Excel (.xlsx)".',
  en: 'Open it in Excel (or LibreOffice) and save it as "Excel Workbook (.xlsx)".',
};

export function emptyFile(file: FileLabel): LocalizedError {
  return fail(
    file,
    'trống (0 byte), không phải bảng tính Excel.',
    'is empty (0 bytes), not an Excel workbook.',
  );
}

export function notAPackage(file: FileLabel): LocalizedError {
  return fail(
    file,
    `không phải bảng tính Excel .xlsx (nội dung không phải một gói .xlsx). ${SAVE_AS_XLSX.vi}`,
    `is not an Excel .xlsx workbook (its content is not an .xlsx package). ${SAVE_AS_XLSX.en}`,
  );
}

/** An OLE compound file: a legacy .xls, or an .xlsx protected by a password (Excel encrypts those). */
export function legacyOrEncrypted(file: FileLabel): LocalizedError {
  return fail(
    file,
    'là bảng tính Excel cũ (.xls) hoặc đã được đặt mật khẩu mở tệp. Hãy mở trong Excel, bỏ mật khẩu nếu có, rồi lưu lại dạng "Sổ làm việc Excel (.xlsx)".',
    'is a legacy Excel workbook (.xls) or is protected by an opening password. Open it in Excel, remove the password if any, and save it as "Excel Workbook (.xlsx)".',
  );
}

export function truncated(file: FileLabel): LocalizedError {
  return fail(
    file,
    'bị cắt cụt hoặc hỏng: gói .xlsx không đầy đủ (có thể tải về hoặc sao chép chưa xong). Hãy lấy lại tệp gốc.',
    'is truncated or damaged: the .xlsx package is incomplete (perhaps a download or copy did not finish). Get the original file again.',
  );
}

/** A zip that holds something else: what it looks like, when that is recognisable. */
export function notAWorkbook(file: FileLabel, looksLike: 'docx' | 'pptx' | 'ods' | null): LocalizedError {
  if (looksLike === 'ods')
    return fail(
      file,
      `là bảng tính OpenDocument (.ods), không phải .xlsx. ${SAVE_AS_XLSX.vi}`,
      `is an OpenDocument spreadsheet (.ods), not an .xlsx. ${SAVE_AS_XLSX.en}`,
    );
  if (looksLike)
    return fail(
      file,
      `là tài liệu ${looksLike === 'docx' ? 'Word' : 'PowerPoint'} (.${looksLike}), không phải bảng tính Excel.`,
      `is a ${looksLike === 'docx' ? 'Word' : 'PowerPoint'} document (.${looksLike}), not an Excel workbook.`,
    );
  return fail(
    file,
    'là tệp nén nhưng không chứa bảng tính Excel (không có phần workbook).',
    'is a zip archive but holds no Excel workbook (no workbook part).',
  );
}

/** A part that cannot be decompressed or is not well-formed XML. */
export function damagedPart(file: FileLabel, part: string, cause?: unknown): LocalizedError {
  return fail(
    file,
    `bị hỏng: không đọc được phần "${part}" bên trong tệp. Hãy mở và lưu lại tệp trong Excel, hoặc lấy lại tệp gốc.`,
    `is damaged: its part "${part}" cannot be read. Open and save it again in Excel, or get the original file again.`,
    cause,
  );
}

export function encryptedEntry(file: FileLabel, part: string): LocalizedError {
  return fail(
    file,
    `có phần "${part}" được mã hoá trong gói nén; không đọc được. Hãy lưu lại tệp trong Excel không đặt mật khẩu.`,
    `has its part "${part}" encrypted inside the archive; it cannot be read. Save it again in Excel without a password.`,
  );
}

const NUMBER_FORMAT = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') };

function amount(n: number): Msg {
  return { vi: NUMBER_FORMAT.vi.format(n), en: NUMBER_FORMAT.en.format(n) };
}

function megabytes(bytes: number): Msg {
  const mb = Math.round(bytes / (1024 * 1024));
  const n = amount(mb);
  return { vi: `${n.vi} MB`, en: `${n.en} MB` };
}

export function partTooLarge(file: FileLabel, part: string, size: number, limit: number): LocalizedError {
  const [s, l] = [megabytes(size), megabytes(limit)];
  return fail(
    file,
    `quá lớn để đọc: phần "${part}" giải nén ra ${s.vi}, vượt giới hạn ${l.vi} cho một phần.`,
    `is too large to read: its part "${part}" expands to ${s.en}, over the limit of ${l.en} for one part.`,
  );
}

export function compressionBomb(file: FileLabel, part: string, ratio: number, limit: number): LocalizedError {
  const [r, l] = [amount(Math.round(ratio)), amount(limit)];
  return fail(
    file,
    `bị từ chối: phần "${part}" nén với tỷ lệ ${r.vi}:1, vượt giới hạn ${l.vi}:1 (dấu hiệu của tệp "bom nén").`,
    `is refused: its part "${part}" is compressed ${r.en}:1, over the limit of ${l.en}:1 (the mark of a "zip bomb").`,
  );
}

export function overlappingEntries(file: FileLabel, part: string): LocalizedError {
  return fail(
    file,
    `bị từ chối: phần "${part}" dùng chung dữ liệu nén với một phần khác (dấu hiệu của tệp "bom nén").`,
    `is refused: its part "${part}" shares compressed data with another part (the mark of a "zip bomb").`,
  );
}

export function tooManyCells(file: FileLabel, sheet: string, limit: number): LocalizedError {
  const l = amount(limit);
  return fail(
    file,
    `quá lớn để đọc: trang "${sheet}" có hơn ${l.vi} ô (giới hạn khi đọc một trang).`,
    `is too large to read: the sheet "${sheet}" has more than ${l.en} cells (the limit for reading one sheet).`,
  );
}

export function rowOutOfRange(file: FileLabel, sheet: string, row: number, limit: number): LocalizedError {
  const [r, l] = [amount(row), amount(limit)];
  return fail(
    file,
    `bị hỏng: trang "${sheet}" có dòng số ${r.vi}, vượt quá số dòng tối đa của Excel (${l.vi}).`,
    `is damaged: the sheet "${sheet}" has a row numbered ${r.en}, beyond Excel's last row (${l.en}).`,
  );
}

export function tooManyRows(file: FileLabel, sheet: string, limit: number): LocalizedError {
  const l = amount(limit);
  return fail(
    file,
    `bị hỏng: trang "${sheet}" có hơn ${l.vi} dòng, nhiều hơn một trang Excel có thể chứa.`,
    `is damaged: the sheet "${sheet}" has more than ${l.en} rows, more than an Excel sheet can hold.`,
  );
}

export function columnOutOfRange(file: FileLabel, sheet: string, ref: string): LocalizedError {
  return fail(
    file,
    `bị hỏng: trang "${sheet}" có ô "${ref}" nằm ngoài cột cuối cùng của Excel (XFD).`,
    `is damaged: the sheet "${sheet}" has a cell "${ref}" beyond Excel's last column (XFD).`,
  );
}

export function badCellReference(file: FileLabel, sheet: string, ref: string): LocalizedError {
  return fail(
    file,
    `bị hỏng: trang "${sheet}" có ô với địa chỉ không hợp lệ "${ref}".`,
    `is damaged: the sheet "${sheet}" has a cell with an invalid address "${ref}".`,
  );
}

export function missingSharedString(
  file: FileLabel,
  sheet: string,
  ref: string,
  index: number,
): LocalizedError {
  return fail(
    file,
    `bị hỏng: ô ${ref} của trang "${sheet}" trỏ tới chuỗi dùng chung số ${index}, chuỗi này không có trong tệp.`,
    `is damaged: cell ${ref} of the sheet "${sheet}" points to shared string ${index}, which the file does not hold.`,
  );
}

/** Excel's limit for the text of one cell. */
export const EXCEL_MAX_TEXT = 32_767;

export function textTooLong(file: FileLabel, sheet: string, ref: string, length: number): LocalizedError {
  const [n, l] = [amount(length), amount(EXCEL_MAX_TEXT)];
  return fail(
    file,
    `không được ghi: ô ${ref} của trang "${sheet}" sẽ chứa ${n.vi} ký tự, quá giới hạn ${l.vi} ký tự của một ô Excel.`,
    `was not written: cell ${ref} of the sheet "${sheet}" would hold ${n.en} characters, over Excel's limit of ${l.en} for one cell.`,
  );
}

export function sheetNotFound(file: FileLabel, sheet: string): LocalizedError {
  return fail(file, `không có trang "${sheet}".`, `has no sheet "${sheet}".`);
}

export function invalidSheetName(file: FileLabel, sheet: string): LocalizedError {
  return fail(
    file,
    `không thêm được trang "${sheet}": tên trang phải dài 1–31 ký tự, không chứa \\ / ? * [ ] : và không bắt đầu hay kết thúc bằng dấu '.`,
    `cannot take a sheet named "${sheet}": a sheet name has 1–31 characters, none of \\ / ? * [ ] :, and does not start or end with '.`,
  );
}

export function duplicateSheetName(file: FileLabel, sheet: string): LocalizedError {
  return fail(file, `đã có trang tên "${sheet}".`, `already has a sheet named "${sheet}".`);
}
