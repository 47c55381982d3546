/**
 * The text pool a merge shares between its master and its returns: a text is taken from the pool
 * only for bytes equal to those it was decoded from, and a pooled read gives the items an
 * ordinary read gives.
 */
import { openWorkbook } from '../../../src/xlsx/ooxml/read';
import { TextPool, textKey } from '../../../src/xlsx/ooxml/text-pool';
import { workbookWithStrings } from './fixture';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A workbook whose shared-string table holds `items` (the raw XML of each `<si>`). */
function workbook(items: string[]): Uint8Array {
  return workbookWithStrings(
    `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${SML}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`,
  );
}

const plain = (t: string) => `<si><t xml:space="preserve">${t}</t></si>`;
const LONG = 'Tổ chức quán triệt, triển khai thực hiện Nghị quyết đến toàn thể cán bộ, đảng viên';
// Same length in UTF-8 bytes, same first and last eight bytes and the same middle byte: the
// pool's key cannot tell the two apart, only the comparison of their bytes can.
const TWIN = LONG.replace('quán triệt', 'quán triệT');

describe('TextPool', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('finds a text by equal bytes anywhere, in another array', () => {
    const pool = new TextPool();
    const a = bytes(`xx${LONG}yy`);
    const n = bytes(LONG).length;
    pool.add(a, 2, 2 + n, LONG);
    const b = bytes(`<t>${LONG}</t>`);
    expect(pool.find(b, 3, 3 + n)).toBe(LONG);
    expect(pool.size).toBe(1);
  });

  it('never gives a text for bytes that differ, even where its key is the same', () => {
    const a = bytes(LONG);
    const b = bytes(TWIN);
    expect(b.length).toBe(a.length);
    expect(textKey(b, 0, b.length)).toBe(textKey(a, 0, a.length));
    const pool = new TextPool();
    pool.add(a, 0, a.length, LONG);
    expect(pool.find(b, 0, b.length)).toBeUndefined();
    // Both kept under one key: each found by its own bytes.
    pool.add(b, 0, b.length, TWIN);
    expect(pool.find(bytes(LONG), 0, a.length)).toBe(LONG);
    expect(pool.find(bytes(TWIN), 0, b.length)).toBe(TWIN);
    expect(pool.find(bytes('khác'), 0, bytes('khác').length)).toBeUndefined();
  });
});

describe('shared strings read through a pool', () => {
  const items = [
    plain(LONG),
    plain('Sở Nội vụ &amp; Sở Tài chính'),
    '<si><t>dòng một\r\ndòng hai</t></si>',
    plain('mã _x000D_ giữ lại'),
    plain(''),
  ];
  // Only a large table goes through the pool (a small one decodes in one call for less): the
  // tasks of a plan of some thousand tasks, each its own text.
  const tasks = Array.from({ length: 1000 }, (_, i) => plain(`${i + 1}. ${LONG}`));
  const large = (head: string[]) => workbook([...head, ...tasks]);
  const strings = (bytes: Uint8Array, pool?: TextPool) =>
    openWorkbook(bytes, { texts: pool }).sharedStrings();

  it('gives what an ordinary read gives, the first package and the next', () => {
    const ordinary = strings(large(items));
    expect(ordinary.slice(0, items.length)).toEqual([
      LONG,
      'Sở Nội vụ & Sở Tài chính',
      'dòng một\ndòng hai',
      'mã \r giữ lại',
      '',
    ]);
    const pool = new TextPool();
    expect(strings(large(items), pool)).toEqual(ordinary);
    expect(pool.size).toBe(items.length + tasks.length);
    const next = [plain(TWIN), ...items.slice(1), plain('mới')];
    expect(strings(large(next), pool)).toEqual([
      TWIN,
      ...ordinary.slice(1, items.length),
      'mới',
      ...ordinary.slice(items.length),
    ]);
    // The twin and the new text were decoded and are remembered; the rest were found.
    expect(pool.size).toBe(items.length + tasks.length + 2);
  });

  it('keeps only the first package’s table alive, not the next one’s', () => {
    const pool = new TextPool();
    strings(large(items), pool);
    const held = pool.heldBytes();
    strings(large([plain(TWIN), ...items.slice(1), plain('mới')]), pool);
    // The two texts decoded from the next package are kept as copies of their own bytes: a view
    // would have kept that package's whole table (some 60 KB here) alive with the pool.
    const copies = new TextEncoder().encode(TWIN + 'mới').length;
    expect(pool.heldBytes()).toBe(held + copies);
  });

  it('finds every item of a package that holds the first one’s texts in another order', () => {
    const pool = new TextPool();
    const first = strings(large(items), pool);
    const second = strings(workbook([...items, ...tasks].reverse()), pool);
    expect(second).toEqual([...first].reverse());
    // None decoded again: a text not found is added.
    expect(pool.size).toBe(items.length + tasks.length);
  });

  it('leaves a small table out of the pool', () => {
    const pool = new TextPool();
    expect(strings(workbook(items), pool)).toEqual(strings(workbook(items)));
    expect(pool.size).toBe(0);
  });

  it('reads a table that is not plain text with the scanner, as without a pool', () => {
    const rich = large([...items, '<si><r><t>đậm</t></r><r><t> thường</t></r></si>']);
    const pool = new TextPool();
    pool.add(new TextEncoder().encode('x'), 0, 1, 'x');
    expect(strings(rich, pool)).toEqual(strings(rich));
  });
});
