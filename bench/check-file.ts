/**
 * `check` end to end on a file, as the CLI runs it: the package read (lean reader) and the rule
 * pass, against a floor measured in the same run: the read floor of bench/read.ts (unzip the same
 * parts, indexOf on their bytes) plus the same rule pass on the table already read. Sizes 1k,
 * 10k and 50k tasks, for the growth exponent; CPU time beside wall time.
 */
import { checkWorkbook } from '../src/app/check';
import { TASK_COLUMN_IDS } from '../src/model/columns';
import { STATUS_LABELS } from '../src/model/labels';
import { parsePlan } from '../src/plan/parse';
import { checkTracking } from '../src/tracking/check';
import { buildWorkbookSpec } from '../src/workbook/build';
import { SHEET_NAMES } from '../src/workbook/names';
import { WorkbookEditor } from '../src/xlsx/ooxml/edit/editor';
import { readTrackingWorkbookSync } from '../src/xlsx/read';
import { writeXlsx } from '../src/xlsx/write';
import { sampleText, scalePlan } from './generate';
import type { Result } from './measure';
import { partsRead, readFloor } from './read';
import { growth, inTurns, stepLabel } from './timing';

export const GROWTH_SIZES = [1_000, 10_000, 50_000];

/** A tracking workbook of `n` tasks as staff fill it: a status on every other row, a slip in one row in twenty. */
async function filledWorkbook(n: number): Promise<Uint8Array> {
  const plan = scalePlan(parsePlan(sampleText()), n);
  const bytes = await writeXlsx(buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-06-14' }));
  const editor = WorkbookEditor.open(bytes);
  const sheet = editor.sheet(SHEET_NAMES.tasks.vi);
  const status = TASK_COLUMN_IDS.indexOf('status');
  for (let i = 0; i < n; i += 2)
    sheet.set({ row: i + 2, col: status }, i % 20 === 0 ? 'Da hoan thanh roi' : STATUS_LABELS.in_progress.vi);
  return editor.save();
}

export async function checkFileBenchmark(sizes: readonly number[] = GROWTH_SIZES): Promise<Result[]> {
  const out: Result[] = [];
  const points: { n: number; product: number; floor: number; productWall: number }[] = [];
  for (const n of sizes) {
    const bytes = await filledWorkbook(n);
    const { parts, dateSheet, dateRow } = partsRead(bytes);
    const read = readTrackingWorkbookSync(bytes);
    const product = () => checkWorkbook(readTrackingWorkbookSync(bytes, { fileName: 'bench.xlsx' }));
    const rules = () =>
      checkTracking({
        snapshot: read.snapshot,
        meta: read.meta,
        reportDate: read.reportDate ?? '2024-06-14',
        lang: read.lang,
      });
    const floor = () => (readFloor(bytes, parts, dateSheet, dateRow), rules());
    const findings = product().findings.length;
    if (findings !== rules().length) throw new Error('the floor checks other cells than the product');
    floor(); // one untimed turn, as the product's and the rules' above: each contender compiled first
    // More turns where one takes tens of milliseconds, so a single slow turn does not make the median.
    const t = inTurns(n >= 50_000 ? 3 : n >= 10_000 ? 9 : 21, { floor, product, rules });
    out.push(
      { name: 'check.file', size: n, value: t.product.wall, unit: 'ms' },
      { name: 'check.file.cpu', size: n, value: t.product.cpu, unit: 'ms cpu' },
      { name: 'check.file.floor.cpu', size: n, value: t.floor.cpu, unit: 'ms cpu' },
      { name: 'check.file.rules.cpu', size: n, value: t.rules.cpu, unit: 'ms cpu' },
      { name: 'check.file.ratio.cpu', size: n, value: t.product.cpu / t.floor.cpu, unit: '× floor' },
      { name: 'check.file.ratio.time', size: n, value: t.product.wall / t.floor.wall, unit: '× floor' },
      { name: 'check.file.findings', size: n, value: findings, unit: 'findings' },
    );
    points.push({ n, product: t.product.cpu, floor: t.floor.cpu, productWall: t.product.wall });
  }
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    const step = stepLabel(a.n, b.n);
    out.push(
      { name: 'check.file.growth.cpu', size: step, value: growth(a.n, a.product, b.n, b.product), unit: '' },
      {
        name: 'check.file.growth.time',
        size: step,
        value: growth(a.n, a.productWall, b.n, b.productWall),
        unit: '',
      },
      {
        name: 'check.file.floor.growth.cpu',
        size: step,
        value: growth(a.n, a.floor, b.n, b.floor),
        unit: '',
      },
    );
  }
  return out;
}
