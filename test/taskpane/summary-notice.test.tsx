/**
 * @jest-environment jsdom
 *
 * The summary step's messages follow the language switch (issue 19, one language at a time): it
 * kept each notice as the words said at the time, so after switching, the old language stayed.
 */
import './jsdom-polyfills';
import { act, fireEvent, render, screen } from '@testing-library/react';
import * as fs from 'fs';
import * as path from 'path';
import { trackingFile } from '../../src/app/build';
import { errorText } from '../../src/app/errors';
import { planFromText } from '../../src/app/plan-file';
import { readTrackingFile } from '../../src/app/tracking-file';
import type { LoadedTracking } from '../../src/app/workspace';
import { LocalizedError } from '../../src/model/msg';
import { SummaryStep } from '../../src/taskpane/steps/SummaryStep';
import { withProviders } from './fixtures';

jest.setTimeout(120_000);

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'nq28-nam-dinh.txt'), 'utf8');
const FAILED = {
  vi: 'Không ghi được trang tổng hợp: ổ đĩa đã đầy.',
  en: 'Cannot write the summary: the drive is full.',
};

it('says a failed download again in English once the language is switched', async () => {
  const { bytes } = await trackingFile({
    plan: planFromText(SAMPLE),
    sourceText: SAMPLE,
    lang: 'vi',
    reportDate: '2024-06-30',
  });
  const tracking: LoadedTracking = {
    wb: await readTrackingFile({ name: 'so.xlsx', bytes }),
    fileName: 'so.xlsx',
    loadedAt: Date.now(),
  };
  const step = () => (
    <SummaryStep
      tracking={tracking}
      onTracking={() => undefined}
      source={{ fromFile: async () => tracking, explain: async (e, l) => errorText(e, l) }}
      summaryFile={async () => {
        throw new LocalizedError(FAILED);
      }}
    />
  );
  const view = render(withProviders(step(), 'vi'));
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Tải trang tổng hợp kỳ (.xlsx)' }));
  });
  expect((await screen.findByRole('alert')).textContent).toBe(FAILED.vi);
  view.rerender(withProviders(step(), 'en'));
  await screen.findByText(FAILED.en);
  expect(screen.queryByText(FAILED.vi)).toBeNull();
});
