/** The text report `npm run accuracy` prints: one row per plan, then the corpus totals. */
import { CHECK_CATEGORIES, ratio, type Category, type Tally } from './score';
import { corpusTotals, percent, type Floor, type ScoredEntry } from './corpus';

const HEADS: Record<Category, string> = {
  tasks: 'tasks',
  leads: 'leads',
  partners: 'partners',
  deadlines: 'deadlines',
  header: 'header',
  nonTasks: 'non-tasks',
  taskCount: 'count',
};

function cell(t: Tally): string {
  return t.total === 0 ? '—' : `${t.held}/${t.total}`;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

export function formatReport(scored: ScoredEntry[], floor: Floor | null, verbose = false): string {
  const nameWidth = Math.max(4, ...scored.map((s) => s.name.length));
  // "parsed" is how many tasks the parser gave, for reference (not a check).
  const cols = ['parsed', ...CHECK_CATEGORIES.map((c) => HEADS[c])];
  const widths = cols.map((c) => Math.max(c.length, 7));
  const lines: string[] = [];
  const row = (name: string, cells: string[], total: string) =>
    lines.push(
      [pad(name, nameWidth), ...cells.map((c, i) => pad(c, widths[i], true)), pad(total, 16, true)].join(
        '  ',
      ),
    );
  row('plan', cols, 'overall');
  lines.push('-'.repeat(nameWidth + widths.reduce((a, w) => a + w + 2, 0) + 18));
  for (const s of scored) {
    row(
      s.name,
      [String(s.parsedTasks), ...CHECK_CATEGORIES.map((c) => cell(s.score.byCategory[c]))],
      `${cell(s.score.overall)} ${percent(s.score.overall)}`,
    );
    if (verbose) {
      for (const c of s.score.checks.filter((x) => !x.held)) {
        lines.push(
          `    ✗ ${c.category}: ${c.what}  expected ${JSON.stringify(c.expected)} got ${JSON.stringify(c.actual)}`,
        );
      }
    }
  }
  const totals = corpusTotals(scored);
  lines.push('-'.repeat(nameWidth + widths.reduce((a, w) => a + w + 2, 0) + 18));
  row(
    'ALL',
    [
      String(scored.reduce((a, s) => a + s.parsedTasks, 0)),
      ...CHECK_CATEGORIES.map((c) => cell(totals.byCategory[c])),
    ],
    `${cell(totals.overall)} ${percent(totals.overall)}`,
  );
  lines.push('');
  const real = scored.filter((s) => s.label.derivedFrom === undefined);
  const derived = scored.length - real.length;
  lines.push(
    `plans: ${real.length} real` +
      (derived > 0 ? ` + ${derived} derived variant${derived > 1 ? 's' : ''} (scored, not counted)` : '') +
      `, labelled tasks in real plans: ${real.reduce((a, s) => a + s.label.tasks.length, 0)}`,
  );
  lines.push(`overall: ${cell(totals.overall)} checks held (${percent(totals.overall)})`);
  for (const c of CHECK_CATEGORIES) {
    const t = totals.byCategory[c];
    const f = floor?.byCategory[c];
    const floorText = f === undefined ? '' : `  (floor ${(100 * f).toFixed(1)}%)`;
    lines.push(`  ${pad(HEADS[c], 10)} ${pad(cell(t), 10, true)}  ${pad(percent(t), 7, true)}${floorText}`);
  }
  lines.push(
    `  partner precision ${percent(totals.partnerPrecision)}, recall ${percent(totals.partnerRecall)} (found tasks only; information)`,
  );
  if (floor) {
    const ok = ratio(totals.overall) >= floor.overall;
    lines.push(`floor: overall ${(100 * floor.overall).toFixed(1)}% — ${ok ? 'met' : 'NOT MET'}`);
  }
  return lines.join('\n');
}
