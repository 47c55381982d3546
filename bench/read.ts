/**
 * Reading a 10,000-task tracking workbook end to end: the package reader (src/xlsx/ooxml), ExcelJS
 * on the same bytes, and a floor measured in the same run — raw unzip of the same parts plus the
 * fastest scan of their XML this file can do (indexOf, no tolerance, not shipped). The reader's
 * budget is 1.5× the floor.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { parsePlan } from '../src/plan/parse';
import { buildWorkbookSpec } from '../src/workbook/build';
import { SHEET_NAMES, TABLE_NAME } from '../src/workbook/names';
import { openWorkbook } from '../src/xlsx/ooxml/read';
import { writeXlsx } from '../src/xlsx/write';
import { sampleText, scalePlan } from './generate';
import { median, Result } from './measure';

/** What a command reads from a tracking workbook: the task table, the meta sheet, the report date. */
export interface ReadOutcome {
  cells: number;
  text: number;
}

/** The package reader as a command will use it: one opening, three sheets, nothing else. */
export function readWithReader(bytes: Uint8Array): ReadOutcome {
  const wb = openWorkbook(bytes, { fileName: 'bench.xlsx' });
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
  const meta = wb.sheet(SHEET_NAMES.meta.vi);
  if (meta) count(meta);
  const date = wb.resolveName('NgayBaoCao');
  if (date) count(date.sheet, [date.range.top, date.range.top]);
  return out;
}

export async function readWithExcelJS(bytes: Uint8Array): Promise<ReadOutcome> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: ReadOutcome = { cells: 0, text: 0 };
  for (const name of [SHEET_NAMES.tasks.vi, SHEET_NAMES.meta.vi]) {
    wb.getWorksheet(name)?.eachRow((row) =>
      row.eachCell((cell) => {
        out.cells++;
        if (typeof cell.value === 'string') out.text += cell.value.length;
      }),
    );
  }
  return out;
}

/** Shared strings by indexOf on the decoded table: every `<t…>…</t>` inside each `<si>`, runs joined. */
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

const DECODER = new TextDecoder();

/**
 * Cells by indexOf on the sheet's bytes, nothing decoded but values: each `<c `, whether it is
 * `t="s"`, its `<v>`; shared-string indexes parsed in place, other values decoded.
 */
function floorCells(b: Uint8Array, from: number, to: number, strings: string[], out: ReadOutcome): void {
  let i = b.indexOf(60, from);
  while (i >= 0 && i < to) {
    if (b[i + 1] !== 99 || b[i + 2] !== 32) {
      i = b.indexOf(60, i + 1);
      continue;
    }
    const gt = b.indexOf(62, i);
    if (b[gt - 1] === 47) {
      i = b.indexOf(60, gt);
      continue;
    }
    let shared = false;
    for (let j = i + 3; j < gt; j++) {
      if (b[j] === 116 && b[j + 1] === 61 && b[j + 2] === 34 && b[j + 3] === 115 && b[j + 4] === 34) {
        shared = true;
        break;
      }
    }
    let v = b.indexOf(60, gt + 1);
    // A formula cell holds its cached result after the formula (`<f …/>` or `<f>…</f>`): the
    // reader reads that value, so the floor must too.
    if (b[v + 1] === 102) {
      const fEnd = b.indexOf(62, v);
      v = b[fEnd - 1] === 47 ? b.indexOf(60, fEnd) : b.indexOf(60, b.indexOf(60, fEnd) + 1);
    }
    if (b[v + 1] === 118 && b[v + 2] === 62) {
      const e = b.indexOf(60, v + 3);
      out.cells++;
      if (shared) {
        let n = 0;
        for (let k = v + 3; k < e; k++) n = n * 10 + b[k] - 48;
        out.text += strings[n].length;
      } else DECODER.decode(b.subarray(v + 3, e));
    }
    i = b.indexOf(60, v + 1);
  }
}

/** Where the rows of the report-date row start and end in the summary sheet's bytes. */
function rowBounds(b: Uint8Array, row: number): [number, number] {
  const xml = DECODER.decode(b);
  const rows = [...xml.matchAll(/<row r="(\d+)"/g)];
  const byteAt = (index: number | undefined) =>
    index === undefined ? b.length : new TextEncoder().encode(xml.slice(0, index)).length;
  return [
    byteAt(rows.find((m) => Number(m[1]) >= row)?.index),
    byteAt(rows.find((m) => Number(m[1]) > row)?.index),
  ];
}

