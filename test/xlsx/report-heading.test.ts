/**
 * The Báo cáo heading through the redraws of a master (issue 17): the issuing office and place a
 * master was built with head the Báo cáo drawn again when a plan from another office is added and
 * when agency spellings are merged (`plan-tracker add`, `plan-tracker agencies --merge`), and the
 * Báo cáo of a period the pane redraws or `plan-tracker report -o` writes.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { addedPlanFile } from '../../src/app/add-plan';
import { recordAgencyAliases } from '../../src/app/agencies';
import { trackingFileSpec } from '../../src/app/build';
import { reportFile, reportSheet, reportWorkbook } from '../../src/app/report';
import { parsePlan } from '../../src/plan/parse';
import { REPORT_SHEET_NAME } from '../../src/workbook/sheets/report';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { dumpWithOpenpyxl, openpyxlAvailable, sheetOf } from '../helpers/openpyxl-dump';

const REAL = join(__dirname, '../fixtures/real');
const REPORT_DATE = '2025-12-15';
const read = (f: string) => readFileSync(join(REAL, f), 'utf8');
const A = read('ha-tinh-624-kh-ubnd-2025.txt');
const B = read('dong-thap-552-kh-ubnd-2025.txt');

const maybe = openpyxlAvailable() ? it : it.skip;

maybe(
  'keeps the issuer and place of the Báo cáo through an addition and an agency merge',
  async () => {
    const plan = parsePlan(A);
    expect(plan.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH');
    const first = await writeXlsx(
      await trackingFileSpec({ plan, sourceText: A, lang: 'vi', reportDate: REPORT_DATE }),
    );
    const heading = (bytes: Uint8Array) => {
      const sheet = sheetOf(dumpWithOpenpyxl(bytes), REPORT_SHEET_NAME.vi);
      const cells = Object.values(sheet.cells).map((c) => String(c.value));
      return {
        issuer: sheet.cells.A1?.value,
        place: cells.find((v) => v.startsWith(`${plan.place},`)) ?? null,
      };
    };
    const want = { issuer: plan.issuer!.toLocaleUpperCase('vi'), place: expect.stringContaining('tháng') };
    expect(heading(first)).toEqual(want);
    expect((await readTrackingWorkbook(first)).meta).toMatchObject({
      issuer: plan.issuer,
      place: plan.place,
    });

    const { bytes: added } = await addedPlanFile(
      { name: 'so-tong.xlsx', bytes: first },
      { plan: parsePlan(B), text: B },
      { planFile: 'dong-thap-552.txt' },
    );
    expect(heading(added)).toEqual(want);
    const { bytes: merged } = await recordAgencyAliases({ name: 'so-tong.xlsx', bytes: added }, [
      { from: 'Sở Văn hoá Thể thao du lịch', to: 'Sở Văn hóa, Thể thao và Du lịch' },
    ]);
    expect(heading(merged)).toEqual(want);
    // The Báo cáo of a period, as the pane redraws it and `report -o` writes it, is headed alike.
    const wb = await readTrackingWorkbook(merged);
    const sheet = reportSheet(wb, reportWorkbook(wb), 'vi');
    expect(sheet.cells.find((c) => c.row === 0 && c.col === 0)?.value).toEqual({ t: 'text', v: want.issuer });
    const { bytes: filed } = await reportFile(wb, reportWorkbook(wb), 'vi');
    expect(heading(filed)).toEqual(want);
  },
  120_000,
);
