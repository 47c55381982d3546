/** Checking what staff entered in a tracking workbook, read from a file or from Excel. */
import { todayIso } from '../model/dates';
import type { TrackingWorkbook } from '../model/workbook-meta';
import { checkTracking, type Finding } from '../tracking/check';

export type { Finding, RuleInfo, Severity, Suggestion } from '../tracking/check';
/** Every rule the check runs, with its title: the pane names a finding's rule by it. */
export { RULES as CHECK_RULES } from '../tracking/check';
export { groupFindingsByAgency, type FindingGroup } from '../tracking/check/group';
import type { PeriodConvention, PeriodKind } from '../tracking/periods';

export interface CheckRequest {
  /** Default: the workbook's report date, else today. */
  reportDate?: string | null;
  convention?: PeriodConvention;
  updatePeriod?: PeriodKind;
}

export interface CheckOutcome {
  reportDate: string;
  findings: Finding[];
  /** True when a finding would make a report wrong (the CLI exits 1). */
  hasErrors: boolean;
}

export function checkWorkbook(wb: TrackingWorkbook, req: CheckRequest = {}): CheckOutcome {
  const reportDate = req.reportDate ?? wb.reportDate ?? todayIso();
  const findings = checkTracking({
    snapshot: wb.snapshot,
    meta: wb.meta,
    reportDate,
    lang: wb.lang,
    convention: req.convention,
    updatePeriod: req.updatePeriod,
    extensions: wb.extensions,
  });
  return { reportDate, findings, hasErrors: findings.some((f) => f.severity === 'error') };
}
