import type { TrackingWorkbook } from '../workbook/types';

/** The tracking workbook the check, summary and share steps work on. */
export interface LoadedTracking {
  wb: TrackingWorkbook;
  /** File name, or null when it is the workbook open in Excel. */
  fileName: string | null;
  /** The file's bytes (split and merge need them); null for the open workbook. */
  bytes: Uint8Array | null;
  /** Bumped on every load, so steps can tell a re-read from the same object. */
  loadedAt: number;
}

export async function loadTrackingFile(file: File): Promise<LoadedTracking> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { readTrackingWorkbook } = await import(/* webpackChunkName: "xlsx-read" */ '../xlsx/read');
  return { wb: await readTrackingWorkbook(bytes), fileName: file.name, bytes, loadedAt: Date.now() };
}

export async function loadOpenWorkbook(): Promise<LoadedTracking> {
  const { readOpenTracking } = await import('../excel/bridge');
  return { wb: await readOpenTracking(), fileName: null, bytes: null, loadedAt: Date.now() };
}
