/**
 * Files as the use cases see them: a name to show in messages and the bytes. Where they come
 * from is the caller's business (the disk for the command line, files picked in the page, the
 * open workbook's own bytes inside Excel).
 */
import { LocalizedError, type Msg } from '../model/msg';

export interface NamedFile {
  /** As the user named it: shown in every message about the file. */
  name: string;
  bytes: Uint8Array;
}

/** The files a use case reads, by the names the user gave; a LocalizedError when one cannot be read. */
export interface FileReader {
  read(name: string): Promise<NamedFile>;
}

/** The same error, said about the file it concerns. */
export function aboutFile(name: string, m: Msg): Msg {
  return { vi: `"${name}": ${m.vi}`, en: `"${name}": ${m.en}` };
}

/** Runs `read` on a file; a LocalizedError it throws is said about the file. */
export async function readingFile<T>(name: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    // A message that already names the file (the package reader's) is passed on as it is.
    if (e instanceof LocalizedError && e.msg.vi.includes(`"${name}"`)) throw e;
    if (e instanceof LocalizedError)
      throw new LocalizedError(aboutFile(name, e.msg), e.exitCode, { cause: e });
    throw e;
  }
}
