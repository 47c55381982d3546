/**
 * Merging returns from every tool agencies use (issue 13's "done when"): a return filled and saved
 * by openpyxl, the same re-saved by LibreOffice and by Gnumeric, and one edited the way Excel
 * saves (shared strings, a calc chain): each merged into the product's master and into a master
 * last saved by that producer. The master is read back by an independent reader (openpyxl) and
 * EVERY cell compared with what is expected; one history row per change; xmllint validates it.
 */
import JSZip from 'jszip';
import { columnHeader } from '../../src/model/columns';
import { isoToSerial } from '../../src/model/dates';
import { STATUS_LABELS } from '../../src/model/labels';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { splitWorkbook } from '../../src/xlsx/split';
import { gnumericResave, hasGnumeric } from '../support/gnumeric';
import { libreofficeResave, sofficeAvailable } from '../support/libreoffice';
import {
  hasOpenpyxl,
  openpyxlRead,
  openpyxlSave,
  type OpenpyxlCell,
  type OpenpyxlSheet,
} from '../support/openpyxl';
import { hasXmllint, validatePackage } from '../support/ooxml-validate';
import { buildMaster, fill, NV, taskEdits } from './merge-fixture';

type Producer = 'openpyxl' | 'libreoffice' | 'gnumeric' | 'excel';
const available: Record<Producer, boolean> = {
  openpyxl: hasOpenpyxl(),
  libreoffice: hasOpenpyxl() && sofficeAvailable(),
  gnumeric: hasOpenpyxl() && hasGnumeric(),
  excel: hasOpenpyxl(),
};

const DONE = STATUS_LABELS.done.vi;
const RESULT = 'Đã phê duyệt đề án\nvà triển khai';
/** What the agency types, as openpyxl reads the master's cells after the merge. */
const EDITS = [
  { task: 'IV.1.1', column: 'status' as const, value: DONE, expect: { value: DONE } },
  {
    task: 'IV.1.1',
    column: 'completedOn' as const,
    date: '2024-04-05',
    expect: { date: '2024-04-05T00:00:00' },
  },
  { task: 'IV.1.1', column: 'result' as const, value: RESULT, expect: { value: RESULT } },
  { task: 'IV.1.2', column: 'progress' as const, value: 40, expect: { value: 40 } },
  { task: 'IV.1.2', column: 'note' as const, value: 'Ghi chú của Sở', expect: { value: 'Ghi chú của Sở' } },
];

const inputs: Partial<Record<Producer, { master: Uint8Array; ret: Uint8Array }>> = {};
let productMaster: Uint8Array;
let cellsOf: Record<string, string> = {};

beforeAll(async () => {
  if (!available.openpyxl) return;
  productMaster = await buildMaster();
  const { files } = await splitWorkbook(productMaster);
  const copy = files.find((f) => f.agencyKey === NV)!.bytes;
  const { out } = await taskEdits(
    copy,
    EDITS.map((e) => [e.task, e.column, null]),
  );
  const refs = Object.keys(out);
  cellsOf = Object.fromEntries(EDITS.map((e, i) => [`${e.task}/${e.column}`, refs[i]]));
  const byOpenpyxl = openpyxlSave(
    copy,
    EDITS.map((e, i) =>
      e.date
        ? { sheet: 'Nhiệm vụ', set: refs[i], date: e.date }
        : { sheet: 'Nhiệm vụ', set: refs[i], value: e.value! },
    ),
  );
  inputs.openpyxl = { master: openpyxlSave(productMaster), ret: byOpenpyxl };
  const [lo, gn] = await Promise.all([
    available.libreoffice ? libreofficeResave({ master: productMaster, ret: byOpenpyxl }) : null,
    available.gnumeric ? gnumericResave({ master: productMaster, ret: byOpenpyxl }) : null,
  ]);
  if (lo) inputs.libreoffice = { master: lo.master, ret: lo.ret };
  if (gn) inputs.gnumeric = { master: gn.master, ret: gn.ret };
  // Excel's habits: edits through the shared-string table, and a calc chain in the master.
  const excelRet = await fill(
    copy,
    EDITS.map((e) => [e.task, e.column, e.date ? isoToSerial(e.date) : e.value!]),
  );
  inputs.excel = { master: await withCalcChain(productMaster), ret: excelRet };
}, 300_000);

