/**
 * Structure changes since the workbook was built. Reported, never repaired: only a person
 * knows whether an edited id was a typo or a deliberate new task.
 *
 * An id not in the build's task list is called an edit of a missing id when it sits where
 * that id was: right after the task that preceded it at build time, or right before the one
 * that followed it. Otherwise it is reported as an unknown id, and the missing one as deleted.
 */
import {
  columnHeader,
  REQUIRED_COLUMN_IDS,
  TASK_COLUMN_IDS,
  type TaskColumnId,
} from '../../../model/columns';
import { editDistance, foldVietnamese } from '../../text-match';
import { shown, wordSuggestion } from '../format';
import { rule } from '../rule';
import type { RowContext, TableRule } from '../types';

export const COLUMN_MISSING = rule(
  'structure.column_missing',
  'error',
  'Thiếu cột bắt buộc',
  'Required column missing',
);
export const COLUMN_RENAMED = rule(
  'structure.column_renamed',
  'error',
  'Cột bắt buộc bị đổi tên',
  'Required column renamed',
);
export const ID_CHANGED = rule('structure.id_changed', 'error', 'Mã nhiệm vụ bị sửa', 'Task id edited');
export const ID_DUPLICATE = rule(
  'structure.id_duplicate',
  'error',
  'Mã nhiệm vụ bị trùng',
  'Task id duplicated',
);
export const ID_DELETED = rule(
  'structure.id_deleted',
  'error',
  'Nhiệm vụ bị xoá khỏi bảng',
  'Task deleted from the table',
);
export const ID_UNKNOWN = rule(
  'structure.id_unknown',
  'warning',
  'Mã nhiệm vụ không có khi tạo sổ',
  'Task id not in the workbook as built',
);
export const ROW_WITHOUT_ID = rule(
  'structure.row_without_id',
  'warning',
  'Dòng có nội dung nhưng không có mã nhiệm vụ',
  'Row with content but no task id',
);
export const META_MISSING = rule(
  'structure.meta_missing',
  'warning',
  'Không có thông tin gốc của sổ (trang _PlanTracker)',
  'The workbook’s build record (sheet _PlanTracker) is missing',
);

/** Columns the checks, the state formula and the summaries read. */
export const REQUIRED_COLUMNS: readonly TaskColumnId[] = REQUIRED_COLUMN_IDS;

/** A header still recognisable as the column's: a close spelling, or containing the name. */
function looksLike(header: string, id: TaskColumnId): boolean {
  const h = foldVietnamese(header)
    .replace(/[^a-z0-9 ]/g, '')
    .trim();
  if (!h) return false;
  return (['vi', 'en'] as const).some((lang) => {
    const name = foldVietnamese(columnHeader(id, lang))
      .replace(/[^a-z0-9 ]/g, '')
      .trim();
    const max = Math.max(2, Math.floor(name.length * 0.25));
    return h.includes(name) || (h.length >= 4 && name.includes(h)) || editDistance(h, name, max) <= max;
  });
}

