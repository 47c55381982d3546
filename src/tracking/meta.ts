/**
 * The hidden `_PlanTracker` sheet as rows of two plain-text cells, key in A and value in B, so
 * both renderers (ExcelJS and office-js `Range.values` with the text format) write and read it
 * without caring about types. This module is its only writer and its only reader. Layout:
 *
 *   format               plan-tracker-meta/1
 *   generator            plan-tracker
 *   generatorVersion     0.1.0
 *   schemaVersion        1
 *   lang                 vi
 *   builtAt              2026-11-27T21:00:00.000Z
 *   planTitle            …
 *   planNumber           74/KH-UBND        (blank = none)
 *   planIssuedOn         2024-04-10        (blank = none)
 *   issuer               UBND TỈNH …       (absent = not known: the plan did not say, or built before)
 *   place                …                 (likewise; both head the Báo cáo)
 *   sourceFingerprint    <hex>
 *   fingerprintAlgorithm sha-256           (absent in older workbooks: sha-256)
 *   workbookId           …
 *   agencyKey            (blank on a master)
 *   taskHashAlgorithm    fnv1a-64          (absent in older workbooks: the first 64 bits of SHA-256)
 *   taskCount            123
 *   tasks                [["I.1","ab12…"],…   (JSON array of [id, hash]; continued on further
 *   tasks                …]                    `tasks` rows, each value < 32,000 characters)
 *   baseEntries          {…}                  (agency copies: the editable cells at split, JSON, chunked)
 *   mergeSync            […]                  (masters: one block per merge, appended; continued
 *   mergeSync+           …]                    on `mergeSync+` rows)
 *   lineage              […]                  (revised masters: the ancestors, JSON, chunked on
 *   lineage+             …]                    `lineage+` rows)
 *   plans                […]                  (masters holding several plans: one record each,
 *   plans+               …]                    JSON, chunked on `plans+` rows)
 *   agencyAliases        [["Sở TT&TT","Sở Thông tin và Truyền thông"],…]  (agency spellings merged
 *   agencyAliases+       …]                    by the user, [from, to], chunked on `+` rows)
 *
 * Unknown keys are ignored on read, so later versions can add rows and older readers skip them.
 */
import type { Lang } from '../model/lang';
import type { RawCell } from '../model/table';
import type {
  AgencyAlias,
  BaseEntries,
  LineageStep,
  PlanRecord,
  SyncRecord,
  WorkbookMeta,
} from '../model/workbook-meta';

export const META_FORMAT = 'plan-tracker-meta/1';
/** Longest value put in one cell; Excel's limit is 32,767 characters. */
export const META_CHUNK = 30_000;

const SCALAR_KEYS = [
  'generator',
  'generatorVersion',
  'schemaVersion',
  'lang',
  'builtAt',
  'planTitle',
  'planNumber',
  'planIssuedOn',
  'issuer',
  'place',
  'sourceFingerprint',
  'fingerprintAlgorithm',
  'workbookId',
  'agencyKey',
  'taskHashAlgorithm',
] as const;
/** Written only when set: older workbooks do not have them, and their absence means something. */
const OPTIONAL_KEYS = new Set<string>(['fingerprintAlgorithm', 'taskHashAlgorithm', 'issuer', 'place']);

export const BASE_ENTRIES_KEY = 'baseEntries';
export const SYNC_KEY = 'mergeSync';
const SYNC_MORE = 'mergeSync+';
export const LINEAGE_KEY = 'lineage';
const LINEAGE_MORE = 'lineage+';

/** Splits text into pieces of at most `size` UTF-16 units without cutting a surrogate pair. */
export function chunkText(text: string, size: number = META_CHUNK): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out.length ? out : [''];
}

export function serializeBaseEntries(base: BaseEntries): string[][] {
  return chunkText(JSON.stringify(base)).map((piece) => [BASE_ENTRIES_KEY, piece]);
}

/** One merge's sync records, as rows to append to a master's meta sheet. */
export function serializeSync(records: readonly SyncRecord[]): string[][] {
  if (records.length === 0) return [];
  const json = JSON.stringify(records.map((r) => [r.copy, r.taskId, r.column, r.r, r.m]));
  return chunkText(json).map((piece, i) => [i === 0 ? SYNC_KEY : SYNC_MORE, piece]);
}