async function withCalcChain(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(
    'xl/calcChain.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="O2" i="1"/><c r="O3"/></calcChain>',
  );
  const types = (await zip.file('[Content_Types].xml')!.async('string')).replace(
    '</Types>',
    '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
  );
  zip.file('[Content_Types].xml', types);
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(
    '</Relationships>',
    '<Relationship Id="rIdCalcChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
  );
  zip.file('xl/_rels/workbook.xml.rels', rels);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function sheet(book: OpenpyxlSheet[], name: string): OpenpyxlSheet {
  const s = book.find((b) => b.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Every cell of the master's task sheet after the merge: as before, except the merged ones. */
function expectEveryCell(before: OpenpyxlSheet, after: OpenpyxlSheet): void {
  const changed = new Map(EDITS.map((e) => [cellsOf[`${e.task}/${e.column}`], e.expect]));
  const refs = new Set([...Object.keys(before.cells), ...Object.keys(after.cells)]);
  for (const ref of refs) {
    const want = changed.get(ref);
    const got = after.cells[ref] as OpenpyxlCell | undefined;
    if (!want) {
      expect([ref, got]).toEqual([ref, before.cells[ref]]);
      continue;
    }
    if ('date' in want) expect([ref, got?.date?.slice(0, 19)]).toEqual([ref, want.date]);
    else expect([ref, got?.value]).toEqual([ref, want.value]);
  }
  for (const ref of changed.keys()) expect(after.cells[ref]).toBeDefined();
}

describe.each(['openpyxl', 'libreoffice', 'gnumeric', 'excel'] as Producer[])(
  'a return saved by %s',
  (producer) => {
    const run = available[producer] ? it : it.skip;
    run.each(['the product', producer] as const)(
      'merges into a master last saved by %s, every cell as expected',
      async (by) => {
        const input = inputs[producer]!;
        const master = by === 'the product' ? productMaster : input.master;
        const res = await mergeWorkbooks(
          { file: 'so-tong.xlsx', bytes: master },
          [{ file: 'so-noi-vu.xlsx', bytes: input.ret }],
          { now: new Date('2024-06-21T08:00:00Z') },
        );
        expect(res.plan.refused).toEqual([]);
        expect(res.plan.conflicts).toEqual([]);
        expect(res.plan.skipped).toEqual([]);
        expect(res.plan.changes.map((c) => `${c.taskId}/${c.column}`).sort()).toEqual(
          EDITS.map((e) => `${e.task}/${e.column}`).sort(),
        );
        const out = res.output as Uint8Array;
        const before = openpyxlRead(master);
        const after = openpyxlRead(out);
        expectEveryCell(sheet(before, 'Nhiệm vụ'), sheet(after, 'Nhiệm vụ'));
        // One history row per change, under the header row.
        const history = sheet(after, 'Lịch sử');
        const rows = new Set(Object.keys(history.cells).map((r) => Number(/\d+$/.exec(r)![0])));
        expect(rows.size).toBe(1 + EDITS.length);
        expect(Object.values(history.cells).map((c) => c.value)).toContain(columnHeader('result', 'vi'));
        // Every other sheet as it was.
        // Every other sheet as it was; the meta sheet only gains the merge's sync rows.
        for (const s of before) {
          if (s.name === 'Nhiệm vụ') continue;
          const now = sheet(after, s.name).cells;
          if (s.name === '_PlanTracker')
            for (const ref of Object.keys(s.cells)) expect(now[ref]).toEqual(s.cells[ref]);
          else expect(now).toEqual(s.cells);
        }
        if (hasXmllint()) expect(validatePackage(out)).toEqual([]);
      },
      120_000,
    );
  },
);
