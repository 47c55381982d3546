/** What the sheet builders share: an empty sheet, text cells, the house colours and date limits. */
import type { CellValue, SheetSpec } from '../types';

export const HEADER_FILL = '1F4E79';
export const DATE_FMT = 'dd/mm/yyyy';
/** The span date validation accepts. */
export const DATE_MIN = '2000-01-01';
export const DATE_MAX = '2100-12-31';

export function text(v: string): CellValue {
  return { t: 'text', v };
}

export function emptySheet(key: string, name: string, state: SheetSpec['state'] = 'visible'): SheetSpec {
  return {
    key,
    name,
    state,
    widths: [],
    cells: [],
    tables: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}
