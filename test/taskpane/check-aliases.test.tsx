/** @jest-environment jsdom */
import './jsdom-polyfills';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'fs';
import { join } from 'path';
import { addPlanToMaster } from '../../src/app/add-plan';
import { recordAgencyAliases } from '../../src/app/agencies';
import type { LoadedTracking } from '../../src/app/workspace';
import { mapColumns } from '../../src/model/columns';
import type { TrackingWorkbook } from '../../src/model/workbook-meta';
import { parsePlan } from '../../src/plan/parse';
import { CheckStep } from '../../src/taskpane/steps/CheckStep';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { text, withProviders } from './fixtures';

/**
 * The check step of a portfolio master where the user merged `Sở Văn hoá Thể thao du lịch`
 * (Đồng Tháp's plan) into `Sở Văn hóa, Thể thao và Du lịch` (Hà Tĩnh's), issue 17: the findings of
 * both spellings are one agency in the list and in the agency filter, as in every summary.
 */

jest.setTimeout(120_000);

const REAL = join(__dirname, '../fixtures/real');
const REPORT_DATE = '2025-12-15';
const VH_SHORT = 'Sở Văn hoá Thể thao du lịch';
const VH_FULL = 'Sở Văn hóa, Thể thao và Du lịch';

async function mergedMaster(): Promise<TrackingWorkbook> {
  const [a, b] = ['ha-tinh-624-kh-ubnd-2025.txt', 'dong-thap-552-kh-ubnd-2025.txt'].map((f) =>
    readFileSync(join(REAL, f), 'utf8'),
  );
  const first = await writeXlsx(
    buildWorkbookSpec(parsePlan(a), { lang: 'vi', reportDate: REPORT_DATE, sourceText: a }),
  );
  const added = await addPlanToMaster(await readTrackingWorkbook(first), parsePlan(b), { sourceText: b });
  const { bytes } = await recordAgencyAliases({ name: 'so-tong.xlsx', bytes: await writeXlsx(added.spec) }, [
    { from: VH_SHORT, to: VH_FULL },
  ]);
  const wb = await readTrackingWorkbook(bytes);
  // A status slip on each spelling's task, so both have a finding.
  const map = mapColumns(wb.snapshot.headers);
  for (const r of wb.snapshot.rows)
    if ([VH_SHORT, VH_FULL].includes(String(r[map.index.lead!]))) r[map.index.status!] = 'Hoan thanh';
  return wb;
}

const uploaded = (wb: TrackingWorkbook): LoadedTracking => ({
  wb,
  fileName: 'so-tong.xlsx',
  file: async () => ({ name: 'so-tong.xlsx', bytes: new Uint8Array() }),
  live: undefined,
  loadedAt: 1,
});

/** The agency sections of the findings list, with the cells listed in each. */
function sections(): Map<string, string[]> {
  const list = screen.getByTestId('findings');
  return new Map(
    [...list.querySelectorAll('section')].map((s) => [
      s.getAttribute('data-agency') ?? '',
      [...s.querySelectorAll('li')].map((li) => li.getAttribute('data-cell') ?? ''),
    ]),
  );
}

describe('check step of a master with agencies merged', () => {
  it('lists and filters the findings of both spellings under the agency they were merged into', async () => {
    const wb = await mergedMaster();
    expect(wb.meta?.agencyAliases).toEqual([{ from: VH_SHORT, to: VH_FULL }]);
    const source = { fromFile: jest.fn(), explain: jest.fn(async (e: unknown) => String(e)) };
    render(withProviders(<CheckStep tracking={uploaded(wb)} onTracking={() => undefined} source={source} />));

    const all = sections();
    expect(all.has(VH_SHORT)).toBe(false);
    const map = mapColumns(wb.snapshot.headers);
    const vhRows = wb.snapshot.rows
      .map((r, i) => [String(r[map.index.lead!]), wb.snapshot.headerRow + 1 + i] as const)
      .filter(([lead]) => lead === VH_SHORT || lead === VH_FULL)
      .map(([, row]) => row);
    expect(vhRows).toHaveLength(2);
    const listed = all.get(VH_FULL) ?? [];
    for (const row of vhRows) expect(listed.some((cell) => cell.endsWith(String(row)))).toBe(true);

    const filter = screen.getByRole('combobox', { name: 'Cơ quan chủ trì' });
    const options = within(filter).getAllByRole('option').map(text);
    expect(options.filter((o) => o === VH_FULL)).toHaveLength(1);
    expect(options).not.toContain(VH_SHORT);
    const option = within(filter).getByRole('option', { name: VH_FULL }) as HTMLOptionElement;
    await act(async () => {
      fireEvent.change(filter, { target: { value: option.value } });
    });
    expect([...sections().keys()]).toEqual([VH_FULL]);
    expect(sections().get(VH_FULL)).toEqual(listed);
  });
});
