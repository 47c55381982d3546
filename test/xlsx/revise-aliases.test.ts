/**
 * Revising a master of one plan whose agency spellings the user merged (issue 17): the Bộ Tư
 * pháp plan names `Các đơn vị thuộc Bộ` and `Các đơn vị thuộc Bộ Tư pháp`; once merged they stay
 * one agency after the revised plan comes in, in the meta, in the Tổng hợp and in the hidden
 * column the PivotTables group on.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { recordAgencyAliases } from '../../src/app/agencies';
import { trackingFileSpec } from '../../src/app/build';
import { revisedFile, reviseFile } from '../../src/app/revise';
import { mapColumns } from '../../src/model/columns';
import { parsePlan } from '../../src/plan/parse';
import { readEntries } from '../../src/tracking/entries';
import { summarize } from '../../src/tracking/summary';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';

const TEXT = readFileSync(join(__dirname, '../fixtures/real/bo-tu-phap-173-qd-btp-2015.txt'), 'utf8');
const SHORT = 'Các đơn vị thuộc Bộ';
const FULL = 'Các đơn vị thuộc Bộ Tư pháp';
const REPORT_DATE = '2015-12-15';

it('keeps the agency aliases of a one-plan master through a revision', async () => {
  const plan = parsePlan(TEXT);
  const built = await writeXlsx(
    await trackingFileSpec({ plan, sourceText: TEXT, lang: 'vi', reportDate: REPORT_DATE }),
  );
  const { bytes: master } = await recordAgencyAliases({ name: 'btp.xlsx', bytes: built }, [
    { from: SHORT, to: FULL },
  ]);

  const reworded = TEXT.replace('a) Phối hợp rà soát, tổng kết', 'a) Chủ trì rà soát, tổng kết');
  expect(reworded).not.toBe(TEXT);
  const result = await reviseFile(
    { name: 'btp.xlsx', bytes: master },
    { plan: parsePlan(reworded), text: reworded },
  );
  expect(result.unchanged).toBe(false);
  const bytes = await revisedFile(result, { master: { name: 'btp.xlsx', bytes: master } });

  const wb = await readTrackingWorkbook(bytes);
  expect(wb.meta?.agencyAliases).toEqual([{ from: SHORT, to: FULL }]);
  expect(wb.meta?.lineage).toHaveLength(1);
  const { entries } = readEntries(wb.snapshot);
  const leads = new Set(entries.map((e) => e.lead));
  expect([...leads]).toEqual(expect.arrayContaining([SHORT, FULL]));
  const summary = summarize(entries, { reportDate: REPORT_DATE, aliases: wb.meta?.agencyAliases });
  expect(summary.byAgency.filter((r) => r.label === SHORT)).toEqual([]);
  expect(summary.byAgency.find((r) => r.label === FULL)?.total).toBe(
    entries.filter((e) => e.lead === SHORT || e.lead === FULL).length,
  );
  const map = mapColumns(wb.snapshot.headers);
  const groups = wb.snapshot.rows
    .filter((r) => [SHORT, FULL].includes(String(r[map.index.lead!])))
    .map((r) => r[map.index.agencyGroup!]);
  expect(new Set(groups)).toEqual(new Set([FULL]));
}, 120_000);
