/**
 * The `Nhiệm vụ` sheet and its table `NhiemVu`, drawn from the column registry: headers, widths,
 * formats, the row formula, dropdowns and validation over the spare rows, the data bar and the
 * whole-row colours by deadline state. Rows arrive as cells by column id (a plan's tasks, a
 * master's rows for a copy, revised rows), plus columns staff added that a revision keeps.
 */
import { COLUMNS, taskColumnLetter, type TaskColumn, type TaskColumnId } from '../../model/columns';
import { columnLetter, type RawCell } from '../../model/table';
import type { Lang } from '../../model/lang';
import { STATE_LABELS } from '../../model/labels';
import type { DeadlineState } from '../../model/vocabulary';
import type { AgencyAlias } from '../../model/workbook-meta';
import { groupLabeller } from '../../tracking/agency-aliases';
import type { RowCells } from '../../tracking/plan-rows';
import { formulaDeadlineState } from '../cached-results';
import { cellValueOf } from '../cells';
import { quote, ROW_FORMULAS } from '../formulas';
import { LIST_NAMES, sheetName, TABLE_NAME } from '../names';
import type { CellValue, ColumnSpec, ConditionalFormat, SheetSpec, Validation } from '../types';
import { DATE_MAX, DATE_MIN, emptySheet, HEADER_FILL } from './common';
import { taskTablePrint } from './print-layout';

/**
 * Rows below the last task that the validations, conditional formats and summary formulas still
 * cover, so rows staff add at the end of the table are counted and checked.
 */
export const SPARE_ROWS = 2000;

/** A column staff added to the table, kept by a revision: its header and one cell per row. */
export interface ExtraColumn {
  header: string;
  cells: RawCell[];
  /** The number format the column had, kept (a date column staff added stays dates). */
  numFmt?: string;
}

/** A staff column's format that is more than text: its numbers are shown that way. */
function keepsNumbers(numFmt: string | undefined): numFmt is string {
  return !!numFmt && numFmt !== '@' && numFmt !== 'General';
}

export interface TaskTableInput {
  lang: Lang;
  /** ISO date of NgayBaoCao, which the state formula compares with (for its cached results). */
  reportDate: string;
  rows: readonly RowCells[];
  extraColumns?: readonly ExtraColumn[];
  /** The workbook's agency aliases, for the column of the agency each lead counts under. */
  aliases?: readonly AgencyAlias[];
}

/** Where the table's rows sit, for the formulas of other sheets. */
export interface TaskTableLayout {
  /** 1-based sheet rows of the first data row and of the last row validations cover. */
  firstDataRow: number;
  lastCoveredRow: number;
}

const HEADER_ROW = 0;
const FIRST_DATA_ROW = HEADER_ROW + 2;

export function taskTableLayout(rowCount: number): TaskTableLayout {
  const lastDataRow = Math.max(FIRST_DATA_ROW, HEADER_ROW + 1 + rowCount);
  return { firstDataRow: FIRST_DATA_ROW, lastCoveredRow: lastDataRow + SPARE_ROWS };
}

function columnSpec(c: TaskColumn, lang: Lang): ColumnSpec {
  const formula = c.formula ? ROW_FORMULAS[c.formula] : undefined;
  return {
    id: c.id,
    header: c.label[lang],
    kind: c.kind,
    width: c.width,
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    ...(c.wrap ? { wrap: true } : {}),
    editable: c.editable,
    ...(formula ? { formula: (row: number) => formula(row, lang) } : {}),
  };
}

function validationOf(c: TaskColumn, range: string, lang: Lang): Validation | null {
  const input = c.input;
  if (!input) return null;
  const messages = { prompt: input.prompt[lang], error: input.error[lang] };
  switch (input.kind) {
    case 'list':
      return { kind: 'list', range, source: LIST_NAMES[input.list], allowBlank: true, ...messages };
    case 'date':
      return { kind: 'date', range, min: DATE_MIN, max: DATE_MAX, allowBlank: true, ...messages };
    case 'decimal':
      return { kind: 'decimal', range, min: input.min, max: input.max, allowBlank: true, ...messages };
  }
}

/**
 * The task rows coloured by their deadline state (conditional formats, both renderers): light
 * tints of Okabe and Ito's colour-blind-safe palette, as the pane's bars use, so that no two of
 * them (nor a row left white) look alike with protanopia or deuteranopia
 * (test/workbook/row-colours.test.ts simulates both). Excel's stock red and green fills did not
 * pass: overdue and done on time came 5 ΔE apart for a deuteranope.
 */
