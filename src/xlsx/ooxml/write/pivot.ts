import { escapeAttr } from '../xml';
import type { CellData, PivotCacheModel, PivotItemValue, PivotTableModel, RowModel } from './model';
import { cellRef } from './refs';

/**
 * PivotTables: a cache definition over a sheet range or a table, and a table definition that lays
 * one row field × an optional column field × one data field out in Excel's compact form.
 *
 * The cache keeps no records (saveData="0") and asks to be refreshed on open (refreshOnLoad="1"):
 * Excel rebuilds it from the source, so the file does not carry the data twice. The fields on an
 * axis list their items, which the table's items point at; the figures are also written as plain
 * cells, so a reader that does not refresh (Protected View, previewers) shows them.
 */

/** Items compare as a pivot groups them: text without regard to case. */
export function itemKey(value: PivotItemValue): string {
  if (value === null || value === '') return 'm';
  if (typeof value === 'string') return `s${value.toLocaleLowerCase()}`;
  if (typeof value === 'number') return `n${value}`;
  return `b${value}`;
}

/** The distinct values in first-seen order (first spelling kept), blanks last. */
export function distinctItems(values: Iterable<PivotItemValue>): PivotItemValue[] {
  const seen = new Map<string, PivotItemValue>();
  let blank = false;
  for (const v of values) {
    const key = itemKey(v);
    if (key === 'm') blank = true;
    else if (!seen.has(key)) seen.set(key, v);
  }
  const out = [...seen.values()];
  if (blank) out.push(null);
  return out;
}

function sharedItemsXml(items: readonly PivotItemValue[] | undefined): string {
  if (!items) return '<sharedItems/>';
  const kinds = new Set(items.map((v) => (v === null || v === '' ? 'm' : typeof v)));
  const numbers = items.filter((v): v is number => typeof v === 'number');
  const attrs: string[] = [];
  const hasString = kinds.has('string');
  if (kinds.has('m')) attrs.push('containsBlank="1"');
  if (numbers.length) {
    if (!hasString && !kinds.has('boolean')) attrs.push('containsSemiMixedTypes="0"', 'containsString="0"');
    if (kinds.size - (kinds.has('m') ? 1 : 0) > 1) attrs.push('containsMixedTypes="1"');
    attrs.push('containsNumber="1"');
    if (numbers.every(Number.isInteger)) attrs.push('containsInteger="1"');
    attrs.push(`minValue="${Math.min(...numbers)}"`, `maxValue="${Math.max(...numbers)}"`);
  } else if (!hasString) {
    attrs.push('containsString="0"');
  }
  attrs.push(`count="${items.length}"`);
  const body = items
    .map((v) => {
      if (v === null || v === '') return '<m/>';
      if (typeof v === 'number') return `<n v="${v}"/>`;
      if (typeof v === 'boolean') return `<b v="${v ? 1 : 0}"/>`;
      return `<s v="${escapeAttr(v)}"/>`;
    })
    .join('');
  return `<sharedItems ${attrs.join(' ')}>${body}</sharedItems>`;
}

