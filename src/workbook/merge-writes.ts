/**
 * What a planned merge writes into the master, whoever writes it (the .xlsx editor or office-js):
 * each changed cell with its value as the master holds it, and the history row that logs it.
 * One place, so the file and the open workbook log a merge alike.
 */
import { mapColumns } from '../model/columns';
import type { Lang } from '../model/lang';
import type { Msg } from '../model/msg';
import { cellAddress, type TableSnapshot } from '../model/table';
import type { MergePlan } from '../tracking/merge';
import { cellValueOf, rawOf } from './cells';
import { sheetRef } from './formulas';
import type { HistoryRow } from './sheets/history';
import type { CellValue } from './types';

export interface MergeWrite {
  /** The cell's sheet row (1-based) and column (0-based), as the .xlsx editor takes them. */
  row: number;
  col: number;
  /** Its A1 address, e.g. "J12". */
  address: string;
  value: CellValue;
}

const CONFLICT_NOTE: Msg = {
  vi: 'Xung đột, chọn giá trị trong tệp trả về (--prefer return)',
  en: 'Conflict, settled for the return (--prefer return)',
};

function invalidNote(finding: Msg): Msg {
  return {
    vi: `Giá trị không hợp lệ, vẫn gộp theo --accept-invalid: ${finding.vi}`,
    en: `Invalid value, merged by --accept-invalid: ${finding.en}`,
  };
}

/** The cells a merge plan changes in the master's task table, and their history rows. */
export function mergeWrites(
  plan: Pick<MergePlan, 'changes'>,
  master: TableSnapshot,
  at: string,
  lang: Lang,
): { cells: MergeWrite[]; history: HistoryRow[] } {
  const map = mapColumns(master.headers);
  const cells: MergeWrite[] = [];
  const history: HistoryRow[] = [];
  for (const c of plan.changes) {
    const j = map.index[c.column];
    if (j === undefined) continue;
    const value = cellValueOf(c.column, c.new, { normalizeTo: lang });
    const address = cellAddress(master, c.masterRow, j);
    cells.push({ row: master.headerRow + 1 + c.masterRow, col: master.firstCol + j, address, value });
    history.push({
      at,
      file: c.file,
      taskId: c.taskId,
      column: c.column,
      cell: `${sheetRef(master.sheet)}!${address}`,
      old: c.old,
      new: rawOf(value),
      note: c.fromConflict ? CONFLICT_NOTE : c.invalid ? invalidNote(c.invalid) : null,
    });
  }
  return { cells, history };
}
