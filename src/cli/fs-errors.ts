/**
 * What a failed file operation means to the person who typed the path, in words instead of an
 * errno code. Every failure is bad input or an unwritable place: exit code 2, nothing changed.
 */
import { LocalizedError, type Msg } from '../model/msg';

const READ: Record<string, Msg> = {
  ENOENT: { vi: 'không tìm thấy tệp', en: 'file not found' },
  EISDIR: { vi: 'đây là một thư mục, không phải tệp', en: 'this is a folder, not a file' },
  EACCES: { vi: 'không có quyền đọc tệp', en: 'no permission to read the file' },
  EPERM: { vi: 'không có quyền đọc tệp', en: 'no permission to read the file' },
};

const WRITE: Record<string, Msg> = {
  ENOENT: { vi: 'thư mục chứa tệp không tồn tại', en: 'the folder for the file does not exist' },
  ENOTDIR: { vi: 'một phần của đường dẫn không phải thư mục', en: 'part of the path is not a folder' },
  EISDIR: { vi: 'đã có một thư mục cùng tên', en: 'a folder with that name is in the way' },
  EACCES: { vi: 'không có quyền ghi vào đây', en: 'no permission to write there' },
  EPERM: { vi: 'không có quyền ghi vào đây', en: 'no permission to write there' },
  EROFS: { vi: 'ổ đĩa chỉ cho đọc', en: 'the drive is read-only' },
  ENOSPC: { vi: 'ổ đĩa đã đầy', en: 'the drive is full' },
  EBUSY: { vi: 'tệp đang được chương trình khác mở', en: 'another program has the file open' },
};

function codeOf(e: unknown): string {
  return (e as NodeJS.ErrnoException | null)?.code ?? '';
}

export function readFailure(path: string, e: unknown): LocalizedError {
  const why = READ[codeOf(e)] ?? { vi: 'không đọc được tệp', en: 'the file cannot be read' };
  return new LocalizedError(
    { vi: `Không đọc được ${path}: ${why.vi}.`, en: `Cannot read ${path}: ${why.en}.` },
    undefined,
    { cause: e },
  );
}

export function writeFailure(path: string, e: unknown): LocalizedError {
  const why = WRITE[codeOf(e)] ?? { vi: 'lỗi khi ghi tệp', en: 'the write failed' };
  return new LocalizedError(
    { vi: `Không ghi được ${path}: ${why.vi}.`, en: `Cannot write ${path}: ${why.en}.` },
    undefined,
    { cause: e },
  );
}

const MKDIR: Record<string, Msg> = {
  ENOENT: { vi: 'không thể tạo thư mục ở chỗ này', en: 'no folder can be made in that place' },
  ENOTDIR: {
    vi: 'một phần của đường dẫn là tệp, không phải thư mục',
    en: 'part of the path is a file, not a folder',
  },
  EACCES: { vi: 'không có quyền tạo thư mục ở đây', en: 'no permission to make a folder there' },
  EPERM: { vi: 'không có quyền tạo thư mục ở đây', en: 'no permission to make a folder there' },
  EROFS: { vi: 'ổ đĩa chỉ cho đọc', en: 'the drive is read-only' },
  ENOSPC: { vi: 'ổ đĩa đã đầy', en: 'the drive is full' },
};

export function mkdirFailure(dir: string, e: unknown): LocalizedError {
  const why = MKDIR[codeOf(e)] ?? { vi: 'lỗi khi tạo thư mục', en: 'making the folder failed' };
  return new LocalizedError(
    { vi: `Không tạo được thư mục ${dir}: ${why.vi}.`, en: `Cannot make the folder ${dir}: ${why.en}.` },
    undefined,
    { cause: e },
  );
}
