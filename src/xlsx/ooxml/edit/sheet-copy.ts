/**
 * A worksheet part made fit for another package: its look stays (cell formats remapped to the
 * target's stylesheet, column widths and styles, row heights, merged cells, frozen panes,
 * conditional formats, print setup), its shared strings become the target's, and what points to
 * other parts of the source package (drawings, comments, tables, external links, controls,
 * extensions) is left out, since those parts do not come along.
 */
import { rootAndChildren, removeAttribute, setAttribute } from './xml-edit';
import { applySplices, type Splice } from './splice';
import { escapeXml } from '../xml';

/** Children of a worksheet that refer to parts of the source package (or to its extensions). */
const LEFT_OUT = new Set([
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

export interface SheetStylesUsed {
  xfs: Set<number>;
  dxfs: Set<number>;
}

const CELL_OR_ROW = /<((?:[\w.-]+:)?)(c|row)\b[^>]*?\ss="(\d+)"/g;
const COL_STYLE = /<(?:[\w.-]+:)?col\b[^>]*?\sstyle="(\d+)"/g;
const DXF = /\sdxfId="(\d+)"/g;

/** The cell formats (cells, rows, columns) and differential formats a sheet part uses. */
export function stylesUsed(xml: string): SheetStylesUsed {
  const xfs = new Set<number>([0]);
  const dxfs = new Set<number>();
  for (const m of xml.matchAll(CELL_OR_ROW)) xfs.add(Number(m[3]));
  for (const m of xml.matchAll(COL_STYLE)) xfs.add(Number(m[1]));
  for (const m of xml.matchAll(DXF)) dxfs.add(Number(m[1]));
  return { xfs, dxfs };
}

export interface SheetCopyMaps {
  xf: ReadonlyMap<number, number>;
  dxf: ReadonlyMap<number, number>;
  /** The source's shared strings, by index. */
  sourceStrings: readonly string[];
  /** A text as the target stores it: its shared-string index, or null to write it inline. */
  targetString(text: string): number | null;
}

const CELL = /<((?:[\w.-]+:)?)c\b([^>]*?)(\/>|>([\s\S]*?)<\/\1c>)/g;

function remapStyle(tag: string, attr: string, map: ReadonlyMap<number, number>): string {
  const m = new RegExp(`\\s${attr}="(\\d+)"`).exec(tag);
  if (!m) return tag;
  return setAttribute(tag, attr, String(map.get(Number(m[1])) ?? 0));
}

function copyCell(prefix: string, attrs: string, body: string | undefined, maps: SheetCopyMaps): string {
  let tag = remapStyle(`<${prefix}c${attrs}>`, 's', maps.xf);
  if (body === undefined) return tag.replace(/>$/, '/>');
  if (/\st="s"/.test(tag)) {
    const v = /<((?:[\w.-]+:)?)v>\s*(\d+)\s*<\/\1v>/.exec(body);
    const text = v ? (maps.sourceStrings[Number(v[2])] ?? '') : '';
    const index = maps.targetString(text);
    if (index !== null) return `${tag}<${prefix}v>${index}</${prefix}v></${prefix}c>`;
    tag = setAttribute(tag, 't', 'inlineStr');
    const t = `<${prefix}t xml:space="preserve">${escapeXml(text)}</${prefix}t>`;
    return `${tag}<${prefix}is>${t}</${prefix}is></${prefix}c>`;
  }
  return `${tag}${body}</${prefix}c>`;
}

export function portableSheet(xml: string, part: string, maps: SheetCopyMaps): string {
  const { children } = rootAndChildren(xml, part);
  const splices: Splice[] = [];
  const replace = (start: number, end: number, text: string) =>
    splices.push({ at: start, remove: end - start, insert: text });
  for (const child of children) {
    const text = xml.slice(child.start, child.end);
    if (LEFT_OUT.has(child.local)) replace(child.start, child.end, '');
    else if (child.local === 'sheetData')
      replace(
        child.start,
        child.end,
        text
          .replace(CELL, (_m, prefix: string, attrs: string, _end: string, body: string | undefined) =>
            copyCell(prefix, attrs, body, maps),
          )
          .replace(/<(?:[\w.-]+:)?row\b[^>]*>/g, (tag) => remapStyle(tag, 's', maps.xf)),
      );
    else if (child.local === 'cols')
      replace(
        child.start,
        child.end,
        text.replace(/<(?:[\w.-]+:)?col\b[^>]*>/g, (tag) => remapStyle(tag, 'style', maps.xf)),
      );
    else if (child.local === 'conditionalFormatting')
      replace(
        child.start,
        child.end,
        text.replace(/<(?:[\w.-]+:)?cfRule\b[^>]*>/g, (tag) => {
          const m = /\sdxfId="(\d+)"/.exec(tag);
          if (!m) return tag;
          const to = maps.dxf.get(Number(m[1]));
          return to === undefined ? removeAttribute(tag, 'dxfId') : setAttribute(tag, 'dxfId', String(to));
        }),
      );
    else if (child.local === 'sheetViews')
      // One selected sheet per workbook: a second one would group the sheets in Excel.
      replace(
        child.start,
        child.end,
        text.replace(/<(?:[\w.-]+:)?sheetView\b[^>]*>/g, (tag) => removeAttribute(tag, 'tabSelected')),
      );
    else if (child.local === 'hyperlinks')
      // Links to addresses outside live in the source's relationships; links inside the workbook stay.
      replace(
        child.start,
        child.end,
        text.replace(/<(?:[\w.-]+:)?hyperlink\b[^>]*\/>/g, (tag) => (/\sr:id=/.test(tag) ? '' : tag)),
      );
    else if (child.local === 'sheetFormatPr' && !/\sdefaultRowHeight=/.test(text))
      // Some writers (ExcelJS) leave out this required attribute; the copy is made valid.
      replace(
        child.start,
        child.end,
        setAttribute(text.slice(0, child.openEnd - child.start), 'defaultRowHeight', '15') +
          text.slice(child.openEnd - child.start),
      );
    else if (child.local === 'pageSetup' || child.local === 'headerFooter')
      replace(child.start, child.end, text.replace(/\sr:id="[^"]*"/g, ''));
  }
  let out = applySplices(xml, splices);
  // A hyperlinks element left empty is not valid.
  out = out.replace(/<((?:[\w.-]+:)?)hyperlinks>\s*<\/\1hyperlinks>/, '');
  return out;
}
