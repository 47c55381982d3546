/**
 * The task rows are coloured by their deadline state, done with no completion date
 * (`Chưa rõ ngày hoàn thành`) included, in both renderers, with fills that stay apart for
 * colour-blind readers (the simulation the pane's state colours are checked with).
 */
import { strFromU8, unzipSync } from 'fflate';
import { renderWorkbook } from '../../src/excel/render';
import { STATE_LABELS } from '../../src/model/labels';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { STATE_ROW_STYLES } from '../../src/workbook/sheets/task-table';
import { writeXlsx } from '../../src/xlsx/write';
import { samplePlan } from '../excel/helpers';
import { closestPair, DEUTERANOPIA, VISIONS } from '../support/color-vision';
import { StrictExcel } from '../support/excel/strict-excel';

const UNDATED = STATE_ROW_STYLES.find((s) => s.state === 'done_undated')!;

function spec(lang: 'vi' | 'en' = 'vi') {
  return buildWorkbookSpec(samplePlan(), { lang, reportDate: '2024-06-30', workbookId: 'rows' });
}

describe('task rows coloured by deadline state', () => {
  it('colours done with no completion date, as the done and overdue rows', () => {
    expect(STATE_ROW_STYLES.map((s) => s.state).sort()).toEqual(
      ['done_late', 'done_on_time', 'done_undated', 'overdue'].sort(),
    );
  });

  it.each(['vi', 'en'] as const)(
    'has one conditional format per coloured state, on its label (%s)',
    (lang) => {
      const tasks = spec(lang).sheets.find((s) => s.key === 'tasks')!;
      const rows = tasks.conditionalFormats.filter((c) => c.kind === 'expression');
      expect(rows).toHaveLength(STATE_ROW_STYLES.length);
      for (const style of STATE_ROW_STYLES) {
        const cf = rows.find((c) => c.kind === 'expression' && c.style.fill === style.fill);
        expect(cf?.kind === 'expression' && cf.formula).toContain(`"${STATE_LABELS[style.state][lang]}"`);
      }
    },
  );

  it.each(VISIONS)('keeps the row fills and a plain row apart (ΔE ≥ 12) with %s', (_name, m) => {
    const fills = Object.fromEntries([
      ['plain', 'FFFFFF'],
      ...STATE_ROW_STYLES.map((s) => [s.state, s.fill]),
    ]) as Record<string, string>;
    const { pair, dE } = closestPair(fills, m);
    expect({ pair, apart: dE >= 12 }).toEqual({ pair, apart: true });
  });

  it("would have failed Excel's stock fills used before (overdue and done on time)", () => {
    const before = { plain: 'FFFFFF', overdue: 'FFC7CE', done_late: 'FFEB9C', done_on_time: 'C6EFCE' };
    expect(closestPair(before, DEUTERANOPIA).dE).toBeLessThan(12);
  });

  it('is in the .xlsx: a rule on the label, with its fill', async () => {
    const files = unzipSync(await writeXlsx(spec()));
    const sheets = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const withRule = sheets
      .map((f) => strFromU8(files[f]))
      .find((x) => x.includes(STATE_LABELS.done_undated.vi));
    expect(withRule).toBeDefined();
    expect(withRule).toMatch(/<cfRule type="expression"[^>]*dxfId="\d+"/);
    const styles = strFromU8(files['xl/styles.xml']);
    expect(styles).toContain(UNDATED.fill);
  });

  it('is drawn in Excel: a custom conditional format on the label, with its fill', async () => {
    const x = new StrictExcel();
    x.addSheet('Sheet1');
    await renderWorkbook(x.requestContext, spec(), { isSetSupported: x.support });
    const tasks = x.requireSheet('Nhiệm vụ');
    const cf = tasks.conditionalFormats.find((c) =>
      String(c.props['custom.rule.formula'] ?? '').includes(STATE_LABELS.done_undated.vi),
    );
    expect(cf?.props['custom.format.fill.color']).toBe(`#${UNDATED.fill}`);
    expect(cf?.props['custom.format.font.color']).toBe(`#${UNDATED.color}`);
  });
});
