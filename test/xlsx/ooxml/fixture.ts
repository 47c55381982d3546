/**
 * The workbook the reader and editor tests start from, written the way Excel writes it, and what
 * each of its cells holds. Every producer test re-saves this package with a real program and
 * checks what comes back against the same table.
 */
import { strToU8, zipSync } from 'fflate';
import {
  ExcelCell,
  excelLikePackage,
  ExcelLikeOptions,
  ExcelSheet,
  EXCEL_STYLE,
} from '../../support/excel-like';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * A one-sheet workbook of the fewest parts a reader needs, each written as given: the sheet
 * (by default A1 showing shared string 0), its name, and a shared string table when one is given.
 */
export function oneSheetWorkbook(parts: {
  sheet?: string;
  sheetName?: string;
  sharedStrings?: string;
}): Uint8Array {
  const sstRel =
    parts.sharedStrings === undefined
      ? ''
      : `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${SML}" xmlns:r="${REL}"><sheets><sheet name="${parts.sheetName ?? 'A'}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sstRel}</Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      parts.sheet ??
        `<worksheet xmlns="${SML}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    ),
  };
  if (parts.sharedStrings !== undefined) files['xl/sharedStrings.xml'] = strToU8(parts.sharedStrings);
  return zipSync(files);
}

/** A one-sheet workbook whose shared string table is `sst`, written as given (A1 shows item 0). */
export function workbookWithStrings(sst: string): Uint8Array {
  return oneSheetWorkbook({ sharedStrings: sst });
}

export const DATA = 'Dữ liệu';
export const HIDDEN = 'Ẩn';
export const META = '_Meta';

/** 2024-03-15 and 2023-03-15, as 1900-system serials. */
export const MARCH_15_2024 = 45366;
export const MARCH_15_2023 = 45000;

export const CELLS: Record<string, ExcelCell> = {
  A1: 'Mã nhiệm vụ',
  B1: { rich: [{ text: 'Tiến ', bold: true }, { text: 'độ' }] },
  C1: { rich: [{ text: '漢' }], phonetic: 'かん' },
  D1: 'dòng 1\ndòng 2',
  E1: ' khoảng trắng ',
  F1: 'A & B <C> "D"',
  A2: 42,
  B2: 3.5,
  C2: { date: MARCH_15_2024, style: 'builtinDate' },
  D2: { date: MARCH_15_2024 + 0.5, style: 'dateTime' },
  E2: { date: MARCH_15_2023, style: 'customDate' },
  F2: -0.25,
  G2: { inline: 'Nội dung nội tuyến' },
  A3: true,
  B3: false,
  C3: { formula: '1/0', result: { error: '#DIV/0!' } },
  D3: { formula: 'A2*2' },
  E3: { formula: 'A2+1', result: 43 },
  F3: { formula: 'A1&"!"', result: 'Mã nhiệm vụ!' },
  G3: { error: '#N/A' },
  H3: { formula: 'A2>40', result: true },
  A5: 1,
  A6: 2,
  A7: 3,
  A8: 4,
  A9: 5,
  B5: { formula: 'A5*2', result: 2, sharedRef: 'B5:B9', si: 0 },
  B6: { sharedChild: 0, result: 4 },
  B7: { sharedChild: 0, result: 6 },
  B8: { sharedChild: 0, result: 8 },
  B9: { sharedChild: 0, result: 10 },
  C5: { empty: true, style: EXCEL_STYLE.bold },
};

export const SHEETS: ExcelSheet[] = [
  { name: DATA, cells: CELLS, tables: [{ name: 'BangSo', ref: 'A5:B9', columns: ['Số', 'Gấp đôi'] }] },
  { name: HIDDEN, state: 'hidden', cells: { A1: 'ẩn' } },
  { name: META, state: 'veryHidden', cells: { A1: 'format', B1: 'plan-tracker-meta/1' } },
];

export const DEFINED_NAMES = [
  { name: 'NgayBaoCao', formula: `'${DATA}'!$C$2` },
  { name: 'Rieng', formula: `'${DATA}'!$A$1`, localSheetId: 0 },
  { name: 'An', formula: `'${DATA}'!$A$2`, hidden: true },
];

export function excelFixture(options: ExcelLikeOptions = {}): Uint8Array {
  return excelLikePackage(SHEETS, { definedNames: DEFINED_NAMES, ...options });
}

/** What each cell of the data sheet holds, as the reader reports it. */
export interface Expected {
  kind: 'number' | 'text' | 'boolean' | 'error' | 'empty';
  value: number | string | boolean | null;
  isDate?: boolean;
  hasFormula?: boolean;
}

export const EXPECTED: Record<string, Expected> = {
  A1: { kind: 'text', value: 'Mã nhiệm vụ' },
  B1: { kind: 'text', value: 'Tiến độ' },
  C1: { kind: 'text', value: '漢' },
  D1: { kind: 'text', value: 'dòng 1\ndòng 2' },
  E1: { kind: 'text', value: ' khoảng trắng ' },
  F1: { kind: 'text', value: 'A & B <C> "D"' },
  A2: { kind: 'number', value: 42 },
  B2: { kind: 'number', value: 3.5 },
  C2: { kind: 'number', value: MARCH_15_2024, isDate: true },
  D2: { kind: 'number', value: MARCH_15_2024 + 0.5, isDate: true },
  E2: { kind: 'number', value: MARCH_15_2023, isDate: true },
  F2: { kind: 'number', value: -0.25 },
  G2: { kind: 'text', value: 'Nội dung nội tuyến' },
  A3: { kind: 'boolean', value: true },
  B3: { kind: 'boolean', value: false },
  C3: { kind: 'error', value: '#DIV/0!', hasFormula: true },
  D3: { kind: 'empty', value: null, hasFormula: true },
  E3: { kind: 'number', value: 43, hasFormula: true },
  F3: { kind: 'text', value: 'Mã nhiệm vụ!', hasFormula: true },
  G3: { kind: 'error', value: '#N/A' },
  H3: { kind: 'boolean', value: true, hasFormula: true },
  A5: { kind: 'number', value: 1 },
  A6: { kind: 'number', value: 2 },
  A7: { kind: 'number', value: 3 },
  A8: { kind: 'number', value: 4 },
  A9: { kind: 'number', value: 5 },
  B5: { kind: 'number', value: 2, hasFormula: true },
  B6: { kind: 'number', value: 4, hasFormula: true },
  B7: { kind: 'number', value: 6, hasFormula: true },
  B8: { kind: 'number', value: 8, hasFormula: true },
  B9: { kind: 'number', value: 10, hasFormula: true },
};

export type Producer = 'excel' | 'excel-x' | 'excel-strict' | 'openpyxl' | 'libreoffice' | 'gnumeric';

/** What each producer legitimately changes in the fixture's cells. */
export function expectedFor(producer: Producer): Record<string, Expected> {
  const e: Record<string, Expected> = structuredClone(EXPECTED);
  if (producer === 'openpyxl') {
    // openpyxl keeps formulas but never saves their results.
    for (const ref of Object.keys(e))
      if (e[ref].hasFormula) e[ref] = { kind: 'empty', value: null, hasFormula: true };
  }
  if (producer === 'libreoffice' || producer === 'gnumeric') {
    // Both compute a formula saved without a result when they load it.
    e.D3 = { kind: 'number', value: 84, hasFormula: true };
  }
  if (producer === 'libreoffice') {
    // Calc saves TRUE and FALSE as the formulas TRUE() and FALSE(), and an error constant as a formula.
    e.A3.hasFormula = true;
    e.B3.hasFormula = true;
    e.G3.hasFormula = true;
  }
  return e;
}
