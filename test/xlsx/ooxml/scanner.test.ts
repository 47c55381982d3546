import fc from 'fast-check';
import { END, EOF, START, XmlScanner, XmlSyntaxError } from '../../../src/xlsx/ooxml/scanner';
import { NS_OTHER, NS_REL, NS_SML } from '../../../src/xlsx/ooxml/namespaces';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Every event as a line: `+ns:local{attrs}`, `-ns:local`, and text() of elements named in `texts`. */
function events(sc: XmlScanner, texts: string[] = ['t', 'v', 'f']): string[] {
  const out: string[] = [];
  for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
    if (ev === START) {
      const attrs: string[] = [];
      for (let i = 0; i < sc.attributeCount; i++)
        if (!sc.attributeName(i).startsWith('xmlns'))
          attrs.push(`${sc.attributeName(i)}=${sc.attributeValue(i)}`);
      out.push(`+${sc.ns}:${sc.local}${attrs.length ? `{${attrs.join(',')}}` : ''}@${sc.depth}`);
      if (texts.includes(sc.local)) out.push(`"${sc.text()}"`);
    } else if (ev === END) out.push(`-${sc.ns}:${sc.local}@${sc.depth}`);
  }
  return out;
}

describe('XmlScanner', () => {
  it('reports SpreadsheetML elements by namespace whatever the prefix', () => {
    const plain = `<worksheet xmlns="${SML}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const prefixed = `<x:worksheet xmlns:x="${SML}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(events(XmlScanner.of(prefixed))).toEqual(events(XmlScanner.of(plain)));
    expect(events(XmlScanner.of(plain))[0]).toBe(`+${NS_SML}:worksheet@1`);
  });

  it('decodes entities, character references and CDATA, and skips comments and declarations', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><!-- <c> --><root xmlns="${SML}"><t>a &amp; b &lt;&#233;&#x1F600;&quot;</t><t><![CDATA[<&amp;>]]> and <!-- no --> more</t></root>`;
    expect(events(XmlScanner.of(xml))).toEqual([
      `+${NS_SML}:root@1`,
      `+${NS_SML}:t@2`,
      '"a & b <é😀""',
      `+${NS_SML}:t@2`,
      '"<&amp;> and  more"',
      `-${NS_SML}:root@0`,
    ]);
  });

  it('reads attributes in either quote style, with > and the other quote inside values', () => {
    const sc = XmlScanner.of(`<a xmlns="${SML}" one='x "y" > z' two = "it's" three="a&#10;b	c"/>`);
    expect(sc.next()).toBe(START);
    expect(sc.attr('one')).toBe('x "y" > z');
    expect(sc.attr('two')).toBe("it's");
    // Literal tabs become spaces; a character reference to a line feed stays one.
    expect(sc.attr('three')).toBe('a\nb c');
    expect(sc.selfClosing).toBe(true);
    expect(sc.next()).toBe(END);
    expect(sc.next()).toBe(EOF);
  });

  it('resolves prefixed attributes by namespace, including declarations on the element itself', () => {
    const sc = XmlScanner.of(
      `<workbook xmlns="${SML}"><sheets><sheet xmlns:rel="${REL}" name="A" rel:id="rId1"/><sheet name="B" xmlns:q="${REL}" q:id="rId2"/></sheets></workbook>`,
    );
    const ids: (string | null)[] = [];
    for (let ev = sc.next(); ev !== EOF; ev = sc.next())
      if (ev === START && sc.local === 'sheet') ids.push(sc.attrNs(NS_REL, 'id'));
    expect(ids).toEqual(['rId1', 'rId2']);
  });

  it('takes the first understood Choice of mc:AlternateContent, else the Fallback', () => {
    const xml = `<root xmlns="${SML}" xmlns:mc="${MC}" xmlns:x14="urn:x14" xmlns:r="${REL}">
      <mc:AlternateContent><mc:Choice Requires="x14"><x14:new/></mc:Choice><mc:Fallback><old/></mc:Fallback></mc:AlternateContent>
      <mc:AlternateContent><mc:Choice Requires="r"><chosen/></mc:Choice><mc:Fallback><fallback/></mc:Fallback></mc:AlternateContent>
      <after/></root>`;
    expect(events(XmlScanner.of(xml)).filter((e) => e.startsWith('+'))).toEqual([
      expect.stringMatching(/^\+\d+:root/),
      `+${NS_SML}:old@2`,
      `+${NS_SML}:chosen@2`,
      `+${NS_SML}:after@2`,
    ]);
  });

  it('skips an element with everything inside it', () => {
    const sc = XmlScanner.of(
      `<a xmlns="${SML}"><extLst><ext uri="x"><b>"</b><c/><!-- </extLst> --></ext></extLst><d/></a>`,
    );
    const seen: string[] = [];
    for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
      if (ev !== START) continue;
      seen.push(sc.local);
      if (sc.local === 'extLst') sc.skip();
    }
    expect(seen).toEqual(['a', 'extLst', 'd']);
  });

  it('reports unknown namespaces as other', () => {
    const sc = XmlScanner.of(`<a xmlns="urn:unknown"/>`);
    sc.next();
    expect(sc.ns).toBe(NS_OTHER);
  });

  it('refuses malformed XML with a syntax error', () => {
    for (const bad of ['<a><b></a', '<a x=1/>', '<a', '<a><!-- x', '<a>text', '</a>'])
      expect(() => events(XmlScanner.of(bad))).toThrow(XmlSyntaxError);
  });

  it('reads UTF-8 bytes and UTF-16 strings alike, and gives string offsets for a string', () => {
    const xml = `<root xmlns="${SML}"><t a="ễ">Tiếng Việt 😀</t><t b='x'/></root>`;
    const bytes = new TextEncoder().encode(xml);
    expect(events(new XmlScanner(bytes, 'p'))).toEqual(events(XmlScanner.of(xml)));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'ễ', '😀', ' ', '&amp;'), { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        const doc = `<r xmlns="${SML}" v="${text}"><t>${text}</t><u x="${text}"/></r>`;
        const sc = XmlScanner.of(doc);
        for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
          const tag = doc.slice(sc.tagStart, sc.tagEnd);
          const opening = ev === START || sc.selfClosing;
          expect(tag.startsWith(opening ? `<${sc.qname}` : `</${sc.qname}`)).toBe(true);
          expect(tag.endsWith('>')).toBe(true);
          if (ev === START && sc.local === 't') {
            const from = sc.tagEnd;
            expect(sc.text()).toBe(text.replace(/&amp;/g, '&'));
            expect(doc.slice(from, sc.offset)).toBe(`${text}</t>`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('skips a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`<a xmlns="${SML}"/>`)]);
    const sc = new XmlScanner(bytes, 'p');
    expect(sc.next()).toBe(START);
    expect(sc.local).toBe('a');
  });
});

describe('XmlScanner.skipElement', () => {
  /** Where each way of skipping leaves the scanner after the START of the first `row`, and the events after it. */
  function afterSkip(xml: string, how: 'skip' | 'skipElement'): { offset: number; rest: string[] } {
    const sc = XmlScanner.of(xml);
    for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
      if (ev === START && sc.local === 'row') {
        if (how === 'skip') sc.skip();
        else sc.skipElement();
        return { offset: sc.offset, rest: events(sc) };
      }
    }
    throw new Error('no row');
  }

  const rows = [
    `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f>A1&gt;1</f><v>1</v></c></row>`,
    `<row r="1"/>`,
    `<row r="1" ><c r="A1"/></row >`,
    `<row r="1"><c r="A1"><!-- </row> --><v>1</v></c></row>`,
    `<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[</row>]]></t></is></c></row>`,
    `<row r="1"><?pi </row>?><c r="A1"/></row>`,
    `<row r="1"><extLst><row r="9"/></extLst></row>`,
    `<row r="1"><rows/><c r="A1" t="str"><v>a &lt; b</v></c><rowx/></row>`,
  ];

  it.each(rows)('ends where skip() ends, and the events after it are the same: %s', (row) => {
    const xml = `<worksheet xmlns="${SML}"><sheetData>${row}<row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`;
    expect(afterSkip(xml, 'skipElement')).toEqual(afterSkip(xml, 'skip'));
  });

  it('keeps to the prefix the element is written with', () => {
    const xml = `<x:worksheet xmlns:x="${SML}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="2"/></x:sheetData></x:worksheet>`;
    expect(afterSkip(xml, 'skipElement')).toEqual(afterSkip(xml, 'skip'));
  });

  it('reports a row without its end as skip() does', () => {
    const xml = `<worksheet xmlns="${SML}"><sheetData><row r="1"><c r="A1"><v>1</v>`;
    expect(() => afterSkip(xml, 'skipElement')).toThrow(XmlSyntaxError);
  });
});
