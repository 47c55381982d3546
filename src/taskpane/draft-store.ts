/**
 * The import step's work kept in the browser's storage, so a reload, a crash or a closed pane
 * does not lose the pasted text, the corrections and the parts left out. One slot: the latest
 * work; it is offered back, never applied without asking.
 */
import type { PlanDraft } from './draft';

const KEY = 'plan-tracker.draft';
const VERSION = 1;

export interface StoredWork {
  /** The text in the box, analysed or not. */
  text: string;
  draft: PlanDraft | null;
  /** When it was saved (ms since 1970), to say how old the offer is. */
  savedAt: number;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked (private mode, sandboxed frame): nothing is kept, nothing breaks
  }
}

/** Keeps the work; empty work removes what was kept. A full storage keeps the previous copy. */
export function saveWork(text: string, draft: PlanDraft | null, now: number = Date.now()): void {
  const s = storage();
  if (!s) return;
  try {
    if (!text.trim() && !draft) s.removeItem(KEY);
    else s.setItem(KEY, JSON.stringify({ version: VERSION, text, draft, savedAt: now }));
  } catch {
    // Over quota: the last copy that fitted stays.
  }
}

function isDraft(value: unknown): value is PlanDraft {
  if (!value || typeof value !== 'object') return false;
  const d = value as Partial<PlanDraft>;
  return (
    typeof d.sourceText === 'string' &&
    Array.isArray(d.excluded) &&
    Array.isArray(d.extraAgencies) &&
    typeof d.edits === 'object' &&
    d.edits !== null &&
    Boolean(d.plan) &&
    Array.isArray(d.plan?.tasks) &&
    Array.isArray(d.plan?.sections) &&
    Array.isArray(d.plan?.agencies)
  );
}

/** The kept work, or null when there is none or it cannot be read (an older or damaged copy). */
export function loadWork(): StoredWork | null {
  const s = storage();
  if (!s) return null;
  try {
    const raw = s.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as { version?: unknown; text?: unknown; draft?: unknown; savedAt?: unknown };
    if (v.version !== VERSION || typeof v.text !== 'string' || typeof v.savedAt !== 'number') return null;
    const draft = v.draft === null ? null : isDraft(v.draft) ? v.draft : undefined;
    if (draft === undefined) return null;
    if (!v.text.trim() && !draft) return null;
    return { text: v.text, draft, savedAt: v.savedAt };
  } catch {
    return null;
  }
}

export function forgetWork(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
