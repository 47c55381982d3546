/** Escaping for the XML the .xlsx code writes by hand. */

// XML 1.0 cannot carry these control characters at all, even escaped.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text content: `&`, `<`, `>` escaped; characters XML cannot carry removed. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(FORBIDDEN, '');
}

/** An attribute value in double quotes: also `"`, and line breaks kept as character references. */
export function escapeAttr(text: string): string {
  return escapeXml(text)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|quot|apos|amp);/g, (_m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[e] as string;
  });
}
