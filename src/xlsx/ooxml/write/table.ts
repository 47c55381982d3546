import { escapeAttr, escapeXml } from '../xml';
import type { TableModel } from './model';
import { parseRange } from './refs';

/** A table part (xl/tables/tableN.xml). */

// Excel's rules for a table name: a letter, "_" or "\" first, then letters, digits, "_", "."; and
// not something that reads as a cell reference (A1, R1C1).
const NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;
const LOOKS_LIKE_REF = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

export function checkTable(t: TableModel): void {
  if (!NAME.test(t.name) || LOOKS_LIKE_REF.test(t.name) || t.name.length > 255)
    throw new RangeError(`invalid table name: ${t.name}`);
  const box = parseRange(t.ref);
  if (box.right - box.left + 1 !== t.columns.length)
    throw new RangeError(`table ${t.name}: ${t.columns.length} columns for ${t.ref}`);
  if (box.bottom === box.top) throw new RangeError(`table ${t.name} needs a data row below its header`);
  const seen = new Set<string>();
  for (const c of t.columns) {
    const key = c.name.toLocaleLowerCase();
    if (!c.name.trim() || seen.has(key)) throw new RangeError(`table ${t.name}: column name "${c.name}"`);
    seen.add(key);
  }
}

export function tableXml(t: TableModel, id: number): string {
  let s =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeAttr(t.name)}" displayName="${escapeAttr(t.name)}" ref="${t.ref}" totalsRowShown="0">`;
  // Each column's button said explicitly: it is the default, but some readers (ExcelJS) take a
  // column without its filterColumn for one without a button.
  if (t.autoFilter !== false)
    s += `<autoFilter ref="${t.ref}">${t.columns.map((_c, i) => `<filterColumn colId="${i}" hiddenButton="0"/>`).join('')}</autoFilter>`;
  s += `<tableColumns count="${t.columns.length}">`;
  t.columns.forEach((c, i) => {
    s += `<tableColumn id="${i + 1}" name="${escapeAttr(c.name)}"`;
    s += c.calculatedFormula
      ? `><calculatedColumnFormula>${escapeXml(c.calculatedFormula)}</calculatedColumnFormula></tableColumn>`
      : '/>';
  });
  s += '</tableColumns>';
  if (t.style)
    s +=
      `<tableStyleInfo name="${escapeAttr(t.style)}" showFirstColumn="0" showLastColumn="0" ` +
      `showRowStripes="${t.rowStripes === false ? 0 : 1}" showColumnStripes="${t.columnStripes ? 1 : 0}"/>`;
  return s + '</table>';
}