export function pivotCacheXml(cache: PivotCacheModel): string {
  const source =
    'table' in cache.source
      ? `<worksheetSource name="${escapeAttr(cache.source.table)}"/>`
      : `<worksheetSource ref="${cache.source.ref}" sheet="${escapeAttr(cache.source.sheet)}"/>`;
  const fields = cache.fields
    .map(
      (f) => `<cacheField name="${escapeAttr(f.name)}" numFmtId="0">${sharedItemsXml(f.items)}</cacheField>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'saveData="0" refreshOnLoad="1" createdVersion="3" refreshedVersion="3" minRefreshableVersion="3">' +
    `<cacheSource type="worksheet">${source}</cacheSource>` +
    `<cacheFields count="${cache.fields.length}">${fields}</cacheFields></pivotCacheDefinition>`
  );
}

function itemsOf(cache: PivotCacheModel, field: number, pivot: string): readonly PivotItemValue[] {
  const f = cache.fields[field];
  if (!f) throw new RangeError(`pivot ${pivot}: no cache field ${field}`);
  if (!f.items) throw new RangeError(`pivot ${pivot}: field "${f.name}" is on an axis but lists no items`);
  return f.items;
}

export function checkPivot(p: PivotTableModel, cache: PivotCacheModel | undefined): void {
  if (!cache) throw new RangeError(`pivot ${p.name}: no cache ${p.cache}`);
  itemsOf(cache, p.rowField, p.name);
  if (p.columnField !== undefined) itemsOf(cache, p.columnField, p.name);
  if (!cache.fields[p.data.field]) throw new RangeError(`pivot ${p.name}: no data field ${p.data.field}`);
}

/** The pivot's area: height and width of the compact layout. */
function area(p: PivotTableModel, cache: PivotCacheModel): { rows: number; cols: number } {
  const nRows = itemsOf(cache, p.rowField, p.name).length;
  if (p.columnField === undefined) return { rows: nRows + 2, cols: 2 };
  const nCols = itemsOf(cache, p.columnField, p.name).length;
  return { rows: nRows + 3, cols: nCols + 2 };
}

export function pivotRef(p: PivotTableModel, cache: PivotCacheModel): string {
  const a = area(p, cache);
  return `${cellRef(p.row, p.col)}:${cellRef(p.row + a.rows - 1, p.col + a.cols - 1)}`;
}

const captions = (p: PivotTableModel) => ({
  rowHeader: p.rowHeaderCaption ?? 'Row Labels',
  colHeader: p.colHeaderCaption ?? 'Column Labels',
  grandTotal: p.grandTotalCaption ?? 'Grand Total',
  blank: p.blankCaption ?? '(blank)',
});

function itemList(n: number): string {
  let s = `<items count="${n + 1}">`;
  for (let i = 0; i < n; i++) s += `<item x="${i}"/>`;
  return s + '<item t="default"/></items>';
}

function axisItems(tag: string, n: number): string {
  let s = `<${tag} count="${n + 1}">`;
  for (let i = 0; i < n; i++) s += i ? `<i><x v="${i}"/></i>` : '<i><x/></i>';
  return s + `<i t="grand"><x/></i></${tag}>`;
}

export function pivotTableXml(p: PivotTableModel, cache: PivotCacheModel, cacheId: number): string {
  const c = captions(p);
  const hasCols = p.columnField !== undefined;
  const location = hasCols
    ? `<location ref="${pivotRef(p, cache)}" firstHeaderRow="1" firstDataRow="2" firstDataCol="1"/>`
    : `<location ref="${pivotRef(p, cache)}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>`;
  const fields = cache.fields
    .map((_f, i) => {
      const axis = i === p.rowField ? 'axisRow' : i === p.columnField ? 'axisCol' : null;
      const data = i === p.data.field ? ' dataField="1"' : '';
      if (!axis) return `<pivotField${data} showAll="0"/>`;
      return `<pivotField axis="${axis}"${data} showAll="0">${itemList(itemsOf(cache, i, p.name).length)}</pivotField>`;
    })
    .join('');
  const nRows = itemsOf(cache, p.rowField, p.name).length;
  let s =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    `name="${escapeAttr(p.name)}" cacheId="${cacheId}" applyNumberFormats="0" applyBorderFormats="0" ` +
    'applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" ' +
    `dataCaption="Values" grandTotalCaption="${escapeAttr(c.grandTotal)}" missingCaption="${escapeAttr(c.blank)}" ` +
    'updatedVersion="3" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="3" ' +
    'indent="0" outline="1" outlineData="1" multipleFieldFilters="0" ' +
    `rowHeaderCaption="${escapeAttr(c.rowHeader)}"${hasCols ? ` colHeaderCaption="${escapeAttr(c.colHeader)}"` : ''}>` +
    location +
    `<pivotFields count="${cache.fields.length}">${fields}</pivotFields>` +
    `<rowFields count="1"><field x="${p.rowField}"/></rowFields>` +
    axisItems('rowItems', nRows);
  if (hasCols)
    s +=
      `<colFields count="1"><field x="${p.columnField}"/></colFields>` +
      axisItems('colItems', itemsOf(cache, p.columnField as number, p.name).length);
  else s += '<colItems count="1"><i/></colItems>';
  s +=
    `<dataFields count="1"><dataField name="${escapeAttr(p.data.name)}" fld="${p.data.field}" ` +
    `subtotal="${p.data.summary}" baseField="0" baseItem="0"/></dataFields>` +
    `<pivotTableStyleInfo name="${escapeAttr(p.style ?? 'PivotStyleLight16')}" showRowHeaders="1" ` +
    'showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/>' +
    '</pivotTableDefinition>';
  return s;
}

interface Accumulator {
  count: number;
  sum: number;
  numbers: number;
  min: number;
  max: number;
}

function accumulator(): Accumulator {
  return { count: 0, sum: 0, numbers: 0, min: Infinity, max: -Infinity };
}

function add(a: Accumulator, v: PivotItemValue): void {
  if (v === null || v === '') return;
  a.count++;
  if (typeof v === 'number') {
    a.numbers++;
    a.sum += v;
    a.min = Math.min(a.min, v);
    a.max = Math.max(a.max, v);
  }
}

function figure(a: Accumulator, summary: PivotTableModel['data']['summary']): number | null {
  switch (summary) {
    case 'count':
      return a.count;
    case 'countNums':
      return a.numbers;
    case 'sum':
      return a.sum;
    case 'average':
      return a.numbers ? a.sum / a.numbers : null;
    case 'max':
      return a.numbers ? a.max : null;
    case 'min':
      return a.numbers ? a.min : null;
  }
}

/**
 * The pivot's cells as the spreadsheet would draw them, from the source records (each an array
 * aligned with the cache fields). Combinations without records stay empty, as in Excel.
 */
export function pivotRows(
  p: PivotTableModel,
  cache: PivotCacheModel,
  records: Iterable<readonly PivotItemValue[]>,
): RowModel[] {
  const c = captions(p);
  const rowItems = itemsOf(cache, p.rowField, p.name);
  const colItems = p.columnField !== undefined ? itemsOf(cache, p.columnField, p.name) : [];
  const index = (items: readonly PivotItemValue[]) => new Map(items.map((v, i) => [itemKey(v), i]));
  const rowIndex = index(rowItems);
  const colIndex = index(colItems);
  const nc = Math.max(colItems.length, 1);
  const cells: Accumulator[][] = rowItems.map(() => Array.from({ length: nc }, accumulator));
  const rowTotals = rowItems.map(accumulator);
  const colTotals = Array.from({ length: nc }, accumulator);
  const grand = accumulator();
  for (const rec of records) {
    const r = rowIndex.get(itemKey(rec[p.rowField] ?? null));
    if (r === undefined) continue;
    const k = p.columnField !== undefined ? colIndex.get(itemKey(rec[p.columnField] ?? null)) : 0;
    if (k === undefined) continue;
    const v = rec[p.data.field] ?? null;
    add(cells[r][k], v);
    add(rowTotals[r], v);
    add(colTotals[k], v);
    add(grand, v);
  }
  const text = (v: string): CellData => ({ t: 'text', v });
  const label = (v: PivotItemValue): CellData =>
    v === null || v === ''
      ? text(c.blank)
      : typeof v === 'number'
        ? { t: 'number', v }
        : typeof v === 'boolean'
          ? { t: 'bool', v }
          : text(v);
  const num = (a: Accumulator, blankWhenEmpty: boolean): CellData | null => {
    if (blankWhenEmpty && a.count === 0) return null;
    const f = figure(a, p.data.summary);
    return f === null ? null : { t: 'number', v: f };
  };
  const out: RowModel[] = [];
  let r = p.row;
  if (p.columnField !== undefined) {
    out.push({ r: r++, first: p.col, cells: [text(p.data.name), text(c.colHeader)] });
    out.push({
      r: r++,
      first: p.col,
      cells: [text(c.rowHeader), ...colItems.map(label), text(c.grandTotal)],
    });
  } else {
    out.push({ r: r++, first: p.col, cells: [text(c.rowHeader), text(p.data.name)] });
  }
  rowItems.forEach((item, i) => {
    const body = p.columnField !== undefined ? cells[i].map((a) => num(a, true)) : [];
    out.push({ r: r++, first: p.col, cells: [label(item), ...body, num(rowTotals[i], false)] });
  });
  const totals = p.columnField !== undefined ? colTotals.map((a) => num(a, false)) : [];
  out.push({ r: r++, first: p.col, cells: [text(c.grandTotal), ...totals, num(grand, false)] });
  return out;
}
