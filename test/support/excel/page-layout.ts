/**
 * A worksheet's page layout in the strict double (Worksheet.pageLayout, ExcelApi 1.9; office.js
 * itself refuses the property below 1.9 with ApiNotFound), with what Excel refuses:
 * - orientation, paper size and header/footer state outside their enums (InvalidArgument);
 * - a margin below 0, or margins that leave no room on the paper (Excel's page setup: "Margins
 *   do not fit page size");
 * - a zoom scale outside 10–400 % (PageLayoutZoomOptions: "between 10 and 400"), a page count to
 *   fit to that is not a whole number from 1 to 32,767 (Excel's page setup dialog), a scale
 *   given together with pages to fit to (the documentation: one or the other is null);
 * - print title rows that are not whole rows ("$5:$5"), a print area that is not an address;
 * - a header or footer longer than 255 characters, format codes and the &L/&C/&R section codes
 *   counted (Excel's limit for the whole header, as VBA's PageSetup and the libraries writing
 *   files meet it: jmcnamara/libxlsxwriter#305, ClosedXML#141).
 */

import { parseA1 } from './a1';
import { ExcelError } from './workbook';

export type HeaderFooterPart =
  'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter';

export type HeaderFooterPages = 'defaultForAllPages' | 'firstPage' | 'evenPages' | 'oddPages';

export interface PageLayoutState {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  /** Points. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally: boolean;
  printGridlines: boolean;
  titleRows: string | null;
  area: string | null;
  headerFooterState: 'Default' | 'FirstAndDefault' | 'OddAndEven' | 'FirstOddAndEven';
  headersFooters: Record<HeaderFooterPages, Record<HeaderFooterPart, string>>;
}

/** Paper sizes in points (width × height, portrait) for the checks on margins. */
const PAPER_POINTS: Record<string, [number, number]> = {
  A4: [595.3, 841.9],
  A3: [841.9, 1190.6],
  A5: [419.5, 595.3],
  Letter: [612, 792],
  Legal: [612, 1008],
};

const PAPER_TYPES = new Set([
  'Letter',
  'LetterSmall',
  'Tabloid',
  'Ledger',
  'Legal',
  'Statement',
  'Executive',
  'A3',
  'A4',
  'A4Small',
  'A5',
  'B4',
  'B5',
  'Folio',
  'Quatro',
  'Paper10x14',
  'Paper11x17',
  'Note',
]);

const STATES = new Set(['Default', 'FirstAndDefault', 'OddAndEven', 'FirstOddAndEven']);

/** Excel's longest header or footer, in characters, codes included. */
export const HEADER_FOOTER_MAX = 255;

function invalid(message: string): ExcelError {
  return new ExcelError('InvalidArgument', message);
}

function emptyParts(): Record<HeaderFooterPart, string> {
  return {
    leftHeader: '',
    centerHeader: '',
    rightHeader: '',
    leftFooter: '',
    centerFooter: '',
    rightFooter: '',
  };
}

/** Excel's defaults: Letter, portrait, margins 0.75" / 0.7", header and footer 0.3". */
export function defaultPageLayout(): PageLayoutState {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    margins: { top: 54, bottom: 54, left: 50.4, right: 50.4, header: 21.6, footer: 21.6 },
    zoom: { scale: 100 },
    centerHorizontally: false,
    printGridlines: false,
    titleRows: null,
    area: null,
    headerFooterState: 'Default',
    headersFooters: {
      defaultForAllPages: emptyParts(),
      firstPage: emptyParts(),
      evenPages: emptyParts(),
      oddPages: emptyParts(),
    },
  };
}

/** The header (or footer) as Excel stores it: each non-empty section after its code. */
export function storedHeaderFooter(
  parts: Record<HeaderFooterPart, string>,
  kind: 'Header' | 'Footer',
): string {
  const section = (code: string, text: string) => (text ? `&${code}${text}` : '');
  return (
    section('L', parts[`left${kind}`]) +
    section('C', parts[`center${kind}`]) +
    section('R', parts[`right${kind}`])
  );
}

