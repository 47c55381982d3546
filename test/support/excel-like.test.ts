import { excelFixture } from '../xlsx/ooxml/fixture';
import { hasXmllint, validatePackage } from './ooxml-validate';

// The harness is only as good as the packages it builds: each variant Excel writes must itself
// be valid, or a test of the editor could blame it for the builder's mistakes.
(hasXmllint() ? describe : describe.skip)('the Excel-like package', () => {
  it.each([
    ['default namespace', {}],
    ['x: prefix (Open XML SDK)', { prefix: 'x' }],
    ['1904 date system', { date1904: true }],
  ])('validates against ECMA-376 (%s)', (_name, options) => {
    expect(validatePackage(excelFixture(options))).toEqual([]);
  });
});