export const structureRule: TableRule = {
  rules: [
    COLUMN_MISSING,
    COLUMN_RENAMED,
    ID_CHANGED,
    ID_DUPLICATE,
    ID_DELETED,
    ID_UNKNOWN,
    ROW_WITHOUT_ID,
    META_MISSING,
  ],
  check(ctx, emit) {
    const { map, snapshot, meta } = ctx;
    const headers = snapshot.headers;

    // Columns.
    const unpaired = new Map(map.unknown.map((u) => [u.index, u.header]));
    for (const id of REQUIRED_COLUMNS) {
      if (!map.missing.includes(id)) continue;
      const expected = columnHeader(id, ctx.lang);
      const samePlace = TASK_COLUMN_IDS.indexOf(id);
      let renamedAt: number | null = null;
      for (const [i, h] of unpaired) {
        if (looksLike(h, id)) renamedAt = i;
        if (renamedAt !== null) break;
      }
      // A table whose columns are all still in place: the unknown header where this one was.
      if (renamedAt === null && headers.length === TASK_COLUMN_IDS.length && unpaired.has(samePlace)) {
        renamedAt = samePlace;
      }
      if (renamedAt !== null) {
        const was = unpaired.get(renamedAt) ?? '';
        unpaired.delete(renamedAt);
        emit(
          COLUMN_RENAMED,
          { rowIndex: null, column: id, headerIndex: renamedAt, taskId: null, agency: null },
          {
            vi: `Cột “${expected}” đã bị đổi tên thành ${shown(was)}: các công thức, kiểm tra và tổng hợp không tìm thấy cột này.`,
            en: `Column “${columnHeader(id, 'en')}” was renamed to ${shown(was)}: formulas, checks and summaries cannot find it.`,
          },
          wordSuggestion(expected),
        );
      } else {
        emit(
          COLUMN_MISSING,
          { rowIndex: null, column: id, headerIndex: 0, taskId: null, agency: null },
          {
            vi: `Thiếu cột bắt buộc “${expected}” trong bảng: khôi phục cột (không xoá cột của sổ).`,
            en: `Required column “${columnHeader(id, 'en')}” is missing from the table: restore it (do not delete the workbook’s columns).`,
          },
        );
      }
    }

    if (map.index.taskId === undefined) return;

    // Ids. Known ids are tracked through the build list's index (one array slot per task);
    // only ids the build did not have need a map of their own.
    const built = meta ? meta.tasks.map((t) => t.id) : [];
    const builtIndex = new Map<string, number>();
    built.forEach((id, i) => builtIndex.set(id, i));
    // The row each built task sits in now (undefined: gone from the table).
    const rowOfBuilt: (RowContext | undefined)[] = new Array(built.length);
    const others = new Map<string, RowContext>();
    const firsts: RowContext[] = [];
    const buildIndexOf: (number | undefined)[] = [];
    for (const row of ctx.rows) {
      const id = row.taskId;
      if (id === null) {
        emit(
          ROW_WITHOUT_ID,
          { rowIndex: row.index, column: 'taskId' },
          {
            vi: 'Dòng có nội dung nhưng không có mã nhiệm vụ: dòng thêm tay sẽ không được đối chiếu khi gộp sổ.',
            en: 'Row has content but no task id: rows added by hand are not matched when returns are merged.',
          },
        );
        continue;
      }
      const b = builtIndex.get(id);
      const first = b === undefined ? others.get(id) : rowOfBuilt[b];
      if (first) {
        emit(
          ID_DUPLICATE,
          { rowIndex: row.index, column: 'taskId' },
          {
            vi: `Mã nhiệm vụ “${id}” trùng với dòng ${first.row}.`,
            en: `Task id “${id}” duplicates row ${first.row}.`,
          },
        );
        continue;
      }
      if (b === undefined) others.set(id, row);
      else rowOfBuilt[b] = row;
      firsts.push(row);
      buildIndexOf.push(b);
    }

    if (!meta) {
      emit(
        META_MISSING,
        { rowIndex: null, column: null, headerIndex: 0, taskId: null, agency: null },
        {
          vi: 'Không tìm thấy thông tin gốc của sổ (trang ẩn _PlanTracker): không kiểm tra được mã nhiệm vụ bị sửa hay bị xoá.',
          en: 'The workbook’s build record (hidden sheet _PlanTracker) was not found: edited or deleted task ids cannot be checked.',
        },
      );
      return;
    }

    const isMissing = (b: number) => b >= 0 && b < built.length && rowOfBuilt[b] === undefined;
    const paired = new Set<number>();
    // The build index of the next row (in sheet order) whose id is known.
    const nextKnown: (number | null)[] = new Array(firsts.length);
    for (let i = firsts.length - 1, next: number | null = null; i >= 0; i--) {
      nextKnown[i] = next;
      const b = buildIndexOf[i];
      if (b !== undefined) next = b;
    }
    let prevKnown = -1;
    firsts.forEach((row, i) => {
      const b = buildIndexOf[i];
      if (b !== undefined) {
        prevKnown = b;
        return;
      }
      const id = row.taskId as string;
      const nk = nextKnown[i];
      const was = [prevKnown + 1, nk === null ? -1 : nk - 1].find((c) => isMissing(c) && !paired.has(c));
      if (was !== undefined) {
        paired.add(was);
        const wasId = built[was];
        emit(
          ID_CHANGED,
          { rowIndex: row.index, column: 'taskId' },
          {
            vi: `Mã nhiệm vụ “${id}” đã bị sửa (khi tạo sổ là “${wasId}”): gộp và tổng hợp sẽ coi là nhiệm vụ khác.`,
            en: `Task id “${id}” was edited (it was “${wasId}” when the workbook was built): merges and summaries will treat it as another task.`,
          },
          { value: wasId, label: { vi: `Trả lại mã “${wasId}”`, en: `Restore the id “${wasId}”` } },
        );
      } else {
        emit(
          ID_UNKNOWN,
          { rowIndex: row.index, column: 'taskId' },
          {
            vi: `Mã nhiệm vụ “${id}” không có trong danh sách khi tạo sổ (dòng thêm mới?).`,
            en: `Task id “${id}” was not in the task list when the workbook was built (an added row?).`,
          },
        );
      }
    });

    // A deleted task is reported at the row of the task that preceded it at build time.
    let anchor: RowContext | undefined;
    built.forEach((id, i) => {
      const present = rowOfBuilt[i];
      if (present) {
        anchor = present;
        return;
      }
      if (paired.has(i)) return;
      const where = anchor
        ? {
            vi: `sau dòng ${anchor.row} (${anchor.taskId})`,
            en: `after row ${anchor.row} (${anchor.taskId})`,
          }
        : { vi: 'ở đầu bảng', en: 'at the top of the table' };
      emit(
        ID_DELETED,
        anchor
          ? { rowIndex: anchor.index, column: 'taskId', taskId: id, agency: null }
          : { rowIndex: null, column: 'taskId', headerIndex: map.index.taskId, taskId: id, agency: null },
        {
          vi: `Nhiệm vụ “${id}” đã bị xoá khỏi bảng (vốn nằm ${where.vi}).`,
          en: `Task “${id}” was deleted from the table (it sat ${where.en}).`,
        },
      );
    });
  },
};