function checkMargins(p: PageLayoutState, paper = p.paperSize, orientation = p.orientation): void {
  const m = p.margins;
  for (const [k, v] of Object.entries(m)) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw invalid(`${k}Margin = ${String(v)}`);
  }
  const size = PAPER_POINTS[paper];
  if (!size) return;
  const [w, h] = orientation === 'Landscape' ? [size[1], size[0]] : size;
  if (m.left + m.right >= w || m.top + m.bottom >= h) throw invalid('Margins do not fit page size.');
}

function fitPages(v: unknown, name: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 32767)
    throw invalid(`${name} = ${String(v)}`);
  return v;
}

export function setPageLayout(p: PageLayoutState, prop: string, value: unknown): void {
  switch (prop) {
    case 'orientation':
      if (value !== 'Portrait' && value !== 'Landscape') throw invalid(`orientation = ${String(value)}`);
      checkMargins(p, p.paperSize, value);
      p.orientation = value;
      return;
    case 'paperSize':
      if (typeof value !== 'string' || !PAPER_TYPES.has(value)) throw invalid(`paperSize = ${String(value)}`);
      checkMargins(p, value);
      p.paperSize = value;
      return;
    case 'topMargin':
    case 'bottomMargin':
    case 'leftMargin':
    case 'rightMargin':
    case 'headerMargin':
    case 'footerMargin': {
      const key = prop.replace('Margin', '') as keyof PageLayoutState['margins'];
      const before = p.margins[key];
      p.margins[key] = value as number;
      try {
        checkMargins(p);
      } catch (e) {
        p.margins[key] = before;
        throw e;
      }
      return;
    }
    case 'zoom': {
      if (!value || typeof value !== 'object') throw invalid('zoom must be set as one object');
      const z = value as Record<string, unknown>;
      const h = fitPages(z.horizontalFitToPages, 'horizontalFitToPages');
      const v = fitPages(z.verticalFitToPages, 'verticalFitToPages');
      const scale = z.scale;
      if (scale !== undefined && scale !== null) {
        if (typeof scale !== 'number' || scale < 10 || scale > 400) throw invalid(`scale = ${String(scale)}`);
        if (h !== undefined || v !== undefined)
          throw invalid('A zoom scale and pages to fit to, both given.');
        p.zoom = { scale };
        return;
      }
      if (h === undefined && v === undefined) throw invalid('zoom needs a scale or pages to fit to');
      p.zoom = {
        ...(h !== undefined ? { horizontalFitToPages: h } : {}),
        ...(v !== undefined ? { verticalFitToPages: v } : {}),
      };
      return;
    }
    case 'centerHorizontally':
    case 'printGridlines':
      if (typeof value !== 'boolean') throw invalid(`${prop} = ${String(value)}`);
      p[prop] = value;
      return;
  }
  throw new ExcelError('NotImplemented', `Double: PageLayout.${prop} (set) is not implemented`);
}

/** Whole rows only: "$5:$5", "5:6". */
export function setPrintTitleRows(p: PageLayoutState, address: string): void {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(address.replace(/^.*!/, ''));
  if (!m || Number(m[1]) < 1 || Number(m[2]) < Number(m[1])) throw invalid(`setPrintTitleRows(${address})`);
  p.titleRows = `$${m[1]}:$${m[2]}`;
}

export function setPrintArea(p: PageLayoutState, address: string): void {
  if (!parseA1(address.replace(/^.*!/, ''))) throw invalid(`setPrintArea(${address})`);
  p.area = address;
}

export function setHeaderFooterState(p: PageLayoutState, value: unknown): void {
  if (typeof value !== 'string' || !STATES.has(value))
    throw invalid(`headersFooters.state = ${String(value)}`);
  p.headerFooterState = value as PageLayoutState['headerFooterState'];
}

export function setHeaderFooterPart(
  p: PageLayoutState,
  pages: HeaderFooterPages,
  part: HeaderFooterPart,
  value: unknown,
): void {
  if (typeof value !== 'string') throw invalid(`${part} = ${String(value)}`);
  const parts = { ...p.headersFooters[pages], [part]: value };
  const kind = part.endsWith('Header') ? 'Header' : 'Footer';
  const stored = storedHeaderFooter(parts, kind);
  if (stored.length > HEADER_FOOTER_MAX)
    throw invalid(
      `The ${kind.toLowerCase()} is ${stored.length} characters long; Excel allows ${HEADER_FOOTER_MAX}.`,
    );
  p.headersFooters[pages] = parts;
}
