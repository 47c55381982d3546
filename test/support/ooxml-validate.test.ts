import { strToU8, zipSync } from 'fflate';
import { applyMarkupCompatibility, hasXmllint, validatePackage } from './ooxml-validate';

const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const WB = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`;

function pkg(sheetXml: string, workbook = WB): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CT),
    '_rels/.rels': strToU8(RELS),
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(WB_RELS),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  });
}

const SHEET = (cells: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"><sheetData><row r="1" x14ac:dyDescent="0.25">${cells}</row></sheetData></worksheet>`;

const run = hasXmllint() ? describe : describe.skip;

describe('Markup Compatibility preprocessing', () => {
  it('drops attributes and elements of ignorable namespaces and keeps the rest', () => {
    const out = applyMarkupCompatibility(SHEET('<c r="A1"><v>1</v></c><x14ac:foo/>'));
    expect(out).not.toContain('x14ac:dyDescent');
    expect(out).not.toContain('<x14ac:foo');
    expect(out).toContain('<c r="A1"><v>1</v></c>');
  });

  it('replaces AlternateContent by its Fallback', () => {
    const xml =
      '<a xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:AlternateContent><mc:Choice Requires="x"><new/></mc:Choice><mc:Fallback><old/></mc:Fallback></mc:AlternateContent></a>';
    expect(applyMarkupCompatibility(xml)).toBe(
      '<a xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><old/></a>',
    );
  });
});

run('validatePackage (xmllint against ECMA-376)', () => {
  it('accepts a minimal valid package with an ignorable extension', () => {
    expect(validatePackage(pkg(SHEET('<c r="A1"><v>1</v></c>')))).toEqual([]);
  });

  it('reports an element the schema does not allow, with its part', () => {
    const problems = validatePackage(pkg(SHEET('<c r="A1"><bogus/></c>')));
    expect(problems.map((p) => p.part)).toEqual(['xl/worksheets/sheet1.xml']);
    expect(problems[0].message).toMatch(/bogus/);
  });

  it('reports an undeclared namespace prefix (a broken workbook.xml)', () => {
    const broken = WB.replace(
      ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
      '',
    );
    const problems = validatePackage(pkg(SHEET('<c r="A1"><v>1</v></c>'), broken));
    expect(problems.some((p) => p.part === 'xl/workbook.xml')).toBe(true);
  });
});
