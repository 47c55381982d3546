/**
 * Merging returned files into the workbook open in Excel (issue 13): the open workbook's tracking
 * is read through office-js, the returns through the package reader, the merge is planned as the
 * file merge plans it, and only when asked to write and the plan allows it are the changed cells,
 * the history rows and the sync points written in place, in the same Excel batch as the read.
 */
import { mergeIntoOpenWorkbook } from '../excel/bridge';
import { mergeIntoInputOf } from '../excel/merge-into';
import type { Lang } from '../model/lang';
import { LocalizedError, localize, type Msg } from '../model/msg';
import type { MergePlan } from '../tracking/merge';
import { historySheetName } from '../workbook/sheets/history';
import { planReturns } from '../xlsx/merge';
import type { NamedFile } from './files';
import { NO_RETURNS, type MergeRequest } from './share';

/** How the open workbook is named in merge messages (it has no file name of its own here). */
export const OPEN_MASTER: Msg = { vi: 'Sổ đang mở', en: 'Open workbook' };

export interface OpenMergeRequest extends Pick<
  MergeRequest,
  'prefer' | 'decisions' | 'acceptInvalid' | 'adopt' | 'now'
> {
  /** Write the plan into the open workbook when it can be written; false only plans (a review). */
  write: boolean;
  /** The language messages name the open workbook in. */
  lang?: Lang;
}

export interface OpenMergeOutcome {
  plan: MergePlan;
  /** The sheet the merge logs on (the workbook's language). */
  historySheet: string;
  /** What was written; null when nothing was (refused, undecided, nothing to merge, or a review). */
  written: { cells: number; historyRows: number; historySheet: string; historyCreated: boolean } | null;
}

/** Whether a plan has anything to write: every return accepted, every conflict decided, some change or sync point. */
export function canWrite(plan: MergePlan): boolean {
  return plan.ok && (plan.changes.length > 0 || plan.sync.length > 0);
}

export async function mergeIntoOpen(
  returns: readonly NamedFile[],
  req: OpenMergeRequest,
): Promise<OpenMergeOutcome> {
  if (returns.length === 0) throw new LocalizedError(NO_RETURNS);
  const now = req.now ?? new Date();
  const name = localize(OPEN_MASTER, req.lang ?? 'vi');
  const { outcome, written } = await mergeIntoOpenWorkbook(async (open) => {
    const plan = planReturns(
      { file: name, snapshot: open.snapshot, meta: open.meta },
      returns.map((r) => ({ file: r.name, bytes: r.bytes })),
      req,
      now,
    );
    const input =
      req.write && canWrite(plan)
        ? mergeIntoInputOf(plan, open.snapshot, now.toISOString(), open.lang)
        : null;
    return { outcome: { plan, historySheet: historySheetName(open.lang) }, input };
  });
  return {
    ...outcome,
    written: written && {
      cells: written.cellsWritten,
      historyRows: written.historyRows,
      historySheet: written.historySheet,
      historyCreated: written.historyCreated,
    },
  };
}
