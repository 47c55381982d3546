/**
 * Sharing the master: one workbook per lead agency, and merging the copies agencies send back.
 * Both work on files (in Excel, on a copy of the open workbook's bytes).
 */
import { columnHeader, columnOf, type TaskColumnId } from '../model/columns';
import type { Lang } from '../model/lang';
import { LocalizedError, type Msg } from '../model/msg';
import type { RawCell } from '../model/table';
import type { CellChange } from '../tracking/merge';
import { displayCell } from '../workbook/cells';
import { historySheetName } from '../workbook/sheets/history';
import { mergeWorkbooks, type MergeWorkbooksResult } from '../xlsx/merge';
import type { ZipCodec } from '../xlsx/ooxml/codec';
import { splitWorkbook, type SplitWorkbookResult } from '../xlsx/split';
import { readingFile, type NamedFile } from './files';

export type { CellChange, MergeConflict, MergePlan, MergeRefusal, MergeSkip } from '../tracking/merge';
export type { MergeWorkbooksResult } from '../xlsx/merge';
export type { SplitFile, SplitWorkbookResult } from '../xlsx/split';
/** A file name safe on Windows that keeps the Vietnamese letters. */
export { safeFileBase } from '../tracking/split-names';
/** A cell's value as a person reads it (dates dd/mm/yyyy), for showing changes and conflicts. */
export { displayCell } from '../workbook/cells';

/** A merge column's header as the user sees it (an unknown id stays as it is). */
export function mergeColumnHeader(column: string, lang: Lang): string {
  return columnOf(column) ? columnHeader(column as TaskColumnId, lang) : column;
}

/** A value in a change or conflict line: ∅ for an empty cell, so "emptied" reads as such. */
export function shownValue(column: string, v: RawCell): string {
  return displayCell(column, v) || '∅';
}

/**
 * One change as the CLI prints it and the pane lists it: `IV.1.1 · Trạng thái: ∅ → Đã hoàn thành
 * (Sở Nội vụ.xlsx)`.
 */
export function changeLine(c: CellChange, lang: Lang): string {
  const col = c.column;
  return `${c.taskId} · ${mergeColumnHeader(col, lang)}: ${shownValue(col, c.old)} → ${shownValue(col, c.new)} (${c.file})`;
}

export interface MergeOutcome extends MergeWorkbooksResult {
  /** The sheet the merge logged its changes on. */
  historySheet: string;
}

export function splitFile(
  master: NamedFile,
  opts: { now?: Date; plan?: string } = {},
): Promise<SplitWorkbookResult> {
  return readingFile(master.name, () => splitWorkbook(master.bytes, { ...opts, fileName: master.name }));
}

export interface MergeRequest {
  prefer?: 'return' | 'master' | null;
  /** Write values the checks call errors (marked in the history) instead of listing them. */
  acceptInvalid?: boolean;
  /** Take returns whose lineage cannot be proven, by task id (after a dry-run review). */
  adopt?: boolean;
  dryRun?: boolean;
  now?: Date;
  /** Node's zlib for the packages (the CLI); fflate by default. */
  codec?: ZipCodec;
}

/**
 * Plans the merge of the returns into the master and, when every return is accepted and every
 * conflict decided, the merged master's bytes. A return that cannot be read is refused in the
 * plan, like a foreign one; only the master itself failing is an error.
 */
export const NO_RETURNS: Msg = {
  vi: 'Cần ít nhất một tệp trả về để gộp.',
  en: 'At least one returned workbook is needed to merge.',
};

export function mergeFiles(
  master: NamedFile,
  returns: readonly NamedFile[],
  req: MergeRequest = {},
): Promise<MergeOutcome> {
  if (returns.length === 0) throw new LocalizedError(NO_RETURNS);
  return readingFile(master.name, async () => {
    const result = await mergeWorkbooks(
      { file: master.name, bytes: master.bytes },
      returns.map((r) => ({ file: r.name, bytes: r.bytes })),
      req,
    );
    return { ...result, historySheet: historySheetName(result.lang) };
  });
}