export const STATE_ROW_STYLES: readonly { state: DeadlineState; fill: string; color: string }[] = [
  { state: 'overdue', fill: 'F6B48F', color: '9C0006' },
  { state: 'done_late', fill: 'FFF0A0', color: '9C5700' },
  { state: 'done_undated', fill: 'DCC0E6', color: '5B2C6F' },
  { state: 'done_on_time', fill: 'B9E3D3', color: '006100' },
];

export function buildTaskTableSheet(input: TaskTableInput): SheetSpec {
  const { lang } = input;
  const extras = input.extraColumns ?? [];
  const { firstDataRow, lastCoveredRow } = taskTableLayout(input.rows.length);
  const extraSpecs: ColumnSpec[] = extras.map((x, k) =>
    keepsNumbers(x.numFmt)
      ? { id: `extra${k + 1}`, header: x.header, kind: 'number', numFmt: x.numFmt, width: 14, editable: true }
      : { id: `extra${k + 1}`, header: x.header, kind: 'text', width: 20, wrap: true, editable: true },
  );
  const columns = [...COLUMNS.map((c) => columnSpec(c, lang)), ...extraSpecs];
  const at = (id: TaskColumnId) => COLUMNS.findIndex((c) => c.id === id);
  const [category, due, status, completedOn, adjustedDue] = (
    ['category', 'due', 'status', 'completedOn', 'adjustedDue'] as const
  ).map(at);
  const leadOf = (cells: RowCells) =>
    cells.lead === null || cells.lead === undefined ? '' : String(cells.lead);
  const agencyGroup = groupLabeller(input.rows.map(leadOf), input.aliases);
  const derived = (cells: RowCells): CellValue => {
    const label = agencyGroup(leadOf(cells));
    return label ? { t: 'text', v: label } : null;
  };
  const rows: CellValue[][] = input.rows.map((cells, i) => {
    const sheetRow = firstDataRow + i;
    const values = COLUMNS.map((c): CellValue => {
      if (c.formula) return { t: 'formula', f: ROW_FORMULAS[c.formula](sheetRow, lang) };
      if (c.derived === 'agencyGroup') return derived(cells);
      return cellValueOf(c.id, cells[c.id]);
    });
    // Each state formula carries its result, worked out as the formula does it, so readers that
    // do not calculate (Protected View, previewers, phones) show it (../cached-results.ts).
    const state = formulaDeadlineState(
      {
        category: values[category],
        due: values[due],
        status: values[status],
        completedOn: values[completedOn],
        adjustedDue: values[adjustedDue],
      },
      input.reportDate,
    );
    COLUMNS.forEach((c, j) => {
      const v = values[j];
      if (c.formula === 'deadlineState' && v?.t === 'formula')
        values[j] = { ...v, result: STATE_LABELS[state][lang] };
    });
    return [...values, ...extras.map((x) => cellValueOf(null, x.cells[i]))];
  });

  const span = (id: string) => {
    const letter = taskColumnLetter(id as TaskColumnId);
    return `${letter}${firstDataRow}:${letter}${lastCoveredRow}`;
  };
  const validations = COLUMNS.map((c) => validationOf(c, span(c.id), lang)).filter(
    (v): v is Validation => v !== null,
  );
  const lastCol = columnLetter(columns.length - 1);
  const wholeRows = `A${firstDataRow}:${lastCol}${lastCoveredRow}`;
  const stateCell = `$${taskColumnLetter('state')}${firstDataRow}`;
  const state = (s: keyof typeof STATE_LABELS) => quote(STATE_LABELS[s][lang]);
  const conditionalFormats: ConditionalFormat[] = STATE_ROW_STYLES.map(({ state: st, fill, color }, i) => ({
    kind: 'expression',
    range: wholeRows,
    formula: `${stateCell}=${state(st)}`,
    style: { fill, color },
    priority: i + 1,
  }));
  for (const c of COLUMNS) {
    if (!c.dataBar) continue;
    conditionalFormats.push({
      kind: 'dataBar',
      range: span(c.id),
      color: c.dataBar.color,
      min: c.dataBar.min,
      max: c.dataBar.max,
      priority: conditionalFormats.length + 1,
    });
  }
  return {
    ...emptySheet('tasks', sheetName('tasks', lang)),
    widths: columns.map((c) => c.width),
    hiddenColumns: COLUMNS.flatMap((c, j) => (c.hidden ? [j] : [])),
    freeze: { rows: HEADER_ROW + 1, cols: 1 },
    tables: [{ name: TABLE_NAME, row: HEADER_ROW, col: 0, columns, rows, style: 'TableStyleMedium2' }],
    validations,
    conditionalFormats,
    tabColor: HEADER_FILL,
    print: taskTablePrint(lang, HEADER_ROW + 1),
    // Printed rows as high as their wrapped text: a spreadsheet does not measure text on open.
    fitWrappedRows: true,
  };
}
