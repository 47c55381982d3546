/**
 * Errors from Excel (OfficeExtension.Error / "RichApi.Error") as messages staff can act on,
 * Vietnamese first. Codes are not localised (message text is), so codes decide; message text is
 * only a fallback for hosts that report a generic code.
 */

import { isLocalizedError, type Msg } from '../model/msg';

export type ExcelErrorKind =
  | 'payload'
  | 'protected'
  | 'editMode'
  | 'notFound'
  | 'exists'
  | 'unsupported'
  | 'aborted'
  | 'invalid'
  | 'general';

/** What went wrong, as a message (vi, en) with the error's kind and code. */
export interface ExcelErrorMessage extends Msg {
  kind: ExcelErrorKind;
  code: string | null;
  /** The original message, for a details section or the log. */
  detail: string;
}

const MESSAGES: Record<ExcelErrorKind, Msg> = {
  payload: {
    vi: 'Dữ liệu gửi sang Excel quá lớn cho một lần (Excel trên web giới hạn 5 MB mỗi yêu cầu). Hãy thử lại; nếu vẫn lỗi, dùng tệp .xlsx tải xuống.',
    en: 'Too much data for one request to Excel (Excel on the web allows 5 MB per request). Try again; if it still fails, use the downloadable .xlsx file.',
  },
  protected: {
    vi: 'Trang tính hoặc sổ làm việc đang được bảo vệ nên không ghi được. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại.',
    en: 'The sheet or workbook is protected, so nothing could be written. Unprotect it (Review › Unprotect Sheet) and try again.',
  },
  editMode: {
    vi: 'Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.',
    en: 'Excel is in cell-edit mode. Press Enter or Esc to leave the cell, then try again.',
  },
  notFound: {
    vi: 'Không tìm thấy trang tính, bảng hoặc tên cần dùng (có thể đã bị đổi tên hoặc xóa).',
    en: 'A sheet, table or name that was needed was not found (it may have been renamed or deleted).',
  },
  exists: {
    vi: 'Đã có trang tính, bảng hoặc tên trùng. Không có gì bị ghi đè.',
    en: 'A sheet, table or name with that name already exists. Nothing was overwritten.',
  },
  unsupported: {
    vi: 'Phiên bản Excel này chưa hỗ trợ thao tác này. Hãy cập nhật Office hoặc dùng tệp .xlsx.',
    en: 'This Excel version does not support this operation. Update Office or use the .xlsx file.',
  },
  aborted: {
    vi: 'Thao tác đã bị hủy.',
    en: 'The operation was cancelled.',
  },
  invalid: {
    vi: 'Excel từ chối dữ liệu hoặc vùng ô không hợp lệ.',
    en: 'Excel rejected invalid data or an invalid range.',
  },
  general: {
    vi: 'Excel báo lỗi khi thực hiện thao tác.',
    en: 'Excel reported an error while doing this.',
  },
};

const BY_CODE: Record<string, ExcelErrorKind> = {
  RequestPayloadSizeLimitExceeded: 'payload',
  ResponsePayloadSizeLimitExceeded: 'payload',
  PayloadTooLarge: 'payload',
  AccessDenied: 'protected',
  InvalidOperationInCellEditMode: 'editMode',
  ItemNotFound: 'notFound',
  ItemAlreadyExists: 'exists',
  ApiNotFound: 'unsupported',
  NotImplemented: 'unsupported',
  UnsupportedOperation: 'unsupported',
  UnsupportedFeature: 'unsupported',
  RequestAborted: 'aborted',
  InvalidArgument: 'invalid',
  InvalidReference: 'invalid',
};

function fields(err: unknown): { code: string | null; message: string; name: string } {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown; name?: unknown };
    return {
      code: typeof e.code === 'string' ? e.code : null,
      message: typeof e.message === 'string' ? e.message : String(err),
      name: typeof e.name === 'string' ? e.name : '',
    };
  }
  return { code: null, message: String(err), name: '' };
}

export function describeExcelError(err: unknown): ExcelErrorMessage {
  const { code, message, name } = fields(err);
  let kind: ExcelErrorKind | undefined = code ? BY_CODE[code] : undefined;
  if (!kind) {
    if (name === 'AbortError') kind = 'aborted';
    else if (name === 'UnsupportedHostError') kind = 'unsupported';
    else if (/payload size|request.*too large|exceeded the limit/i.test(message)) kind = 'payload';
    else if (/protect/i.test(message)) kind = 'protected';
    else if (/cell-?edit(ing)? mode|edit mode/i.test(message)) kind = 'editMode';
    else kind = 'general';
  }
  const base = MESSAGES[kind];
  // Our own errors already say what to do, in both languages: keep their words.
  if (isLocalizedError(err) && (kind === 'general' || kind === 'unsupported')) {
    return { kind, code, vi: err.msg.vi, en: err.msg.en, detail: message };
  }
  const suffix = kind === 'general' || kind === 'invalid' ? ` (${code ?? 'Error'}: ${message})` : '';
  return { kind, code, vi: base.vi + suffix, en: base.en + suffix, detail: message };
}
