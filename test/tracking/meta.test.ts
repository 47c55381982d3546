import fc from 'fast-check';
import { chunkText, META_CHUNK, parseMeta, serializeMeta } from '../../src/tracking/meta';
import type { WorkbookMeta } from '../../src/workbook/types';

function meta(tasks: { id: string; hash: string }[]): WorkbookMeta {
  return {
    generator: 'plan-tracker',
    generatorVersion: '0.1.0',
    schemaVersion: 1,
    lang: 'vi',
    builtAt: '2026-11-27T21:00:00.000Z',
    planTitle: '=Kế hoạch "thử" 28-NQ/TW',
    planNumber: null,
    planIssuedOn: '2024-04-10',
    sourceFingerprint: 'ab'.repeat(32),
    workbookId: 'wb-1',
    agencyKey: null,
    tasks,
  };
}

describe('workbook meta', () => {
  it('round-trips through plain text cells, nulls as blanks', () => {
    const m = meta([
      { id: 'I.1', hash: '0123456789abcdef' },
      { id: 'IV.3.2', hash: 'fedcba9876543210' },
    ]);
    const rows = serializeMeta(m);
    expect(rows.every((r) => r.every((c) => typeof c === 'string'))).toBe(true);
    expect(rows.find((r) => r[0] === 'planNumber')?.[1]).toBe('');
    expect(parseMeta(rows)).toEqual(m);
    // A reader returns empty cells as null.
    expect(parseMeta(rows.map((r) => r.map((c) => (c === '' ? null : c))))).toEqual(m);
  });

  it('keeps the issuer and place of the Báo cáo heading, and writes no row for them when unknown', () => {
    const m = {
      ...meta([{ id: 'I.1', hash: '0123456789abcdef' }]),
      issuer: 'ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH',
      place: 'Hà Tĩnh',
    };
    expect(parseMeta(serializeMeta(m))).toEqual(m);
    const without = meta([{ id: 'I.1', hash: '0123456789abcdef' }]);
    const rows = serializeMeta(without);
    expect(rows.map((r) => r[0])).not.toEqual(expect.arrayContaining(['issuer']));
    expect(rows.map((r) => r[0])).not.toEqual(expect.arrayContaining(['place']));
    const back = parseMeta(rows)!;
    expect('issuer' in back || 'place' in back).toBe(false);
  });

  it('splits a large task list over several cells below the cell limit', () => {
    const tasks = Array.from({ length: 5000 }, (_, i) => ({
      id: `IV.${i}.Đ`,
      hash: (i * 7919).toString(16).padStart(16, '0'),
    }));
    const rows = serializeMeta(meta(tasks));
    const pieces = rows.filter((r) => r[0] === 'tasks');
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((r) => r[1].length <= META_CHUNK && r[1].length < 32000)).toBe(true);
    expect(parseMeta(rows)?.tasks).toEqual(tasks);
  });

  it('never cuts a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 2, max: 9 }),
        (s, size) => {
          const parts = chunkText(s, size);
          return (
            parts.join('') === s &&
            parts.every((p) => !/[\uD800-\uDBFF]$/.test(p) && !/^[\uDC00-\uDFFF]/.test(p))
          );
        },
      ),
    );
  });

  it('returns null for a sheet that is not ours or is damaged', () => {
    const rows = serializeMeta(meta([{ id: 'I.1', hash: 'x' }]));
    expect(parseMeta([])).toBeNull();
    expect(parseMeta(rows.filter((r) => r[0] !== 'format'))).toBeNull();
    expect(parseMeta(rows.map((r) => (r[0] === 'tasks' ? ['tasks', '[["I.1"'] : r)))).toBeNull();
    // A lost chunk shows as a task count mismatch.
    const many = serializeMeta(
      meta(Array.from({ length: 3000 }, (_, i) => ({ id: `T${i}`, hash: 'h'.repeat(16) }))),
    );
    let dropped = false;
    const damaged = many.filter((r) => {
      if (r[0] === 'tasks' && !dropped && r[1].endsWith(']')) {
        dropped = true;
        return false;
      }
      return true;
    });
    expect(parseMeta(damaged)).toBeNull();
  });
});
