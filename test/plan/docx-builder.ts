/** Builds a minimal real .docx (WordprocessingML in a ZIP) for tests: paragraphs and Word tables. */
import JSZip from 'jszip';

/** A paragraph (optionally in Word's automatic numbering: list `num`, level `level`) or a table. */
export type Block = { p: string; num?: number; level?: number; style?: string } | { table: string[][] };

export interface DocxParts {
  /** word/numbering.xml, when the paragraphs use automatic numbering. */
  numbering?: string;
  /** word/styles.xml. */
  styles?: string;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** "*x*" / "**x**" in the source become italic / bold runs, as the plan's author wrote them in Word. */
function runs(text: string): string {
  const parts = text.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/);
  return parts
    .filter((p) => p !== '')
    .map((p) => {
      const bold = /^\*\*[^*]+\*\*$/.test(p);
      const italic = !bold && /^\*[^*]+\*$/.test(p);
      const t = bold ? p.slice(2, -2) : italic ? p.slice(1, -1) : p.replace(/\*/g, '');
      const rPr = bold ? '<w:rPr><w:b/></w:rPr>' : italic ? '<w:rPr><w:i/></w:rPr>' : '';
      return `<w:r>${rPr}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
    })
    .join('');
}

function paragraph(text: string, num?: number, level = 0, style?: string): string {
  const numPr =
    num !== undefined ? `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${num}"/></w:numPr>` : '';
  const pStyle = style ? `<w:pStyle w:val="${style}"/>` : '';
  const pPr = numPr || pStyle ? `<w:pPr>${pStyle}${numPr}</w:pPr>` : '';
  return `<w:p>${pPr}${runs(text)}</w:p>`;
}

function table(rows: string[][]): string {
  const body = rows
    .map(
      (r) =>
        `<w:tr>${r.map((c) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${paragraph(c)}</w:tc>`).join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${body}</w:tbl>`;
}

export async function buildDocx(blocks: Block[], parts: DocxParts = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  const body = blocks
    .map((b) => ('p' in b ? paragraph(b.p, b.num, b.level, b.style) : table(b.table)))
    .join('');
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  if (parts.numbering)
    zip.file(
      'word/numbering.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${ns}>${parts.numbering}</w:numbering>`,
    );
  if (parts.styles)
    zip.file(
      'word/styles.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:styles ${ns}>${parts.styles}</w:styles>`,
    );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}
