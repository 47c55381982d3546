/**
 * Text longer than an Excel cell holds (32,767 characters): Excel cuts it when the file is
 * opened, and a merge refuses to bring it in. Only string cells are looked at; one finding per cell.
 */
import { columnHeader, mapColumns, TASK_COLUMN_IDS, type TaskColumnId } from '../../../model/columns';
import { EXCEL_MAX_CELL_TEXT } from '../../../model/table';
import { rule } from '../rule';
import type { TableRule } from '../types';

export const TEXT_TOO_LONG = rule(
  'text.too_long',
  'error',
  'Văn bản dài quá giới hạn một ô Excel (32.767 ký tự)',
  'Text over the Excel cell limit (32,767 characters)',
);

export const textLengthRule: TableRule = {
  rules: [TEXT_TOO_LONG],
  check(ctx, emit) {
    const { snapshot } = ctx;
    const map = ctx.map ?? mapColumns(snapshot.headers);
    const idAt = new Map<number, TaskColumnId>();
    for (const id of TASK_COLUMN_IDS) if (map.index[id] !== undefined) idAt.set(map.index[id] as number, id);
    // Plain loops: a closure per row of every table checked, for a rule that nearly never fires.
    const rows = snapshot.rows;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row === undefined) continue;
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (typeof v !== 'string' || v.length <= EXCEL_MAX_CELL_TEXT) continue;
        const column = idAt.get(j) ?? null;
        const name = column ? columnHeader(column, ctx.lang) : snapshot.headers[j];
        emit(
          TEXT_TOO_LONG,
          { rowIndex: i, column, headerIndex: j },
          {
            vi: `Ô "${name}" dài ${v.length.toLocaleString('vi-VN')} ký tự, quá giới hạn ${EXCEL_MAX_CELL_TEXT.toLocaleString('vi-VN')} ký tự của một ô Excel: Excel sẽ cắt bớt. Hãy rút gọn hoặc chuyển phần dài sang tệp đính kèm.`,
            en: `The "${name}" cell holds ${v.length.toLocaleString('en-US')} characters, over Excel's ${EXCEL_MAX_CELL_TEXT.toLocaleString('en-US')}-character cell limit: Excel will cut it. Shorten it or move the long part to an attachment.`,
          },
        );
      }
    }
  },
};
