/**
 * Reading a 10,000-task tracking workbook end to end: the package reader (src/xlsx/ooxml), ExcelJS
 * on the same bytes, and a floor measured in the same run — raw unzip of the same parts plus the
 * fastest scan of their XML this file can do (indexOf, no tolerance, not shipped). The reader's
 * budget is 1.5× the floor.
 */
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { parsePlan } from '../src/plan/parse';
import { buildWorkbookSpec } from '../src/workbook/build';
import { SHEET_NAMES, TABLE_NAME } from '../src/workbook/labels';
import { openWorkbook } from '../src/xlsx/ooxml/read';
import type { Inflater } from '../src/xlsx/ooxml/zip';
import { writeXlsx } from '../src/xlsx/write';
import { sampleText, scalePlan } from './generate';
import { Result, timeMedian } from './measure';

/** What a command reads from a tracking workbook: the task table, the meta sheet, the report date. */
export interface ReadOutcome {
  cells: number;
  text: number;
}

/** The package reader as a command will use it: one opening, three sheets, nothing else. */
export function readWithReader(bytes: Uint8Array, inflate?: Inflater): ReadOutcome {
  const wb = openWorkbook(bytes, { fileName: 'bench.xlsx', inflate });
  const found = wb.findTable(TABLE_NAME);
  if (!found) throw new Error('no task table');
  const out: ReadOutcome = { cells: 0, text: 0 };
  const count = (sheet: Parameters<typeof wb.readRows>[0], rows?: [number, number]) => {
    wb.forEachRow(sheet, { rows }, (row) => {
      for (const c of row.cells) {
        if (c.kind === 'empty') continue;
        out.cells++;
        if (typeof c.value === 'string') out.text += c.value.length;
      }
    });
  };
  count(found.sheet);
  const meta = wb.sheet(SHEET_NAMES.vi.meta);
  if (meta) count(meta);
  const date = wb.resolveName('NgayBaoCao');
  if (date) count(date.sheet, [date.range.top, date.range.top]);
  return out;
}

export async function readWithExcelJS(bytes: Uint8Array): Promise<ReadOutcome> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: ReadOutcome = { cells: 0, text: 0 };
  for (const name of [SHEET_NAMES.vi.tasks, SHEET_NAMES.vi.meta]) {
    wb.getWorksheet(name)?.eachRow((row) =>
      row.eachCell((cell) => {
        out.cells++;
        if (typeof cell.value === 'string') out.text += cell.value.length;
      }),
    );
  }
  return out;
}

/** Shared strings by indexOf: every `<t…>…</t>` inside each `<si>`, runs joined. */
function floorStrings(xml: string): string[] {
  const out: string[] = [];
  let i = xml.indexOf('<si>');
  while (i >= 0) {
    const end = xml.indexOf('</si>', i);
    let text = '';
    let t = xml.indexOf('<t', i);
    while (t >= 0 && t < end) {
      const gt = xml.indexOf('>', t);
      const close = xml.indexOf('</t>', gt);
      text += xml.slice(gt + 1, close);
      t = xml.indexOf('<t', close + 4);
    }
    out.push(text);
    i = xml.indexOf('<si>', end);
  }
  return out;
}

/** Cells by indexOf: each `<c`, its type, its `<v>`; shared strings looked up. */
function floorCells(xml: string, strings: string[], out: ReadOutcome): void {
  let i = xml.indexOf('<c ');
  while (i >= 0) {
    const gt = xml.indexOf('>', i);
    if (xml.charCodeAt(gt - 1) !== 47) {
      const close = xml.indexOf('</c>', gt);
      const v = xml.indexOf('<v>', gt);
      if (v >= 0 && v < close) {
        const value = xml.slice(v + 3, xml.indexOf('</v>', v));
        out.cells++;
        const t = xml.indexOf(' t="', i);
        if (t >= 0 && t < gt && xml.charCodeAt(t + 4) === 115 && xml.charCodeAt(t + 5) === 34)
          out.text += strings[Number(value)].length;
      }
      i = xml.indexOf('<c ', close);
    } else i = xml.indexOf('<c ', gt);
  }
}

