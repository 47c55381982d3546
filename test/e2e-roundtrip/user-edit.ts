/**
 * Edits cells of an .xlsx the way another program would save them: straight in the sheet XML,
 * strings added to the shared-string table (as Excel does), dates as serial numbers. Written
 * independently of src/xlsx so a round trip does not test our code with itself.
 */
import JSZip from 'jszip';

export type UserValue = string | number | null;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function colNumber(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

async function sheetPath(zip: JSZip, sheetName: string): Promise<string> {
  const wb = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const sheet = [...wb.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`name="${escape(sheetName)}"`));
  const rid = sheet && /r:id="([^"]+)"/.exec(sheet)?.[1];
  const rel =
    rid &&
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`sheet ${sheetName} not found`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Sets cells of one sheet; `edits` maps A1 addresses to values (null empties the cell). */
export async function editCells(
  bytes: Uint8Array,
  sheetName: string,
  edits: Record<string, UserValue>,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const path = await sheetPath(zip, sheetName);
  let xml = (await zip.file(path)?.async('string')) ?? '';
  let sst = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  let count = [...sst.matchAll(/<si>/g)].length;
  for (const [ref, value] of Object.entries(edits)) {
    const cellRe = new RegExp(`<c r="${ref}"([^>]*?)(/>|>[\\s\\S]*?</c>)`);
    const m = cellRe.exec(xml);
    const style = m ? (/ s="(\d+)"/.exec(m[1])?.[1] ?? null) : null;
    const s = style ? ` s="${style}"` : '';
    let cell: string;
    if (value === null) cell = `<c r="${ref}"${s}/>`;
    else if (typeof value === 'number') cell = `<c r="${ref}"${s}><v>${value}</v></c>`;
    else {
      sst = sst.replace('</sst>', `<si><t xml:space="preserve">${escape(value)}</t></si></sst>`);
      cell = `<c r="${ref}"${s} t="s"><v>${count}</v></c>`;
      count += 1;
    }
    if (m) xml = xml.replace(m[0], cell);
    else {
      // No such cell yet: put it in its row, before the first cell to its right.
      const rowNum = /\d+$/.exec(ref)?.[0];
      const rowRe = new RegExp(`<row r="${rowNum}"[^>]*?(/>|>[\\s\\S]*?</row>)`);
      const row = rowRe.exec(xml);
      if (!row) throw new Error(`row ${rowNum} not found`);
      const cells = [...row[0].matchAll(/<c r="([A-Z]+\d+)"[^>]*?(\/>|>[\s\S]*?<\/c>)/g)];
      const after = cells.find((c) => colNumber(c[1]) > colNumber(ref));
      const newRow = after
        ? row[0].replace(after[0], cell + after[0])
        : row[0].endsWith('/>')
          ? row[0].replace(/\/>$/, `>${cell}</row>`)
          : row[0].replace(/<\/row>$/, `${cell}</row>`);
      xml = xml.replace(row[0], newRow);
    }
  }
  sst = sst.replace(/count="\d+"/, `count="${count}"`).replace(/uniqueCount="\d+"/, `uniqueCount="${count}"`);
  zip.file(path, xml);
  zip.file('xl/sharedStrings.xml', sst);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
