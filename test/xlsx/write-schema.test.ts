/**
 * Every part of every workbook the product writes validates against the ECMA-376 transitional
 * schemas (../shared/ooxml, with xmllint): builds in both languages, a 1,000-task plan, a split
 * copy, a revision, the reports additions (print setup, PivotTables, a chart), the period summary
 * and the check sheet.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { parsePlan } from '../../src/plan/parse';
import { scalePlan } from '../support/excel/plans';
import { reviseTracking } from '../../src/app/revise';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { buildWorkbookSpec } from '../../src/workbook/build';
import type { WorkbookSpec } from '../../src/workbook/types';
import { splitWorkbook } from '../../src/xlsx/split';
import { writeXlsx } from '../../src/xlsx/write';
import { hasXmllint, validatePackage } from '../support/ooxml-validate';
import { NOW, periodAndCheckSpecs, reportsSpec, SAMPLE_TEXT, sampleSpec } from './write-fixtures';

const maybe = hasXmllint() ? describe : describe.skip;

maybe('written packages validate against ECMA-376', () => {
  const cases: [string, () => WorkbookSpec | Promise<Uint8Array | WorkbookSpec>][] = [
    ['the sample plan (vi)', () => sampleSpec('vi')],
    ['the sample plan (en)', () => sampleSpec('en')],
    [
      'a 1,000-task plan',
      () =>
        buildWorkbookSpec(scalePlan(parsePlan(SAMPLE_TEXT), 1000), {
          lang: 'vi',
          reportDate: '2024-06-14',
          now: NOW,
        }),
    ],
    ['print setup, PivotTables (vi)', () => reportsSpec('vi')],
    ['print setup, PivotTables (en)', () => reportsSpec('en')],
    ['the period summary with its chart', () => periodAndCheckSpecs().period],
    ['the check sheet', () => periodAndCheckSpecs().check],
    [
      'a split copy',
      async () => (await splitWorkbook(await writeXlsx(sampleSpec('vi')), { now: NOW })).files[0].bytes,
    ],
    [
      'a revision',
      async () => {
        const before = await readTrackingWorkbook(await writeXlsx(sampleSpec('vi')));
        const revised = parsePlan(SAMPLE_TEXT.replace('Tổ chức', 'Tổ chức lại'));
        return (await reviseTracking(before, revised, { now: NOW })).spec;
      },
    ],
  ];

  it.each(cases)('%s', async (_name, make) => {
    const made = await make();
    const bytes = made instanceof Uint8Array ? made : await writeXlsx(made);
    expect(validatePackage(bytes)).toEqual([]);
  });

  it('declares every part it writes, and writes every part it declares', async () => {
    const files = unzipSync(await writeXlsx(reportsSpec('vi')));
    const types = strFromU8(files['[Content_Types].xml']);
    const declared = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]).sort();
    const parts = Object.keys(files).filter((p) => !p.endsWith('.rels') && p !== '[Content_Types].xml');
    expect(parts.sort()).toEqual(declared);
    // Each relationship points at a part that exists.
    for (const [name, data] of Object.entries(files)) {
      if (!name.endsWith('.rels')) continue;
      const base = name.replace(/_rels\/[^/]*\.rels$/, '');
      for (const m of strFromU8(data).matchAll(/Target="([^"]+)"/g)) {
        const target = new URL(m[1], `http://x/${base}`).pathname.slice(1);
        expect({ name, target, exists: target in files }).toEqual({ name, target, exists: true });
      }
    }
    expect(declared.some((p) => p.startsWith('xl/pivotTables/'))).toBe(true);
  });
});
