/** Building the tracking workbook from a plan: its description, and the .xlsx file of it. */
import type { Lang } from '../model/lang';
import type { Plan } from '../plan/types';
import { planFingerprint } from '../tracking/fingerprint';
import { buildWorkbookSpec } from '../workbook/build';
import { withReportSheets } from '../workbook/reports';
import type { WorkbookSpec } from '../workbook/types';
import { writeXlsx } from '../xlsx/write';

export interface BuildRequest {
  plan: Plan;
  /** The plan's text as read, for the fingerprint. */
  sourceText?: string;
  lang: Lang;
  /** ISO date of the NgayBaoCao cell. */
  reportDate: string;
  now?: Date;
}

/** The description, fingerprinted with SHA-256 (Web Crypto) where the platform has it. */
export async function trackingSpec(req: BuildRequest): Promise<WorkbookSpec> {
  return buildWorkbookSpec(req.plan, {
    lang: req.lang,
    reportDate: req.reportDate,
    now: req.now,
    sourceText: req.sourceText,
    fingerprint: await planFingerprint(req.plan, req.sourceText),
  });
}

/** The description an .xlsx build writes: the tracking sheets and the report sheets. */
export async function trackingFileSpec(req: BuildRequest): Promise<WorkbookSpec> {
  return withReportSheets(await trackingSpec(req), {
    reportDate: req.reportDate,
    issuer: req.plan.issuer,
    place: req.plan.place,
  });
}

/**
 * The report sheets (Báo cáo, Sắp đến hạn) added to a description drawn into the open workbook,
 * as the .xlsx has them; Excel's PivotTables are made through office-js, on request.
 */
export function withWorkbookReportSheets(
  spec: WorkbookSpec,
  req: Pick<BuildRequest, 'plan' | 'reportDate'>,
): WorkbookSpec {
  return withReportSheets(spec, {
    reportDate: req.reportDate,
    issuer: req.plan.issuer,
    place: req.plan.place,
    pivotSheet: false,
  });
}

/** The description built into the open workbook. */
export async function trackingWorkbookSpec(req: BuildRequest): Promise<WorkbookSpec> {
  return withWorkbookReportSheets(await trackingSpec(req), req);
}

/** The tracking workbook as .xlsx bytes. */
export async function trackingFile(req: BuildRequest): Promise<{ spec: WorkbookSpec; bytes: Uint8Array }> {
  const spec = await trackingFileSpec(req);
  return { spec, bytes: await writeXlsx(spec) };
}