/**
 * The floor: unzip the same parts the reader needs, decode, scan with indexOf; of the sheet
 * holding the report date only its row, as the reader does.
 */
export function readFloor(
  bytes: Uint8Array,
  parts: string[],
  dateSheet: string,
  dateRow: number,
): ReadOutcome {
  const wanted = new Set(parts);
  const files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  const decoder = new TextDecoder();
  const strings = floorStrings(decoder.decode(files['xl/sharedStrings.xml']));
  const out: ReadOutcome = { cells: 0, text: 0 };
  for (const p of parts) {
    if (!p.includes('worksheets/sheet')) continue;
    let xml = decoder.decode(files[p]);
    if (p === dateSheet) {
      const rows = [...xml.matchAll(/<row r="(\d+)"/g)];
      const from = rows.find((m) => Number(m[1]) >= dateRow)?.index ?? xml.length;
      const to = rows.find((m) => Number(m[1]) > dateRow)?.index ?? xml.length;
      xml = xml.slice(from, to);
    }
    floorCells(xml, strings, out);
  }
  return out;
}

export const zlibInflater: Inflater = (data, size) =>
  new Uint8Array(inflateRawSync(data, { maxOutputLength: size + 1 }));

export async function tenThousandTasks(): Promise<Uint8Array> {
  const plan = scalePlan(parsePlan(sampleText()), 10_000);
  return writeXlsx(buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-06-14' }));
}

/** The parts a command reads, found by reading once, and where the report date is. */
function partsRead(bytes: Uint8Array): { parts: string[]; dateSheet: string; dateRow: number } {
  const wb = openWorkbook(bytes);
  const tasks = wb.findTable(TABLE_NAME)!.sheet;
  const date = wb.resolveName('NgayBaoCao')!;
  const parts = [
    wb.info.part,
    wb.info.sharedStringsPart!,
    wb.info.stylesPart!,
    tasks.part!,
    wb.sheet(SHEET_NAMES.vi.meta)!.part!,
    date.sheet.part!,
  ];
  return { parts, dateSheet: date.sheet.part!, dateRow: date.range.top };
}

export async function readBenchmark(): Promise<Result[]> {
  const bytes = await tenThousandTasks();
  const { parts, dateSheet, dateRow } = partsRead(bytes);
  const floorRun = () => readFloor(bytes, parts, dateSheet, dateRow);
  const size = '10000';
  // Warm-up, and a check that the three readers see the same workbook.
  const a = readWithReader(bytes);
  const b = floorRun();
  if (a.cells !== b.cells) throw new Error(`reader and floor disagree: ${JSON.stringify([a, b])}`);
  const runs = 9;
  const floor = await timeMedian(runs, floorRun);
  const reader = await timeMedian(runs, () => readWithReader(bytes));
  const readerZlib = await timeMedian(runs, () => readWithReader(bytes, zlibInflater));
  const exceljs = await timeMedian(3, () => readWithExcelJS(bytes));
  return [
    { name: 'read.fileSize', size, value: bytes.length / 1024, unit: 'KB' },
    { name: 'read.floor', size, value: floor, unit: 'ms' },
    { name: 'read.reader', size, value: reader, unit: 'ms' },
    { name: 'read.reader.ratio', size, value: reader / floor, unit: '× floor' },
    { name: 'read.reader.zlib', size, value: readerZlib, unit: 'ms' },
    { name: 'read.reader.zlib.ratio', size, value: readerZlib / floor, unit: '× floor' },
    { name: 'read.exceljs', size, value: exceljs, unit: 'ms' },
    { name: 'read.exceljs.ratio', size, value: exceljs / floor, unit: '× floor' },
  ];
}
