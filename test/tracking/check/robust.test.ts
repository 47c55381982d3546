import fc from 'fast-check';
import { checkTracking } from '../../../src/tracking/check';
import { TASK_COLUMN_IDS } from '../../../src/model/columns';
import { columnLetter } from '../../../src/model/table';
import type { RawCell } from '../../../src/workbook/types';
import { correctEntry, metaFor, REPORT_DATE, SAMPLE_TASKS, snapshotOf } from './fixture';

const cellArb: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: false }),
  fc.integer({ min: 30000, max: 80000 }),
  fc.string(),
  fc.constantFrom('Đã hoàn thành', 'hoàn thành', 'Đang TH', '15/3/2023', '3/15/2023', '50%', 'IV.3.5', ' '),
);

describe('robustness', () => {
  test('any table of any cells: no throw, every finding inside the table and well formed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(cellArb, { minLength: TASK_COLUMN_IDS.length, maxLength: TASK_COLUMN_IDS.length }),
          {
            maxLength: 30,
          },
        ),
        fc.boolean(),
        (rows, withMeta) => {
          const snapshot = { ...snapshotOf([]), rows };
          const findings = checkTracking({
            snapshot,
            meta: withMeta ? metaFor(SAMPLE_TASKS) : null,
            reportDate: REPORT_DATE,
          });
          for (const f of findings) {
            expect(f.row).toBeGreaterThanOrEqual(snapshot.headerRow);
            expect(f.row).toBeLessThanOrEqual(snapshot.headerRow + rows.length);
            expect(f.cell).toMatch(new RegExp(`^[A-${columnLetter(TASK_COLUMN_IDS.length - 1)}]\\d+$`));
            expect(['error', 'warning', 'info']).toContain(f.severity);
            expect(f.message.vi).toBeTruthy();
            expect(f.message.en).toBeTruthy();
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test('a table that starts at C4 gets addresses from there', () => {
    const entries = SAMPLE_TASKS.map((t) => correctEntry(t));
    entries[0] = { ...entries[0], status: 'Tạm dừng' };
    const snapshot = { ...snapshotOf(entries), headerRow: 4, firstCol: 2 };
    const [f] = checkTracking({ snapshot, meta: metaFor(SAMPLE_TASKS), reportDate: REPORT_DATE });
    // Status is two columns right of where a table at A1 has it; the first data row is 5.
    const status = columnLetter(2 + TASK_COLUMN_IDS.indexOf('status'));
    expect([f.code, f.cell, f.row]).toEqual(['status.unknown', `${status}5`, 5]);
  });
});
