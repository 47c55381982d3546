/**
 * One workbook per lead agency, cut from the master: the same layout (it is built by the same
 * buildWorkbookSpec, so columns, validation, formulas and guide match), only that agency's tasks,
 * the entries already made, and the meta that ties it to the master (workbook id, fingerprint,
 * task hashes, and the base values a later merge compares against).
 */
import { agencyKey } from '../plan/agency';
import type { Deadline, Plan, Task } from '../plan/types';
import { buildWorkbookSpec } from '../workbook/build';
import { serialToIso } from '../workbook/dates';
import type { TaskColumnId } from '../workbook/labels';
import { serializeMeta } from '../workbook/meta';
import { cellOf, mapColumns } from '../workbook/snapshot';
import type { CellValue, Lang, RawCell, TableSnapshot, WorkbookMeta, WorkbookSpec } from '../workbook/types';
import { SCHEMA_VERSION } from '../workbook/version';
import { readEntries, TaskEntry } from './entries';
import { baseEntriesOf, MERGE_COLUMNS_UNDATED } from './merge';
import { serializeBaseEntries } from './merge-meta';
import { safeFileNames } from './split-names';

export interface SplitInput {
  snapshot: TableSnapshot;
  meta: WorkbookMeta;
  /** The master's report date, carried into each copy. */
  reportDate: string;
  lang: Lang;
  now?: Date;
}

export interface AgencyCopy {
  agencyKey: string;
  /** The lead agency as first written in the master. */
  agencyName: string;
  /** Safe on Windows, readable Vietnamese: "Ban Tổ chức Tỉnh ủy.xlsx". */
  fileName: string;
  taskIds: string[];
  spec: WorkbookSpec;
}

export interface SplitResult {
  copies: AgencyCopy[];
  /** Tasks with no lead agency: no one to send them to. */
  unassigned: string[];
  /** Rows whose id is not in the master's task list (added by hand): a merge could not place them. */
  notInPlan: string[];
}

export class SplitError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(`${message} / ${messageEn}`);
  }
}

const DATE_COLUMNS = new Set<string>(['due', 'completedOn', 'updatedOn']);

/** A raw cell from the master as the CellValue the copy's writer draws. */
function cellValue(column: string, raw: RawCell): CellValue {
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'number') {
    if (DATE_COLUMNS.has(column) && raw >= 1) return { t: 'date', v: serialToIso(raw) };
    return { t: 'number', v: raw };
  }
  if (typeof raw === 'boolean') return { t: 'bool', v: raw };
  return { t: 'text', v: raw };
}

function deadlinesOf(e: TaskEntry): Deadline[] {
  if (!e.category || e.category === 'none') return [];
  return [{ category: e.category, raw: '', due: e.category === 'due' ? e.due : null }];
}

/** The plan's part of the given rows, as buildWorkbookSpec expects it (agency keys = names). */
function planOf(meta: WorkbookMeta, entries: TaskEntry[]): Plan {
  const names = new Set<string>();
  const tasks: Task[] = entries.map((e) => {
    const partners = e.partners
      .split(';')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (e.lead) names.add(e.lead);
    for (const p of partners) names.add(p);
    return {
      id: e.taskId,
      // No sections in the plan: the builder then shows the section cell as given.
      section: e.section,
      number: e.taskId,
      group: e.group || null,
      lead: e.lead || null,
      partners,
      text: e.text,
      deadlines: deadlinesOf(e),
      references: [],
      line: 0,
    };
  });
  return {
    title: meta.planTitle,
    number: meta.planNumber,
    issuedOn: meta.planIssuedOn,
    issuer: null,
    place: null,
    signer: null,
    sections: [],
    agencies: [...names].map((n) => ({ key: n, name: n })),
    tasks,
    warnings: [],
  };
}

export function splitMaster(input: SplitInput): SplitResult {
  const { snapshot, meta } = input;
  if (meta.agencyKey)
    throw new SplitError(
      'Tệp này đã là sổ tách cho một cơ quan, không phải sổ tổng.',
      'This file is already a per-agency copy, not the master.',
    );
  if (meta.schemaVersion !== SCHEMA_VERSION)
    throw new SplitError(
      `Sổ tổng dùng phiên bản mẫu ${meta.schemaVersion}, công cụ dùng ${SCHEMA_VERSION}: hãy tạo lại sổ tổng trước khi tách.`,
      `The master uses layout ${meta.schemaVersion}, this tool ${SCHEMA_VERSION}: rebuild the master before splitting.`,
    );
  const map = mapColumns(snapshot.headers);
  if (map.missing.length > 0)
    throw new SplitError(
      `Sổ tổng thiếu cột: ${map.missing.join(', ')}.`,
      `The master is missing columns: ${map.missing.join(', ')}.`,
    );
  const { entries } = readEntries(snapshot, map);
  const hashes = new Map(meta.tasks.map((t) => [t.id, t.hash]));

  const groups = new Map<string, { name: string; entries: TaskEntry[] }>();
  const unassigned: string[] = [];
  const notInPlan: string[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (!hashes.has(e.taskId) || seen.has(e.taskId)) {
      notInPlan.push(e.taskId);
      continue;
    }
    seen.add(e.taskId);
    if (!e.lead) {
      unassigned.push(e.taskId);
      continue;
    }
    const key = agencyKey(e.lead);
    const g = groups.get(key) ?? { name: e.lead, entries: [] };
    g.entries.push(e);
    groups.set(key, g);
  }

  const list = [...groups.entries()];
  const fileNames = safeFileNames(list.map(([, g]) => g.name));
  const copies = list.map(([key, g], i): AgencyCopy => {
    const spec = buildWorkbookSpec(planOf(meta, g.entries), {
      lang: input.lang,
      reportDate: input.reportDate,
      now: input.now,
      workbookId: meta.workbookId,
      // Entries made in the master travel with the task, exactly as entered (and the copy's
      // formulas carry the results they give).
      cells: (r) =>
        Object.fromEntries(
          MERGE_COLUMNS_UNDATED.map((column) => [
            column,
            cellValue(column, cellOf(snapshot, map, g.entries[r].rowIndex, column as TaskColumnId)),
          ]),
        ),
    });
    const taskIds = g.entries.map((e) => e.taskId);
    const copyMeta: WorkbookMeta = {
      ...spec.meta,
      planTitle: meta.planTitle,
      planNumber: meta.planNumber,
      planIssuedOn: meta.planIssuedOn,
      sourceFingerprint: meta.sourceFingerprint,
      workbookId: meta.workbookId,
      agencyKey: key,
      // The master's hashes, so merge compares like with like whatever the copy's builder computed.
      tasks: taskIds.map((id) => ({ id, hash: hashes.get(id) ?? '' })),
      baseEntries: baseEntriesOf(snapshot, new Set(taskIds)),
    };
    const metaSheet = spec.sheets.find((s) => s.key === 'meta');
    if (metaSheet) {
      const rows = [...serializeMeta(copyMeta), ...serializeBaseEntries(copyMeta.baseEntries ?? {})];
      metaSheet.cells = rows.flatMap((row, r) =>
        row.map((v, c) => ({ row: r, col: c, value: { t: 'text' as const, v }, style: { numFmt: '@' } })),
      );
    }
    return {
      agencyKey: key,
      agencyName: g.name,
      fileName: fileNames[i],
      taskIds,
      spec: { ...spec, meta: copyMeta },
    };
  });
  return { copies, unassigned, notInPlan };
}
