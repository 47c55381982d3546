import { escapeXml } from '../xml';
import type { DefinedNameModel, MarginsInches, PrintModel } from './model';
import { columnName, MAX_COLUMNS, MAX_ROWS, quoteSheet } from './refs';

/** Page setup of a worksheet: the elements after the data, and the print names of the workbook. */

/** Excel's own default margins (inches), used when none are given. */
export const DEFAULT_MARGINS: MarginsInches = {
  left: 0.7,
  right: 0.7,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};

const MM_PER_INCH = 25.4;

/** Margins given in millimetres (as Vietnamese document rules state them) in the file's inches. */
export function marginsFromMm(mm: MarginsInches): MarginsInches {
  const inch = (v: number) => Math.round((v / MM_PER_INCH) * 10000) / 10000;
  return {
    left: inch(mm.left),
    right: inch(mm.right),
    top: inch(mm.top),
    bottom: inch(mm.bottom),
    header: inch(mm.header),
    footer: inch(mm.footer),
  };
}

export function fitsToPage(print: PrintModel | undefined): boolean {
  return !!print && (print.fitToWidth !== undefined || print.fitToHeight !== undefined);
}

function breaksXml(tag: string, at: readonly number[], max: number): string {
  if (!at.length) return '';
  const brks = [...new Set(at)]
    .sort((a, b) => a - b)
    .map((id) => `<brk id="${id}" max="${max}" man="1"/>`)
    .join('');
  return `<${tag} count="${at.length}" manualBreakCount="${at.length}">${brks}</${tag}>`;
}

/** printOptions … colBreaks, in schema order. */
export function printXml(print: PrintModel | undefined): string {
  const p = print ?? {};
  let s = '';
  const options: string[] = [];
  if (p.horizontalCentered) options.push('horizontalCentered="1"');
  if (p.verticalCentered) options.push('verticalCentered="1"');
  if (p.gridLines) options.push('gridLines="1"');
  if (options.length) s += `<printOptions ${options.join(' ')}/>`;
  const m = p.margins ?? DEFAULT_MARGINS;
  s += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  const setup: string[] = [];
  if (p.paperSize !== undefined) setup.push(`paperSize="${p.paperSize}"`);
  if (p.scale !== undefined) setup.push(`scale="${p.scale}"`);
  if (p.firstPageNumber !== undefined)
    setup.push(`firstPageNumber="${p.firstPageNumber}"`, 'useFirstPageNumber="1"');
  // Both written: the schema's default for a missing one is 1, not "as many as needed".
  if (fitsToPage(p)) setup.push(`fitToWidth="${p.fitToWidth ?? 1}"`, `fitToHeight="${p.fitToHeight ?? 1}"`);
  if (p.orientation) setup.push(`orientation="${p.orientation}"`);
  if (setup.length) s += `<pageSetup ${setup.join(' ')}/>`;
  if (
    p.header !== undefined ||
    p.footer !== undefined ||
    p.firstHeader !== undefined ||
    p.firstFooter !== undefined
  ) {
    const first = p.firstHeader !== undefined || p.firstFooter !== undefined;
    s += `<headerFooter${first ? ' differentFirst="1"' : ''}>`;
    if (p.header !== undefined) s += `<oddHeader>${escapeXml(p.header)}</oddHeader>`;
    if (p.footer !== undefined) s += `<oddFooter>${escapeXml(p.footer)}</oddFooter>`;
    if (p.firstHeader !== undefined) s += `<firstHeader>${escapeXml(p.firstHeader)}</firstHeader>`;
    if (p.firstFooter !== undefined) s += `<firstFooter>${escapeXml(p.firstFooter)}</firstFooter>`;
    s += '</headerFooter>';
  }
  s += breaksXml('rowBreaks', p.rowBreaks ?? [], MAX_COLUMNS - 1);
  s += breaksXml(
    'colBreaks',
    (p.columnBreaks ?? []).map((c) => c + 1),
    MAX_ROWS - 1,
  );
  return s;
}

/** `_xlnm.Print_Titles` and `_xlnm.Print_Area` of the sheet at `index`, when it asks for them. */
export function printNames(
  sheetName: string,
  index: number,
  print: PrintModel | undefined,
): DefinedNameModel[] {
  if (!print) return [];
  const sheet = quoteSheet(sheetName);
  const out: DefinedNameModel[] = [];
  const titles: string[] = [];
  if (print.titleColumns)
    titles.push(`${sheet}!$${columnName(print.titleColumns.first)}:$${columnName(print.titleColumns.last)}`);
  if (print.titleRows) titles.push(`${sheet}!$${print.titleRows.first}:$${print.titleRows.last}`);
  if (titles.length) out.push({ name: '_xlnm.Print_Titles', ref: titles.join(','), localSheet: index });
  if (print.area) {
    const abs = print.area.replace(/\$/g, '').replace(/([A-Z]+)(\d+)/gi, '$$$1$$$2');
    out.push({ name: '_xlnm.Print_Area', ref: `${sheet}!${abs}`, localSheet: index });
  }
  return out;
}
