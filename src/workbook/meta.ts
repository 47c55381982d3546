import type { DeadlineCategory } from '../plan/types';
import { sha256Hex } from './hash';
import type { Lang, RawCell, WorkbookMeta } from './types';

/**
 * The hidden `_PlanTracker` sheet: two columns, key in A and value in B, every cell plain text, so
 * both renderers (ExcelJS and office-js `Range.values` with the text format) can write and read it
 * without caring about types. Layout:
 *
 *   format            plan-tracker-meta/1
 *   generator         plan-tracker
 *   generatorVersion  0.1.0
 *   schemaVersion     1
 *   lang              vi
 *   builtAt           2026-11-27T21:00:00.000Z
 *   planTitle         …
 *   planNumber        74/KH-UBND        (blank = none)
 *   planIssuedOn      2024-04-10        (blank = none)
 *   sourceFingerprint <sha-256 hex>
 *   workbookId        …
 *   agencyKey         (blank on a master)
 *   taskCount         123
 *   tasks             [["I.1","ab12…"],…   (JSON array of [id, hash]; continued on further
 *   tasks             …]                    `tasks` rows, each value < 32,000 characters)
 *
 * Unknown keys are ignored on read, so later versions can add rows.
 */

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
  'sourceFingerprint',
  'workbookId',
  'agencyKey',
] as const;

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

export function serializeMeta(meta: WorkbookMeta): string[][] {
  const value = (v: string | number | null): string => (v === null ? '' : String(v));
  const rows: string[][] = [['format', META_FORMAT]];
  for (const key of SCALAR_KEYS) rows.push([key, value(meta[key])]);
  rows.push(['taskCount', String(meta.tasks.length)]);
  const json = JSON.stringify(meta.tasks.map((t) => [t.id, t.hash]));
  for (const piece of chunkText(json)) rows.push(['tasks', piece]);
  return rows;
}

function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell);
}

/** The meta back from the sheet's rows; null when the sheet is not ours or is damaged. */
export function parseMeta(rows: RawCell[][]): WorkbookMeta | null {
  const values = new Map<string, string>();
  const taskPieces: string[] = [];
  for (const row of rows) {
    const key = cellText(row?.[0]).trim();
    if (!key) continue;
    const v = cellText(row[1]);
    if (key === 'tasks') taskPieces.push(v);
    else if (!values.has(key)) values.set(key, v);
  }
  if (values.get('format') !== META_FORMAT) return null;
  const str = (key: string): string => values.get(key) ?? '';
  const orNull = (key: string): string | null => (str(key).trim() === '' ? null : str(key));

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
  return {
    generator: str('generator'),
    generatorVersion: str('generatorVersion'),
    schemaVersion: Number.isFinite(schemaVersion) ? schemaVersion : 0,
    lang,
    builtAt: str('builtAt'),
    planTitle: str('planTitle'),
    planNumber: orNull('planNumber'),
    planIssuedOn: orNull('planIssuedOn'),
    sourceFingerprint: str('sourceFingerprint'),
    workbookId: str('workbookId'),
    agencyKey: orNull('agencyKey'),
    tasks,
  };
}

/** The plan columns of one tracking row, as the sheet shows them (category as its id). */
export interface PlanColumns {
  taskId: string;
  section: string;
  group: string;
  lead: string;
  partners: string;
  text: string;
  category: DeadlineCategory | null;
  /** ISO date or null. */
  due: string | null;
}

function norm(s: string): string {
  return s.normalize('NFC').trim();
}

/**
 * Fingerprint of a row's plan columns (the ones copied from the plan, not the staff's entries).
 * Takes the same shape as a TaskEntry (src/tracking/entries.ts), so checks and merges can recompute
 * it from a workbook and compare with the meta's task list. 16 hex digits (64 bits) keep the
 * meta small for 50,000 tasks and are plenty to notice an edit.
 */
export function hashPlanColumns(row: PlanColumns): string {
  const parts = [
    norm(row.taskId),
    norm(row.section),
    norm(row.group),
    norm(row.lead),
    norm(row.partners),
    norm(row.text),
    row.category ?? '',
    row.due ?? '',
  ];
  return sha256Hex(JSON.stringify(parts)).slice(0, 16);
}
