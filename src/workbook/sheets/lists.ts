/** The `Danh mục` sheet: the words the dropdowns offer, each list under a workbook name. */
import type { Lang } from '../../model/lang';
import { CATEGORY_LABELS, STATE_LABELS, STATUS_LABELS } from '../../model/labels';
import type { Msg } from '../../model/msg';
import { DEADLINE_CATEGORIES, DEADLINE_STATES, STATUSES } from '../../model/vocabulary';
import { columnLetter } from '../../model/table';
import { columnHeader } from '../../model/columns';
import { sheetRef } from '../formulas';
import { LIST_NAMES, sheetName } from '../names';
import type { CellStyle, NameSpec, SheetSpec } from '../types';
import { emptySheet, HEADER_FILL, text } from './common';
import { figuresPrint } from './print-layout';

const AGENCY: Msg = { vi: 'Cơ quan', en: 'Agency' };

export function buildListsSheet(
  lang: Lang,
  agencies: readonly string[],
): { sheet: SheetSpec; names: NameSpec[] } {
  const sheet = emptySheet('lists', sheetName('lists', lang));
  const lists: [string, string[], string][] = [
    [columnHeader('status', lang), STATUSES.map((s) => STATUS_LABELS[s][lang]), LIST_NAMES.statuses],
    [
      columnHeader('category', lang),
      DEADLINE_CATEGORIES.map((c) => CATEGORY_LABELS[c][lang]),
      LIST_NAMES.categories,
    ],
    [AGENCY[lang], [...agencies], LIST_NAMES.agencies],
    [columnHeader('state', lang), DEADLINE_STATES.map((s) => STATE_LABELS[s][lang]), LIST_NAMES.states],
  ];
  const headerStyle: CellStyle = {
    bold: true,
    color: 'FFFFFF',
    fill: HEADER_FILL,
    wrap: true,
    vAlign: 'middle',
  };
  const names: NameSpec[] = [];
  lists.forEach(([title, items, name], c) => {
    sheet.cells.push({ row: 0, col: c, value: text(title), style: headerStyle });
    items.forEach((item, r) =>
      sheet.cells.push({ row: r + 1, col: c, value: text(item), style: { numFmt: '@', wrap: true } }),
    );
    const letter = columnLetter(c);
    names.push({
      name,
      ref: `${sheetRef(sheetName('lists', lang))}!$${letter}$2:$${letter}$${Math.max(2, items.length + 1)}`,
    });
  });
  sheet.widths = [20, 22, 45, 28];
  sheet.freeze = { rows: 1, cols: 0 };
  sheet.print = figuresPrint(lang, 'portrait');
  return { sheet, names };
}
