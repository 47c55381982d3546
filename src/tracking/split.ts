/**
 * One workbook per lead agency, cut from the master: that agency's rows with every cell as the
 * master holds it, and the meta that ties the copy to the master (workbook id, fingerprint, the
 * master's task hashes, and the base values a later merge compares against). The copy's
 * description is drawn by src/workbook, the same way as the master's.
 */
import { agencyGrouping } from './agency-aliases';
import { cellOf, COLUMNS, columnHeader, mapColumns } from '../model/columns';
import type { Lang } from '../model/lang';
import { LocalizedError } from '../model/msg';
import type { TableSnapshot } from '../model/table';
import { GENERATOR, GENERATOR_VERSION, SCHEMA_VERSION } from '../model/version';
import type { WorkbookMeta } from '../model/workbook-meta';
import type { TaskEntry } from '../model/entries';
import { readEntries } from './entries';
import { baseEntriesOf } from './merge';
import type { RowCells } from './plan-rows';
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
  /** The copy's rows, every column as the master holds it. */
  rows: RowCells[];
  /** Agencies the rows name (lead and partners), for the copy's lists. */
  agencies: string[];
  meta: WorkbookMeta;
}

export interface SplitResult {
  copies: AgencyCopy[];
  /** Tasks with no lead agency: no one to send them to. */
  unassigned: string[];
  /** Rows whose id is not in the master's task list (added by hand): a merge could not place them. */
  notInPlan: string[];
}

const COPIED = COLUMNS.filter((c) => c.origin !== 'computed');

export function splitMaster(input: SplitInput): SplitResult {
  const { snapshot, meta } = input;
  if (meta.agencyKey)
    throw new LocalizedError({
      vi: 'Tệp này đã là sổ tách cho một cơ quan, không phải sổ tổng.',
      en: 'This file is already a per-agency copy, not the master.',
    });
  if (meta.schemaVersion !== SCHEMA_VERSION)
    throw new LocalizedError({
      vi: `Sổ tổng dùng phiên bản mẫu ${meta.schemaVersion}, công cụ dùng ${SCHEMA_VERSION}: hãy tạo lại sổ tổng trước khi tách.`,
      en: `The master uses layout ${meta.schemaVersion}, this tool ${SCHEMA_VERSION}: rebuild the master before splitting.`,
    });
  const map = mapColumns(snapshot.headers);
  if (map.missing.length > 0)
    throw new LocalizedError({
      vi: `Sổ tổng thiếu cột: ${map.missing.map((id) => columnHeader(id, 'vi')).join(', ')}.`,
      en: `The master is missing columns: ${map.missing.map((id) => columnHeader(id, 'en')).join(', ')}.`,
    });
  const { entries } = readEntries(snapshot, map);
  const hashes = new Map(meta.tasks.map((t) => [t.id, t.hash]));

  const groups = new Map<string, { name: string; entries: TaskEntry[] }>();
  const unassigned: string[] = [];
  const notInPlan: string[] = [];
  const seen = new Set<string>();
  const agencies = agencyGrouping(meta.agencyAliases);
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
    const key = agencies.key(e.lead);
    const g = groups.get(key) ?? { name: agencies.label(e.lead), entries: [] };
    g.entries.push(e);
    groups.set(key, g);
  }

  const now = input.now ?? new Date();
  const list = [...groups.entries()];
  const fileNames = safeFileNames(list.map(([, g]) => g.name));
  const copies = list.map(([key, g], i): AgencyCopy => {
    const taskIds = g.entries.map((e) => e.taskId);
    // Entries made in the master travel with the task, exactly as entered.
    const rows = g.entries.map((e) => {
      const cells: RowCells = {};
      for (const c of COPIED) cells[c.id] = cellOf(snapshot, map, e.rowIndex, c.id);
      return cells;
    });
    const agencies = new Set<string>();
    for (const e of g.entries) {
      if (e.lead) agencies.add(e.lead);
      for (const p of e.partners.split(';').map((x) => x.trim())) if (p) agencies.add(p);
    }
    return {
      agencyKey: key,
      agencyName: g.name,
      fileName: fileNames[i],
      taskIds,
      rows,
      agencies: [...agencies],
      meta: {
        generator: GENERATOR,
        generatorVersion: GENERATOR_VERSION,
        schemaVersion: SCHEMA_VERSION,
        lang: input.lang,
        builtAt: now.toISOString(),
        planTitle: meta.planTitle,
        planNumber: meta.planNumber,
        planIssuedOn: meta.planIssuedOn,
        sourceFingerprint: meta.sourceFingerprint,
        fingerprintAlgorithm: meta.fingerprintAlgorithm,
        workbookId: meta.workbookId,
        agencyKey: key,
        // The master's hashes, so merge compares like with like.
        tasks: taskIds.map((id) => ({ id, hash: hashes.get(id) ?? '' })),
        taskHashAlgorithm: meta.taskHashAlgorithm,
        baseEntries: baseEntriesOf(snapshot, new Set(taskIds)),
        // The copy counts the spellings the user merged as one agency, as the master does.
        ...(meta.agencyAliases?.length ? { agencyAliases: meta.agencyAliases } : {}),
      },
    };
  });
  return { copies, unassigned, notInPlan };
}
