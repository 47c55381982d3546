/**
 * Near-duplicate agencies merged from the pane (issue 17), with the rules and words of
 * `plan-tracker agencies --merge` (agencies.ts: the names checked, the aliases recorded in the
 * hidden meta, the master drawn again so its `Tổng hợp` counts them as one, a `Lịch sử` row).
 * Inside Excel it is made from the open workbook as read and drawn in place
 * (src/excel/master-change.ts); on the standalone page the new master is a file.
 */
import { changeOpenMaster } from '../excel/bridge';
import { todayIso } from '../model/dates';
import type { Lang } from '../model/lang';
import { localize, type Msg } from '../model/msg';
import type { AgencyAlias } from '../model/workbook-meta';
import { forOpenWorkbook } from './add-open';
import { redrawnMaster } from './add-plan';
import { aliasReason, mergedAliases, recordAgencyAliases } from './agencies';
import type { NamedFile } from './files';
import { readTrackingFile } from './tracking-file';
import { historySheetName } from '../workbook/sheets/history';
import { OPEN_MASTER } from './merge-open';

export interface AliasOutcome {
  /** The aliases this merge recorded, each with its target as recorded. */
  added: AgencyAlias[];
  /** Every alias the master holds now. */
  aliases: AgencyAlias[];
  /** The sheet the merge is logged on. */
  historySheet: string;
}

export interface OpenAliasOutcome extends AliasOutcome {
  /** What this Excel could not draw, a PivotTable sheet removed. */
  notes: Msg[];
}

export async function mergeAgenciesInOpen(
  merges: readonly AgencyAlias[],
  opts: { lang?: Lang; now?: Date } = {},
): Promise<OpenAliasOutcome> {
  const now = opts.now ?? new Date();
  const name = localize(OPEN_MASTER, opts.lang ?? 'vi');
  const made: { added?: AgencyAlias[]; aliases?: AgencyAlias[] } = {};
  const report = await changeOpenMaster(
    async (old) => {
      const { meta, aliases, added } = mergedAliases(old, name, merges);
      Object.assign(made, { added, aliases });
      const spec = await redrawnMaster(old, { ...meta, agencyAliases: aliases }, now);
      // The report sheets count by agency too; they are drawn again with the rest (the radar's
      // formulas would otherwise follow the old table to its backup name).
      const reportDate = old.reportDate ?? todayIso(now);
      return {
        spec: forOpenWorkbook(spec, reportDate),
        reason: localize(aliasReason(added), old.lang),
        file: '',
      };
    },
    { now },
  );
  if (!made.added || !made.aliases) throw new Error('The merge finished without its aliases');
  return {
    added: made.added,
    aliases: made.aliases,
    historySheet: report.history.historySheet,
    notes: report.notes,
  };
}

/** The master file with the spellings recorded as one agency, as the command line writes it. */
export async function mergeAgenciesInFile(
  master: NamedFile,
  merges: readonly AgencyAlias[],
): Promise<AliasOutcome & { bytes: Uint8Array }> {
  const { lang } = await readTrackingFile(master);
  const { bytes, aliases, added } = await recordAgencyAliases(master, merges);
  return { bytes, aliases, added, historySheet: historySheetName(lang) };
}