/** The meta as rows of the sheet; the base entries of a copy and the sync records of a master included. */
export function serializeMeta(meta: WorkbookMeta): string[][] {
  const value = (v: string | number | null | undefined): string =>
    v === null || v === undefined ? '' : String(v);
  const rows: string[][] = [['format', META_FORMAT]];
  for (const key of SCALAR_KEYS) {
    if (OPTIONAL_KEYS.has(key) && meta[key] === undefined) continue;
    rows.push([key, value(meta[key])]);
  }
  rows.push(['taskCount', String(meta.tasks.length)]);
  const json = JSON.stringify(meta.tasks.map((t) => [t.id, t.hash]));
  for (const piece of chunkText(json)) rows.push(['tasks', piece]);
  if (meta.baseEntries) rows.push(...serializeBaseEntries(meta.baseEntries));
  if (meta.sync?.length) rows.push(...serializeSync(meta.sync));
  if (meta.lineage?.length) rows.push(...serializeLineage(meta.lineage));
  if (meta.plans?.length)
    for (const [i, piece] of chunkText(JSON.stringify(meta.plans)).entries())
      rows.push([i === 0 ? PLANS_KEY : PLANS_MORE, piece]);
  if (meta.agencyAliases?.length) rows.push(...serializeAgencyAliases(meta.agencyAliases));
  return rows;
}

export const ALIASES_KEY = 'agencyAliases';
const ALIASES_MORE = 'agencyAliases+';

export function serializeAgencyAliases(aliases: readonly AgencyAlias[]): string[][] {
  const json = JSON.stringify(aliases.map((a) => [a.from, a.to]));
  return chunkText(json).map((piece, i) => [i === 0 ? ALIASES_KEY : ALIASES_MORE, piece]);
}

/** The agency aliases of a master; undefined when absent, damaged entries skipped. */
export function parseAgencyAliases(rows: readonly (readonly RawCell[])[]): AgencyAlias[] | undefined {
  let json: string | null = null;
  for (const r of rows) {
    const key = text(r?.[0]).trim();
    if (key === ALIASES_KEY && json === null) json = text(r[1]);
    else if (key === ALIASES_MORE && json !== null) json += text(r[1]);
  }
  if (json === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return undefined;
    const out = parsed
      .filter((p): p is [string, string] => isStringArray(p) && p.length === 2)
      .map(([from, to]) => ({ from, to }));
    return out.length ? out : undefined;
  } catch {
    return undefined;
  }
}

export const PLANS_KEY = 'plans';
const PLANS_MORE = 'plans+';

const isPlanRecord = (v: unknown): v is PlanRecord => {
  const r = v as PlanRecord;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.title === 'string' &&
    typeof r.fingerprint === 'string' &&
    typeof r.ref === 'string' &&
    (r.number === null || typeof r.number === 'string') &&
    (r.issuedOn === null || typeof r.issuedOn === 'string') &&
    Array.isArray(r.taskIds) &&
    r.taskIds.every((id) => typeof id === 'string')
  );
};

/** The plans of a portfolio master; undefined when absent or damaged. */
export function parsePlans(rows: readonly (readonly RawCell[])[]): PlanRecord[] | undefined {
  let json: string | null = null;
  for (const r of rows) {
    const key = text(r?.[0]).trim();
    if (key === PLANS_KEY && json === null) json = text(r[1]);
    else if (key === PLANS_MORE && json !== null) json += text(r[1]);
  }
  if (json === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) && parsed.every(isPlanRecord) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function serializeLineage(steps: readonly LineageStep[]): string[][] {
  const json = JSON.stringify(
    steps.map((s) => [s.fingerprint, s.builtAt, s.tasks.map((t) => [t.id, t.hash]), s.map, s.removed]),
  );
  return chunkText(json).map((piece, i) => [i === 0 ? LINEAGE_KEY : LINEAGE_MORE, piece]);
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The ancestors from the meta sheet's rows; undefined when absent or damaged (then nothing is followed). */
export function parseLineage(rows: readonly (readonly RawCell[])[]): LineageStep[] | undefined {
  let json = '';
  let found = false;
  for (const r of rows) {
    const key = text(r?.[0]).trim();
    if (key === LINEAGE_KEY && !found) {
      found = true;
      json = text(r[1]);
    } else if (key === LINEAGE_MORE && found) json += text(r[1]);
  }
  if (!found) return undefined;
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return undefined;
    return parsed.map((step: unknown): LineageStep => {
      if (!Array.isArray(step) || step.length !== 5) throw new Error('bad lineage step');
      const [fingerprint, builtAt, tasks, map, removed] = step as unknown[];
      if (typeof fingerprint !== 'string' || typeof builtAt !== 'string') throw new Error('bad step');
      if (!Array.isArray(tasks) || !tasks.every((t) => isStringArray(t) && t.length === 2))
        throw new Error('bad tasks');
      if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new Error('bad map');
      if (!Object.values(map).every((v) => typeof v === 'string')) throw new Error('bad map');
      if (!isStringArray(removed)) throw new Error('bad removed');
      return {
        fingerprint,
        builtAt,
        tasks: (tasks as string[][]).map(([id, hash]) => ({ id, hash })),
        map: map as Record<string, string>,
        removed,
      };
    });
  } catch {
    return undefined;
  }
}

function text(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell);
}