/**
 * The floor: unzip the same parts the reader needs and scan their bytes with indexOf; of the
 * sheet holding the report date only its row, as the reader does.
 */
export function readFloor(
  bytes: Uint8Array,
  parts: string[],
  dateSheet: string,
  dateRow: [number, number],
): ReadOutcome {
  const wanted = new Set(parts);
  const files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  const strings = floorStrings(DECODER.decode(files['xl/sharedStrings.xml']));
  const out: ReadOutcome = { cells: 0, text: 0 };
  for (const p of parts) {
    if (!p.includes('worksheets/sheet')) continue;
    const b = files[p];
    const [from, to] = p === dateSheet ? dateRow : [0, b.length];
    floorCells(b, from, to, strings, out);
  }
  return out;
}

export async function tasksWorkbook(tasks: number): Promise<Uint8Array> {
  const plan = scalePlan(parsePlan(sampleText()), tasks);
  return writeXlsx(buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-06-14' }));
}

export const tenThousandTasks = () => tasksWorkbook(10_000);

/** The parts a command reads, found by reading once, and where the report date is. */
export function partsRead(bytes: Uint8Array): {
  parts: string[];
  dateSheet: string;
  dateRow: [number, number];
} {
  const wb = openWorkbook(bytes);
  const tasks = wb.findTable(TABLE_NAME)!.sheet;
  const date = wb.resolveName('NgayBaoCao')!;
  const parts = [
    wb.info.part,
    wb.info.sharedStringsPart!,
    wb.info.stylesPart!,
    tasks.part!,
    wb.sheet(SHEET_NAMES.meta.vi)!.part!,
    date.sheet.part!,
  ];
  const dateBytes = unzipSync(bytes, { filter: (f) => f.name === date.sheet.part })[date.sheet.part!];
  return { parts, dateSheet: date.sheet.part!, dateRow: rowBounds(dateBytes, date.range.top) };
}

/** CPU time (user + system) of one call, in ms: steadier than wall time on a shared machine. */
function cpuMs(fn: () => unknown): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Medians of interleaved runs, so a change in the machine's load touches every contender alike. */
function interleaved(runs: number, contenders: Record<string, () => unknown>): Record<string, number> {
  const times: Record<string, number[]> = {};
  for (const name of Object.keys(contenders)) times[name] = [];
  for (let i = 0; i < runs; i++)
    for (const [name, fn] of Object.entries(contenders)) times[name].push(cpuMs(fn));
  return Object.fromEntries(Object.entries(times).map(([name, t]) => [name, median(t)]));
}

export async function readBenchmark(): Promise<Result[]> {
  const bytes = await tenThousandTasks();
  const { parts, dateSheet, dateRow } = partsRead(bytes);
  const size = '10000';
  const floorRun = () => readFloor(bytes, parts, dateSheet, dateRow);
  // Warm-up, and a check that the reader and the floor see the same cells.
  for (let i = 0; i < 3; i++) {
    const a = readWithReader(bytes);
    const b = floorRun();
    // Same cells; the text lengths differ by the entities the floor leaves undecoded.
    if (a.cells !== b.cells) throw new Error(`reader and floor disagree: ${JSON.stringify([a, b])}`);
  }
  const t = interleaved(15, {
    floor: floorRun,
    reader: () => readWithReader(bytes),
  });
  const exceljsTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const before = process.cpuUsage();
    await readWithExcelJS(bytes);
    const used = process.cpuUsage(before);
    exceljsTimes.push((used.user + used.system) / 1000);
  }
  const exceljs = median(exceljsTimes);
  return [
    { name: 'read.fileSize', size, value: bytes.length / 1024, unit: 'KB' },
    { name: 'read.floor', size, value: t.floor, unit: 'ms cpu' },
    { name: 'read.reader', size, value: t.reader, unit: 'ms cpu' },
    { name: 'read.reader.ratio', size, value: t.reader / t.floor, unit: '× floor' },
    { name: 'read.exceljs', size, value: exceljs, unit: 'ms cpu' },
    { name: 'read.exceljs.ratio', size, value: exceljs / t.floor, unit: '× floor' },
  ];
}
