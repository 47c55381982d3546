/**
 * The merge failures of issues 13 and 20 that lost or corrupted data, each on files saved the way
 * another program saves them. Each of these tests failed on the code before the fix.
 */
import JSZip from 'jszip';
import { isoToSerial } from '../../src/model/dates';
import { STATUS_LABELS } from '../../src/model/labels';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { WorkbookEditor } from '../../src/xlsx/ooxml/edit/editor';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { hasOpenpyxl, openpyxlOpens, openpyxlRead, openpyxlSave } from '../support/openpyxl';
import { hasXmllint, validatePackage } from '../support/ooxml-validate';
import { buildMaster, fill, nvCopy, taskEdits, valueOf } from './merge-fixture';

const DONE = STATUS_LABELS.done.vi;
const DOING = STATUS_LABELS.in_progress.vi;
const NOW = new Date('2024-06-21T08:00:00Z');
const withOpenpyxl = hasOpenpyxl() ? it : it.skip;
const withXmllint = hasXmllint() ? it : it.skip;

/** Rewrites one part of a package (raw XML, as a producer would have written it). */
async function patchPart(
  bytes: Uint8Array,
  part: string,
  edit: (xml: string) => string,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, edit((await zip.file(part)?.async('string')) ?? ''));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Replaces a cell's XML in the first worksheet (the task sheet of the product's workbooks). */
async function setCellXml(bytes: Uint8Array, ref: string, xml: string): Promise<Uint8Array> {
  return patchPart(bytes, 'xl/worksheets/sheet1.xml', (s) => {
    const re = new RegExp(`<c r="${ref}"[^>]*?(/>|>[\\s\\S]*?</c>)`);
    if (!re.test(s)) throw new Error(`no cell ${ref}`);
    return s.replace(re, xml);
  });
}

async function addressOf(bytes: Uint8Array, taskId: string, column: Parameters<typeof valueOf>[2]) {
  const { out } = await taskEdits(bytes, [[taskId, column, null]]);
  return Object.keys(out)[0];
}

async function merge(master: Uint8Array, returns: Record<string, Uint8Array>, opts = {}) {
  return mergeWorkbooks(
    { file: 'master.xlsx', bytes: master },
    Object.entries(returns).map(([file, bytes]) => ({ file, bytes })),
    { now: NOW, ...opts },
  );
}

/** The plan's lists of values not taken, whatever the code calls them. */
function skippedOf(res: Awaited<ReturnType<typeof merge>>): { code: string; cell: string; value: unknown }[] {
  return (
    (res.plan as unknown as { skipped?: { code: string; cell: string; value: unknown }[] }).skipped ?? []
  );
}

describe('issue 13.1 and 13.2: workbooks saved by openpyxl', () => {
  withOpenpyxl(
    'a return and a master saved by openpyxl merge, and the master still opens everywhere',
    async () => {
      const master = openpyxlSave(await buildMaster());
      const ret = openpyxlSave(
        await fill(await nvCopy(await buildMaster()), [['IV.1.1', 'result', 'Đã ban hành']]),
      );
      const res = await merge(master, { 'nv.xlsx': ret });
      expect(res.plan.refused).toEqual([]);
      expect(res.plan.changes.map((c) => [c.taskId, c.column, c.new])).toEqual([
        ['IV.1.1', 'result', 'Đã ban hành'],
      ]);
      const out = res.output as Uint8Array;
      // The master's workbook.xml must stay well-formed and valid for openpyxl (13.2).
      expect(openpyxlOpens(out)).toEqual({ ok: true });
      if (hasXmllint()) expect(validatePackage(out)).toEqual([]);
      const sheets = openpyxlRead(out);
      const tasks = sheets.find((s) => s.name === 'Nhiệm vụ')!;
      const cell = await addressOf(out, 'IV.1.1', 'result');
      expect(tasks.cells[cell].value).toBe('Đã ban hành');
      expect(sheets.find((s) => s.name === 'Lịch sử')).toBeDefined();
    },
  );
});

