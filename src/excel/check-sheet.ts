import { buildCheckSheet } from '../workbook/sheets/check';
import type { AgencyAlias } from '../model/workbook-meta';
import type { Finding } from '../tracking/check/types';
import { SHEET_NAMES } from '../workbook/names';
import type { Lang } from '../workbook/types';
import type { WorkbookInventory } from './inventory';
import { drawGeneratedSheet, type SheetDrawReport } from './summary';
import type { SupportCheck } from './support';

export interface CheckSheetOptions {
  lang: Lang;
  /** The sheet the links point at; default the findings' own sheet (the table as read), else the language's task sheet. */
  tasksSheet?: string;
  isSetSupported?: SupportCheck;
  /** The workbook's agency aliases: merged spellings are one group, as in every summary. */
  aliases?: readonly AgencyAlias[];
  inventory?: WorkbookInventory;
  /** Activate the check sheet at the end (default true). */
  activate?: boolean;
  maxRequestBytes?: number;
}

/**
 * Two data requests. 5,000 findings measured 1.35 MB with the checker's messages on the sample
 * (test/excel/check-sheet.test.ts); long agency names and suggestions can take that past one
 * request's 3.5 MB cap, and a fixed two keeps the sync count the same for 10 and 5,000 findings.
 */
const CHECK_DATA_SYNCS = 2;

/**
 * Writes the `Kiểm tra` sheet: one row per finding with a link to its cell. The sheet is
 * generated (nothing staff type lives there), so a previous one is replaced.
 *
 * Syncs: 1 (inventory, unless passed) + 2 (data) + 1 (finish) = 4, for 10 or 5,000 findings.
 */
export async function writeCheckSheet(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  opts: CheckSheetOptions,
): Promise<SheetDrawReport> {
  const target = opts.tasksSheet ?? findings[0]?.sheet ?? SHEET_NAMES.tasks[opts.lang];
  const sheet = buildCheckSheet(findings, opts.lang, target, opts.aliases);
  return drawGeneratedSheet(context, sheet, {
    lang: opts.lang,
    replace: true,
    isSetSupported: opts.isSetSupported,
    inventory: opts.inventory,
    activate: opts.activate,
    maxRequestBytes: opts.maxRequestBytes,
    dataSyncs: CHECK_DATA_SYNCS,
  });
}
