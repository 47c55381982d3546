/** Work measured in a fresh process, so peak memory belongs to that work alone. */
import { parsePlan } from '../src/plan/parse';
import { buildWorkbookSpec } from '../src/workbook/build';
import { writeXlsx } from '../src/xlsx/write';
import { sampleText, scalePlan } from './generate';

export interface ChildAnswer {
  ms: number;
  peakRssMb: number;
  bytes: number;
}

async function xlsx(n: number): Promise<ChildAnswer> {
  const plan = scalePlan(parsePlan(sampleText()), n);
  const t0 = process.hrtime.bigint();
  const spec = buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-06-14' });
  const bytes = await writeXlsx(spec);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, peakRssMb: process.resourceUsage().maxRSS / 1024, bytes: bytes.byteLength };
}

if (require.main === module) {
  const [task, arg] = process.argv.slice(2);
  if (task === 'xlsx') {
    xlsx(Number(arg)).then((a) => process.stdout.write(JSON.stringify(a) + '\n'));
  }
}
