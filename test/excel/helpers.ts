import { readFileSync } from 'fs';
import { join } from 'path';
import { reviseTracking } from '../../src/app/revise';
import type { TrackingWorkbook } from '../../src/model/workbook-meta';
import type { Plan } from '../../src/plan/types';
import { buildWorkbookSpec } from '../../src/workbook/build';
import type { WorkbookSpec } from '../../src/workbook/types';
import { scalePlan } from '../../src/excel/testing/plans';
import { parsePlan } from '../../src/plan/parse';

export const REPORT_DATE = '2024-06-30';

let cached: Plan | null = null;

/** The sample plan (NQ-28, Nam Định) through the real parser. */
export function samplePlan(): Plan {
  if (!cached) cached = parsePlan(readFileSync(join(__dirname, '../../samples/nq28-nam-dinh.txt'), 'utf8'));
  return cached;
}

export function specFor(plan: Plan, now = new Date('2024-07-01T00:00:00Z')): WorkbookSpec {
  return buildWorkbookSpec(plan, { lang: 'vi', reportDate: REPORT_DATE, now, workbookId: 'test-wb' });
}

export function scaledSpec(count: number, seed = 28): WorkbookSpec {
  return specFor(scalePlan(samplePlan(), count, seed));
}

/** Build options for update mode: the one revision (src/app/revise.ts) applied with `plan`. */
export function updateWith(plan: Plan, now = new Date('2024-07-01T00:00:00Z')) {
  return {
    mode: 'update' as const,
    revise: (old: TrackingWorkbook) => reviseTracking(old, plan, { now }),
  };
}