function isRaw(v: unknown): v is RawCell {
  // Called for every cell of a copy's base entries: no array built per call.
  const t = typeof v;
  return v === null || t === 'string' || t === 'number' || t === 'boolean';
}

/** The base values from the meta sheet's rows; undefined when absent or damaged. */
export function parseBaseEntries(rows: readonly (readonly RawCell[])[]): BaseEntries | undefined {
  const pieces = rows.filter((r) => text(r?.[0]).trim() === BASE_ENTRIES_KEY).map((r) => text(r[1]));
  if (pieces.length === 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(pieces.join(''));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    // Checked in place rather than copied: a merge reads the base entries of every return, one
    // object per task, and JSON.parse has already made them plain objects of their own.
    const byId = parsed as Record<string, unknown>;
    for (const id of Object.keys(byId)) {
      const cells = byId[id];
      if (typeof cells !== 'object' || cells === null || Array.isArray(cells)) return undefined;
      const row = cells as Record<string, unknown>;
      for (const col of Object.keys(row)) if (!isRaw(row[col])) return undefined;
    }
    return byId as BaseEntries;
  } catch {
    return undefined;
  }
}

/** Every merge's records, oldest first; damaged blocks are skipped (their cells then conflict). */
export function parseSync(rows: readonly (readonly RawCell[])[]): SyncRecord[] {
  const blobs: string[] = [];
  for (const r of rows) {
    const key = text(r?.[0]).trim();
    const v = text(r?.[1]);
    if (key === SYNC_KEY) blobs.push(v);
    else if (key === SYNC_MORE && blobs.length > 0) blobs[blobs.length - 1] += v;
  }
  const out: SyncRecord[] = [];
  for (const blob of blobs) {
    try {
      const parsed: unknown = JSON.parse(blob);
      if (!Array.isArray(parsed)) continue;
      for (const t of parsed) {
        if (!Array.isArray(t) || t.length !== 5) continue;
        const [copy, taskId, column, r, m] = t as unknown[];
        if (typeof copy !== 'string' || typeof taskId !== 'string' || typeof column !== 'string') continue;
        if (!isRaw(r) || !isRaw(m)) continue;
        out.push({ copy, taskId, column, r, m });
      }
    } catch {
      continue;
    }
  }
  return out;
}

/** The meta back from the sheet's rows, whole; null when the sheet is not ours or is damaged. */
export function parseMeta(rows: readonly (readonly RawCell[])[]): WorkbookMeta | null {
  const values = new Map<string, string>();
  const taskPieces: string[] = [];
  for (const row of rows) {
    const key = text(row?.[0]).trim();
    if (!key) continue;
    const v = text(row[1]);
    if (key === 'tasks') taskPieces.push(v);
    else if (!values.has(key)) values.set(key, v);
  }
  if (values.get('format') !== META_FORMAT) return null;
  const str = (key: string): string => values.get(key) ?? '';
  const orNull = (key: string): string | null => (str(key).trim() === '' ? null : str(key));
  const optional = (key: string): string | undefined => (values.has(key) ? str(key) : undefined);

  let tasks: { id: string; hash: string }[];
  try {
    const parsed: unknown = JSON.parse(taskPieces.join('') || '[]');
    if (!Array.isArray(parsed)) return null;
    tasks = parsed.map((pair) => {
      if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
        throw new Error('bad task entry');
      }
      return { id: pair[0], hash: pair[1] };
    });
  } catch {
    return null;
  }
  const count = Number(str('taskCount'));
  if (values.has('taskCount') && count !== tasks.length) return null;

  const schemaVersion = Number(str('schemaVersion'));
  const lang: Lang = str('lang') === 'en' ? 'en' : 'vi';
  const sync = parseSync(rows);
  const plans = parsePlans(rows);
  const agencyAliases = parseAgencyAliases(rows);
  return {
    generator: str('generator'),
    generatorVersion: str('generatorVersion'),
    schemaVersion: Number.isFinite(schemaVersion) ? schemaVersion : 0,
    lang,
    builtAt: str('builtAt'),
    planTitle: str('planTitle'),
    planNumber: orNull('planNumber'),
    planIssuedOn: orNull('planIssuedOn'),
    ...(orNull('issuer') ? { issuer: str('issuer') } : {}),
    ...(orNull('place') ? { place: str('place') } : {}),
    sourceFingerprint: str('sourceFingerprint'),
    fingerprintAlgorithm: optional('fingerprintAlgorithm'),
    workbookId: str('workbookId'),
    agencyKey: orNull('agencyKey'),
    tasks,
    taskHashAlgorithm: optional('taskHashAlgorithm'),
    baseEntries: parseBaseEntries(rows),
    sync: sync.length ? sync : undefined,
    lineage: parseLineage(rows),
    ...(plans ? { plans } : {}),
    ...(agencyAliases ? { agencyAliases } : {}),
  };
}
