/** A tracking workbook read from a file; what goes wrong is said about the file. */
import type { TrackingWorkbook } from '../model/workbook-meta';
import { readTrackingWorkbook } from '../xlsx/read';
import { readingFile, type NamedFile } from './files';

export function readTrackingFile(file: NamedFile): Promise<TrackingWorkbook> {
  return readingFile(file.name, () => readTrackingWorkbook(file.bytes, { fileName: file.name }));
}
