import { escapeAttr, escapeXml } from '../../../src/xlsx/ooxml/xml';

describe('escaping text for the XML the editor writes', () => {
  it('leaves text with nothing to escape as it is', () => {
    for (const text of ['', 'III.1', 'Đang thực hiện', 'K12', 'a\tb\nc\rd'])
      expect(escapeXml(text)).toBe(text);
    for (const text of ['', 'III.1', 'Đang thực hiện', "it's"]) expect(escapeAttr(text)).toBe(text);
  });

  it('escapes markup characters and drops what XML cannot carry, in text', () => {
    expect(escapeXml('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(escapeXml('x\u0001y\u000bz\ufffe\uffff')).toBe('xyz');
    expect(escapeXml('"quoted"\ttab')).toBe('"quoted"\ttab');
  });

  it('also escapes quotes and keeps line breaks and tabs as references, in attributes', () => {
    expect(escapeAttr('say "hi"')).toBe('say &quot;hi&quot;');
    expect(escapeAttr('a\nb\rc\td')).toBe('a&#10;b&#13;c&#9;d');
    expect(escapeAttr('<&>\u0002')).toBe('&lt;&amp;&gt;');
  });
});