describe('issue 13.3: calcChain', () => {
  withXmllint('a formula cell replaced by a merge takes calcChain.xml with it', async () => {
    const built = await buildMaster();
    const ret = await fill(await nvCopy(built), [['IV.1.1', 'note', 'đã xong']]);
    // The office typed a formula into the note cell, which Excel lists in its calc chain.
    const ref = await addressOf(built, 'IV.1.1', 'note');
    const editor = WorkbookEditor.open(built);
    editor.sheet('Nhiệm vụ').set(ref, { formula: '"ghi"&"chú"' });
    let master = editor.save();
    master = await patchPart(
      master,
      'xl/calcChain.xml',
      () =>
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="${ref}" i="1"/></calcChain>`,
    );
    master = await patchPart(master, '[Content_Types].xml', (x) =>
      x.replace(
        '</Types>',
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
    );
    master = await patchPart(master, 'xl/_rels/workbook.xml.rels', (x) =>
      x.replace(
        '</Relationships>',
        '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    const res = await merge(master, { 'nv.xlsx': ret });
    const out = await JSZip.loadAsync(res.output as Uint8Array);
    expect(out.file('xl/calcChain.xml')).toBeNull();
    expect(await out.file('[Content_Types].xml')?.async('string')).not.toContain('calcChain');
    expect(await out.file('xl/_rels/workbook.xml.rels')?.async('string')).not.toContain('calcChain');
    expect(await valueOf(res.output as Uint8Array, 'IV.1.1', 'note')).toBe('đã xong');
    expect(validatePackage(res.output as Uint8Array)).toEqual([]);
  });
});

describe('issue 13.5: invalid values are reported, not merged', () => {
  it('lists a near-miss status, a text date and progress 150 with their cells; --accept-invalid writes them', async () => {
    const master = await buildMaster();
    const ret = await fill(await nvCopy(master), [
      ['IV.1.1', 'status', 'hoan thanh'],
      ['IV.1.1', 'completedOn', '15/03/2024'],
      ['IV.1.2', 'progress', 150],
      ['IV.1.2', 'note', 'đúng'],
    ]);
    const res = await merge(master, { 'nv.xlsx': ret });
    expect(res.plan.changes.map((c) => [c.taskId, c.column])).toEqual([['IV.1.2', 'note']]);
    const skipped = skippedOf(res);
    expect(skipped.map((k) => [k.code, k.cell, k.value])).toEqual([
      ['invalid', await addressOf(ret, 'IV.1.1', 'status'), 'hoan thanh'],
      ['invalid', await addressOf(ret, 'IV.1.1', 'completedOn'), '15/03/2024'],
      ['invalid', await addressOf(ret, 'IV.1.2', 'progress'), 150],
    ]);
    // The suggestions of the checks come along (the intended status, the date as a date).
    expect((skipped[0] as { suggestion?: unknown }).suggestion).toBe(DONE);
    expect((skipped[1] as { suggestion?: unknown }).suggestion).toBe(isoToSerial('2024-03-15'));
    expect(await valueOf(res.output as Uint8Array, 'IV.1.1', 'status')).toBeNull();

    const accepted = await merge(master, { 'nv.xlsx': ret }, { acceptInvalid: true });
    expect(skippedOf(accepted)).toEqual([]);
    expect(await valueOf(accepted.output as Uint8Array, 'IV.1.2', 'progress')).toBe(150);
    expect(accepted.history.filter((h) => h.note?.vi.includes('--accept-invalid')).length).toBe(3);
  });
});

describe('issue 20.1: a sheet whose last row is 1,048,576', () => {
  it('reads and merges a return with rows 1048575–1048576 (as LibreOffice writes after a row is deleted)', async () => {
    const master = await buildMaster();
    let ret = await fill(await nvCopy(master), [['IV.1.1', 'note', 'sau khi xoá dòng']]);
    ret = await patchPart(ret, 'xl/worksheets/sheet1.xml', (x) =>
      x.replace(
        '</sheetData>',
        '<row r="1048575" s="1" customFormat="true" ht="12.8"><c r="A1048575" s="1"/></row><row r="1048576" s="1" customFormat="true" ht="12.8"><c r="O1048576" s="1"/></row></sheetData>',
      ),
    );
    const back = await readTrackingWorkbook(ret);
    expect(back.snapshot.rows).toHaveLength(2);
    const res = await merge(master, { 'nv.xlsx': ret });
    expect(res.plan.changes.map((c) => c.new)).toEqual(['sau khi xoá dòng']);
  }, 20_000);
});

describe('issue 20.2: typed values are never dropped silently', () => {
  withOpenpyxl('lists a row typed below the table and a row whose id was cleared, cell by cell', async () => {
    const master = await buildMaster();
    const copy = await nvCopy(master);
    const idCell = await addressOf(copy, 'IV.1.2', 'taskId');
    const resultCell = await addressOf(copy, 'IV.1.2', 'result');
    const below = (col: string) => `${col}${Number(/\d+$/.exec(resultCell)![0]) + 5}`;
    const resultCol = resultCell.replace(/\d+$/, '');
    const ret = openpyxlSave(copy, [
      { sheet: 'Nhiệm vụ', set: idCell, value: null },
      { sheet: 'Nhiệm vụ', set: resultCell, value: 'Đã tổ chức 3 lớp' },
      { sheet: 'Nhiệm vụ', set: below('F'), value: 'Việc phát sinh: kiểm tra hồ sơ' },
      { sheet: 'Nhiệm vụ', set: below(resultCol), value: 'Đã kiểm tra 20 hồ sơ' },
    ]);
    const res = await merge(master, { 'nv.xlsx': ret });
    expect(res.plan.changes).toEqual([]);
    const listed = skippedOf(res).map((k) => [k.code, k.cell, k.value]);
    expect(listed).toContainEqual(['no-id', resultCell, 'Đã tổ chức 3 lớp']);
    expect(listed).toContainEqual(['below-table', below(resultCol), 'Đã kiểm tra 20 hồ sơ']);
    // Every value of those two rows that a merge would take is listed, and nothing else.
    const rows = new Set([resultCell, below(resultCol)].map((c) => /\d+$/.exec(c)![0]));
    for (const [, cell] of listed) expect(rows.has(/\d+$/.exec(String(cell))![0])).toBe(true);
  });
});

describe('issue 20.3: formula cells never erase master values', () => {
  withOpenpyxl(
    'a formula saved without its result (openpyxl) and an error result are reported, not changes',
    async () => {
      const built = await buildMaster();
      const master = await fill(built, [
        ['IV.1.1', 'progress', 30],
        ['IV.1.2', 'progress', 60],
      ]);
      const copy = await nvCopy(master);
      const p1 = await addressOf(copy, 'IV.1.1', 'progress');
      const p2 = await addressOf(copy, 'IV.1.2', 'progress');
      let ret = openpyxlSave(copy, [{ sheet: 'Nhiệm vụ', set: p1, formula: '=20+20' }]);
      // An error result, as Excel saves =1/0.
      ret = await setCellXml(ret, p2, `<c r="${p2}" t="e"><f>1/0</f><v>#DIV/0!</v></c>`);
      const res = await merge(master, { 'nv.xlsx': ret });
      expect(res.plan.changes).toEqual([]);
      expect(skippedOf(res).map((k) => [k.code, k.cell])).toEqual([
        ['formula-without-value', p1],
        ['error-value', p2],
      ]);
      expect(res.output).toBeNull();
    },
  );
});

describe('issue 20.4: two returns of the same copy', () => {
  async function setUp() {
    const master = await buildMaster();
    const copy = await nvCopy(master);
    return { master, copy };
  }

  it('filled in parallel: the cell both changed differently is a conflict, in one call and across runs', async () => {
    const { master, copy } = await setUp();
    const a = await fill(copy, [
      ['IV.1.1', 'result', 'Bản của anh A'],
      ['IV.1.2', 'note', 'A'],
    ]);
    const b = await fill(copy, [
      ['IV.1.1', 'result', 'Bản của chị B'],
      ['IV.1.1', 'status', DOING],
    ]);
    const once = await merge(master, { 'a.xlsx': a, 'b.xlsx': b });
    expect(once.plan.conflicts.map((c) => [c.file, c.column, c.master, c.return])).toEqual([
      ['b.xlsx', 'result', 'Bản của anh A', 'Bản của chị B'],
    ]);
    expect(once.output).toBeNull();

    const first = await merge(master, { 'a.xlsx': a });
    const second = await merge(first.output as Uint8Array, { 'b.xlsx': b });
    expect(second.plan.conflicts.map((c) => [c.column, c.master, c.return])).toEqual([
      ['result', 'Bản của anh A', 'Bản của chị B'],
    ]);
    // --prefer master keeps A's result and still takes B's other change.
    const kept = await merge(first.output as Uint8Array, { 'b.xlsx': b }, { prefer: 'master' });
    expect(await valueOf(kept.output as Uint8Array, 'IV.1.1', 'result')).toBe('Bản của anh A');
    expect(await valueOf(kept.output as Uint8Array, 'IV.1.1', 'status')).toBe(DOING);
  });

  it('the same file sent again next quarter builds on its earlier return: no conflict', async () => {
    const { master, copy } = await setUp();
    const q1 = await fill(copy, [
      ['IV.1.1', 'status', DOING],
      ['IV.1.1', 'result', 'Quý I: đang rà soát'],
      ['IV.1.2', 'note', 'Đã mở lớp'],
    ]);
    const q2 = await fill(q1, [
      ['IV.1.1', 'status', DONE],
      ['IV.1.1', 'completedOn', isoToSerial('2024-05-20')],
      ['IV.1.1', 'result', 'Quý II: đã phê duyệt'],
    ]);
    const first = await merge(master, { 'q1.xlsx': q1 });
    const second = await merge(first.output as Uint8Array, { 'q2.xlsx': q2 });
    expect(second.plan.conflicts).toEqual([]);
    expect(second.plan.changes.map((c) => [c.column, c.new])).toEqual([
      ['status', DONE],
      ['completedOn', isoToSerial('2024-05-20')],
      ['result', 'Quý II: đã phê duyệt'],
    ]);
    // Both in one call, in order: the same.
    const both = await merge(master, { 'q1.xlsx': q1, 'q2.xlsx': q2 });
    expect(both.plan.conflicts).toEqual([]);
    expect(await valueOf(both.output as Uint8Array, 'IV.1.1', 'result')).toBe('Quý II: đã phê duyệt');
  });

  it('the same return given twice is merged once, with a notice', async () => {
    const { master, copy } = await setUp();
    const a = await fill(copy, [['IV.1.1', 'result', 'Một lần']]);
    const res = await merge(master, { 'a.xlsx': a, 'a (1).xlsx': a });
    expect(res.plan.conflicts).toEqual([]);
    expect(res.plan.changes).toHaveLength(1);
    expect(res.plan.notices.map((n) => n.message.vi).join('\n')).toMatch(
      /"a \(1\)\.xlsx" giống hệt "a\.xlsx"/,
    );
  });

  it('a return given again after another of its copy is told from that one and merged once', async () => {
    const { master, copy } = await setUp();
    const q1 = await fill(copy, [['IV.1.1', 'result', 'Quý I']]);
    const q2 = await fill(q1, [['IV.1.2', 'note', 'Quý II']]);
    const res = await merge(master, { 'q1.xlsx': q1, 'q2.xlsx': q2, 'q1 (1).xlsx': q1 });
    expect(res.plan.conflicts).toEqual([]);
    expect(res.plan.files.map((f) => f.file)).toEqual(['q1.xlsx', 'q2.xlsx']);
    expect(res.plan.changes.map((c) => [c.file, c.column, c.new])).toEqual([
      ['q1.xlsx', 'result', 'Quý I'],
      ['q2.xlsx', 'note', 'Quý II'],
    ]);
    const twice = res.plan.notices.filter((n) => n.message.vi.includes('giống hệt'));
    expect(twice.map((n) => n.message.vi)).toEqual([
      '"q1 (1).xlsx" giống hệt "q1.xlsx" (cùng một bản trả về, gửi hai lần); chỉ gộp một lần.',
    ]);
  });
});

describe('issue 20.6: exact comparison', () => {
  it('a line break added inside a result is a change', async () => {
    const master = await fill(await buildMaster(), [['IV.1.1', 'result', 'Đã ban hành kế hoạch']]);
    const copy = await nvCopy(master);
    const ret = await fill(copy, [['IV.1.1', 'result', 'Đã ban hành\nkế hoạch']]);
    const res = await merge(master, { 'nv.xlsx': ret });
    expect(res.plan.changes.map((c) => [c.column, c.old, c.new])).toEqual([
      ['result', 'Đã ban hành kế hoạch', 'Đã ban hành\nkế hoạch'],
    ]);
    expect(await valueOf(res.output as Uint8Array, 'IV.1.1', 'result')).toBe('Đã ban hành\nkế hoạch');
  });
});

describe('issue 20.7: an agency that edited a task text', () => {
  it('keeps its values and lists the text edit as a notice', async () => {
    const master = await buildMaster();
    const ret = await fill(await nvCopy(master), [
      ['IV.1.1', 'text', 'Hoàn toàn khác: tổ chức hội nghị tổng kết'],
      ['IV.1.1', 'result', 'Đã tổ chức'],
    ]);
    const res = await merge(master, { 'nv.xlsx': ret });
    expect(res.plan.refused).toEqual([]);
    expect(res.plan.changes.map((c) => [c.column, c.new])).toEqual([['result', 'Đã tổ chức']]);
    expect(res.plan.notices.map((n) => n.column)).toContain('text');
    expect(res.plan.notices.find((n) => n.column === 'text')?.message.vi).toContain('Nội dung nhiệm vụ');
  });
});
