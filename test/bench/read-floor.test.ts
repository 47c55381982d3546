/**
 * The read benchmark judges the reader against a floor; a floor that skips cells the reader reads
 * would flatter nothing and stop the whole `npm run bench` (it checks that both see the same).
 */
import { partsRead, readFloor, readWithReader, tasksWorkbook } from '../../bench/read';

describe('the read floor of the benchmark', () => {
  it('sees every cell the reader sees, the formula cells’ cached results included', async () => {
    const bytes = await tasksWorkbook(200);
    const { parts, dateSheet, dateRow } = partsRead(bytes);
    const floor = readFloor(bytes, parts, dateSheet, dateRow);
    const reader = readWithReader(bytes);
    expect(floor.cells).toBe(reader.cells);
    // Each task row has its deadline-state formula, so the rows alone hold more than 200 cells.
    expect(floor.cells).toBeGreaterThan(200 * 5);
  });
});
