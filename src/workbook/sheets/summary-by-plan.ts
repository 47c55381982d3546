/**
 * The `Tổng hợp` sheet's plan × agency table, drawn when the master holds more than one plan
 * (issue 17): for each plan, one row per lead agency (spellings merged as in the agency table),
 * then the plan's own total. Live COUNTIFS like the rest of the sheet, each with the result it
 * computes from the table as drawn.
 */
import { COLUMNS, columnHeader, type TaskColumnId } from '../../model/columns';
import type { Lang } from '../../model/lang';
import { STATE_LABELS } from '../../model/labels';
import { localize, type Msg } from '../../model/msg';
import type { AgencyAlias } from '../../model/workbook-meta';
import type { DeadlineState } from '../../model/vocabulary';
import { agencyGrouping } from '../../tracking/agency-aliases';
import { cellNumber, cellText } from '../cached-results';
import type { CellStyle, CellValue } from '../types';
import { text } from './common';

export const BY_PLAN_WORDS = {
  title: { vi: 'Theo kế hoạch và cơ quan chủ trì', en: 'By plan and lead agency' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  planTotal: { vi: 'Cộng kế hoạch', en: 'Plan total' },
  noLead: { vi: '(chưa có cơ quan chủ trì)', en: '(no lead agency)' },
} satisfies Record<string, Msg>;

interface Counted {
  total: number;
  done: number;
  overdue: number;
  undated: number;
  extended: number;
}

interface AgencyRow extends Counted {
  label: string;
  /** Distinct without regard to case, as COUNTIFS compares. */
  spellings: string[];
}

interface PlanBlock extends Counted {
  ref: string;
  agencies: Map<string, AgencyRow>;
}

const zero = (): Counted => ({ total: 0, done: 0, overdue: 0, undated: 0, extended: 0 });

/** The plans of the drawn table (its `Kế hoạch` cells) in order, each with its agencies. */
export function planBlocks(
  rows: readonly (readonly CellValue[])[],
  lang: Lang,
  aliases: readonly AgencyAlias[] = [],
): PlanBlock[] {
  const at = (id: TaskColumnId) => COLUMNS.findIndex((c) => c.id === id);
  const g = agencyGrouping(aliases);
  const label = (s: DeadlineState) => STATE_LABELS[s][lang].toLocaleLowerCase();
  const blocks = new Map<string, PlanBlock>();
  for (const row of rows) {
    const ref = cellText(row[at('planRef')]);
    if (!ref) continue;
    const key = ref.toLocaleLowerCase();
    const block: PlanBlock = blocks.get(key) ?? { ref, agencies: new Map(), ...zero() };
    blocks.set(key, block);
    const lead = cellText(row[at('lead')]) ?? '';
    const agencyKey = g.key(lead);
    const agency: AgencyRow = block.agencies.get(agencyKey) ?? {
      label: lead.trim() ? g.label(lead) : '',
      spellings: [],
      ...zero(),
    };
    block.agencies.set(agencyKey, agency);
    if (lead.trim() && !agency.spellings.some((s) => s.toLocaleLowerCase() === lead.toLocaleLowerCase()))
      agency.spellings.push(lead);
    const state = (cellText(row[at('state')]) ?? '').toLocaleLowerCase();
    const extended = (cellNumber(row[at('adjustedDue')]) ?? 0) > 0;
    for (const c of [block, agency]) {
      c.total += 1;
      if (state === label('done_on_time') || state === label('done_late')) c.done += 1;
      if (state === label('overdue')) c.overdue += 1;
      if (state === label('done_undated')) c.undated += 1;
      if (extended) c.extended += 1;
    }
  }
  return [...blocks.values()];
}

const literal = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** COUNTIFS criteria stop at 255 characters and read * ? ~ as wildcards. */
const plain = (s: string) => s.length <= 250 && !/[*?~]/.test(s);

interface Condition {
  range: string;
  /** A formula expression giving the text compared with (a cell or a literal). */
  value: string;
  /** The text itself, to tell whether COUNTIFS can compare it. */
  raw: string;
}

/** COUNTIFS of equal-text conditions (and an optional extended test), SUMPRODUCT when one cannot be a criterion. */
function count(conds: readonly Condition[], extendedRange?: string): string {
  if (conds.every((c) => plain(c.raw))) {
    const parts = conds.map((c) => `${c.range},"="&${c.value}`);
    if (extendedRange) parts.push(`${extendedRange},">0"`);
    return `COUNTIFS(${parts.join(',')})`;
  }
  const parts = conds.map((c) => `(${c.range}=${c.value})`);
  if (extendedRange) parts.push(`ISNUMBER(${extendedRange})`);
  return `SUMPRODUCT(${parts.join('*')})`;
}

export interface PlanSectionInput {
  lang: Lang;
  /** 0-based row of the section's title. */
  top: number;
  rows: readonly (readonly CellValue[])[];
  aliases?: readonly AgencyAlias[];
  /** The absolute range of a task-table column, as the sheet's other formulas use. */
  tasksRange: (id: TaskColumnId) => string;
  put: (row: number, col: number, value: CellValue, style?: CellStyle) => void;
  header: CellStyle;
  bordered: CellStyle;
  totalStyle: CellStyle;
  /** Whether formulas carry results (the table was given). */
  withResults: boolean;
}

/** Draws the section; returns the 0-based row after it. Nothing when the table holds one plan. */
export function drawPlanAgencySection(input: PlanSectionInput): number {
  const { lang, put, tasksRange } = input;
  const blocks = planBlocks(input.rows, lang, input.aliases);
  if (blocks.length < 2) return input.top;
  const w = (k: keyof typeof BY_PLAN_WORDS) => localize(BY_PLAN_WORDS[k], lang);
  const state = (s: DeadlineState) => STATE_LABELS[s][lang];
  put(input.top, 0, text(w('title')), { bold: true, size: 12 });
  const heads = [
    columnHeader('planRef', lang),
    columnHeader('lead', lang),
    localize({ vi: 'Tổng số', en: 'Total' }, lang),
    w('done'),
    state('overdue'),
    state('done_undated'),
    localize({ vi: 'Tỷ lệ hoàn thành', en: 'Completion rate' }, lang),
    localize({ vi: 'Đã gia hạn', en: 'Extended' }, lang),
  ];
  heads.forEach((h, c) => put(input.top + 1, c, text(h), input.header));
  let r0 = input.top + 2;
  const result = (n: number | string) => (input.withResults ? { result: n } : {});
  const line = (
    conds: (extra: Condition[], extended?: boolean) => string,
    counted: Counted,
    style: CellStyle,
    planCell: string,
    agencyCell: string,
  ) => {
    const r1 = r0 + 1;
    put(r0, 0, text(planCell), { ...style, wrap: true });
    put(r0, 1, text(agencyCell), { ...style, wrap: true });
    const byState = (...states: DeadlineState[]) =>
      states
        .map((s) => conds([{ range: tasksRange('state'), value: literal(state(s)), raw: state(s) }]))
        .join('+');
    put(r0, 2, { t: 'formula', f: conds([]), ...result(counted.total) }, style);
    put(r0, 3, { t: 'formula', f: byState('done_on_time', 'done_late'), ...result(counted.done) }, style);
    put(r0, 4, { t: 'formula', f: byState('overdue'), ...result(counted.overdue) }, style);
    put(r0, 5, { t: 'formula', f: byState('done_undated'), ...result(counted.undated) }, style);
    const due = counted.done + counted.overdue + counted.undated;
    put(
      r0,
      6,
      {
        t: 'formula',
        f: `IFERROR(D${r1}/(D${r1}+E${r1}+F${r1}),"")`,
        ...result(due ? counted.done / due : ''),
      },
      { ...style, numFmt: '0.0%' },
    );
    // The extended column counts adjusted deadlines, not a state.
    put(r0, 7, { t: 'formula', f: conds([], true), ...result(counted.extended) }, style);
    r0 += 1;
    return r1;
  };
  for (const block of blocks) {
    for (const agency of block.agencies.values()) {
      const r1 = r0 + 1;
      const planCond: Condition = { range: tasksRange('planRef'), value: `$A${r1}`, raw: block.ref };
      const own = agency.spellings.length === 1 && agency.spellings[0] === agency.label;
      const leadConds = (sp: string): Condition => ({
        range: tasksRange('lead'),
        value: own ? `$B${r1}` : literal(sp),
        raw: sp,
      });
      const conds = (extra: Condition[], extended?: boolean) =>
        agency.spellings.length === 0
          ? // Tasks of the plan without a lead: the plan's count less its agencies'.
            `${count([planCond, ...extra], extended ? tasksRange('adjustedDue') : undefined)}-${[
              ...block.agencies.values(),
            ]
              .flatMap((a) => a.spellings)
              .map((sp) =>
                count(
                  [planCond, { range: tasksRange('lead'), value: literal(sp), raw: sp }, ...extra],
                  extended ? tasksRange('adjustedDue') : undefined,
                ),
              )
              .join('-')}`.replace(/-$/, '')
          : agency.spellings
              .map((sp) =>
                count([planCond, leadConds(sp), ...extra], extended ? tasksRange('adjustedDue') : undefined),
              )
              .join('+');
      line(conds, agency, input.bordered, block.ref, agency.label || w('noLead'));
    }
    const r1 = r0 + 1;
    const planOnly = (extra: Condition[], extended?: boolean) =>
      count(
        [{ range: tasksRange('planRef'), value: `$A${r1}`, raw: block.ref }, ...extra],
        extended ? tasksRange('adjustedDue') : undefined,
      );
    line(planOnly, block, input.totalStyle, block.ref, w('planTotal'));
  }
  return r0;
}
