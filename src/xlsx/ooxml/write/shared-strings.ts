import { escapeXml } from '../xml';
import type { PartWriter } from './zip';

/** `<t>` content; leading or trailing white space needs xml:space or readers drop it. */
export function textElement(text: string): string {
  const escaped = escapeXml(text);
  const last = text.length - 1;
  const padded = text.charCodeAt(0) <= 32 || text.charCodeAt(last) <= 32;
  return padded ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}

/**
 * The shared-string table: each distinct text once, cells refer to it by index. It holds every
 * distinct text until the sheets are written (the format puts the table in its own part).
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  /** Cells referring to the table (the `count` attribute). */
  references = 0;

  id(text: string): number {
    this.references++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
    }
    return i;
  }

  get size(): number {
    return this.index.size;
  }

  write(part: PartWriter): void {
    part.write(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${this.index.size}">`,
    );
    for (const text of this.index.keys()) part.write(`<si>${textElement(text)}</si>`);
    part.write('</sst>');
  }
}
