/** @jest-environment jsdom */
/**
 * office.js may answer after the page is up (it loads after the first paint), and the page then
 * gets a new workspace. A workbook the user chose as a file is still that file: it must stay.
 */
import './jsdom-polyfills';
import { act, fireEvent, render, screen } from '@testing-library/react';
import * as fs from 'fs';
import * as path from 'path';
import { trackingFile } from '../../src/app/build';
import { planFromText } from '../../src/app/plan-file';
import { createWorkspace } from '../../src/app/workspace';
import { App } from '../../src/taskpane/App';

jest.setTimeout(120_000);

const SAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'nq28-nam-dinh.txt'), 'utf8');
const standalone = () =>
  createWorkspace({ mode: 'browser', excelApi: null, displayLanguage: 'vi-VN', dark: false });

beforeEach(() => window.localStorage.clear());

it('keeps a workbook chosen as a file when the workspace is detected again', async () => {
  const view = render(<App workspace={standalone()} />);
  act(() => {
    fireEvent.click(screen.getByRole('tab', { name: /Kiểm tra/ }));
  });
  const { bytes } = await trackingFile({
    plan: planFromText(SAMPLE),
    sourceText: SAMPLE,
    lang: 'vi',
    reportDate: '2024-06-30',
  });
  const input = await screen.findByTestId('check-file', undefined, { timeout: 30_000 });
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([bytes as BlobPart], 'so-theo-doi.xlsx')] } });
  });
  await screen.findByTestId('check-source', undefined, { timeout: 60_000 });
  // Office answers late: index.tsx renders the App again with the workspace it now detected.
  await act(async () => {
    view.rerender(<App workspace={standalone()} />);
  });
  expect(screen.getByTestId('check-source').textContent).toContain('so-theo-doi.xlsx');
});
