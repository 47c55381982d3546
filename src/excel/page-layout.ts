import { printMarginsMm } from '../workbook/sheets/print-layout';
import type { PrintSpec } from '../workbook/types';

/**
 * A sheet's print setup (PrintSpec, the same one the .xlsx writer prints from) as Excel's page
 * layout takes it (Worksheet.pageLayout, ExcelApi 1.9): paper, orientation, margins in points,
 * fit to pages, the rows repeated on every page, the print area, and the header and footer split
 * into the left, centre and right sections office.js has one property each for.
 */

export interface HeaderFooterSections {
  left: string;
  center: string;
  right: string;
}

export interface PageLayoutSettings {
  paperSize?: 'A4' | 'A3' | 'Letter';
  orientation?: 'Portrait' | 'Landscape';
  /** Points: office.js takes margins in points. */
  margins?: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Fit to so many pages; a side left out is as many pages as needed. */
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally?: boolean;
  printGridlines?: boolean;
  /** "$5:$5". */
  titleRows?: string;
  /** "A1:H40". */
  area?: string;
  /** Headers and footers: all pages, and the first page when it differs. */
  header?: HeaderFooterSections;
  footer?: HeaderFooterSections;
  firstHeader?: HeaderFooterSections;
  firstFooter?: HeaderFooterSections;
}

const POINTS_PER_MM = 72 / 25.4;

function points(mm: number): number {
  return Math.round(mm * POINTS_PER_MM * 100) / 100;
}

const PAPER: Record<NonNullable<PrintSpec['paper']>, NonNullable<PageLayoutSettings['paperSize']>> = {
  A4: 'A4',
  A3: 'A3',
  letter: 'Letter',
};

/**
 * Excel's header code ("&L…&C…&R…") cut into its three sections. Text before any section code
 * is centred, as Excel does; "&&" is a literal ampersand and stays as it is.
 */
export function headerSections(code: string): HeaderFooterSections {
  const out: HeaderFooterSections = { left: '', center: '', right: '' };
  let section: keyof HeaderFooterSections = 'center';
  let i = 0;
  while (i < code.length) {
    const ch = code[i];
    if (ch === '&' && i + 1 < code.length) {
      const next = code[i + 1];
      const to = next === 'L' ? 'left' : next === 'C' ? 'center' : next === 'R' ? 'right' : null;
      if (to) {
        section = to;
        i += 2;
        continue;
      }
      out[section] += ch + next;
      i += 2;
      continue;
    }
    out[section] += ch;
    i += 1;
  }
  return out;
}

export function pageLayoutOf(print: PrintSpec): PageLayoutSettings {
  const out: PageLayoutSettings = {};
  if (print.paper) out.paperSize = PAPER[print.paper];
  if (print.orientation) out.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  if (print.marginsMm) {
    const m = printMarginsMm(print.marginsMm);
    out.margins = {
      top: points(m.top),
      bottom: points(m.bottom),
      left: points(m.left),
      right: points(m.right),
      header: points(m.header),
      footer: points(m.footer),
    };
  }
  const zoom: NonNullable<PageLayoutSettings['zoom']> = {};
  // 0 in the spec is "as many pages as needed": office.js leaves that side out.
  if (print.fitToWidth) zoom.horizontalFitToPages = print.fitToWidth;
  if (print.fitToHeight) zoom.verticalFitToPages = print.fitToHeight;
  if (print.fitToWidth !== undefined || print.fitToHeight !== undefined) out.zoom = zoom;
  if (print.centerHorizontally !== undefined) out.centerHorizontally = print.centerHorizontally;
  if (print.gridLines !== undefined) out.printGridlines = print.gridLines;
  if (print.repeatRows) out.titleRows = `$${print.repeatRows.first}:$${print.repeatRows.last}`;
  if (print.area) out.area = print.area;
  if (print.header !== undefined) out.header = headerSections(print.header);
  if (print.footer !== undefined) out.footer = headerSections(print.footer);
  if (print.firstHeader !== undefined) out.firstHeader = headerSections(print.firstHeader);
  if (print.firstFooter !== undefined) out.firstFooter = headerSections(print.firstFooter);
  return out;
}

function setSections(
  hf: Excel.HeaderFooter,
  header: HeaderFooterSections | undefined,
  footer: HeaderFooterSections | undefined,
): void {
  if (header) {
    hf.leftHeader = header.left;
    hf.centerHeader = header.center;
    hf.rightHeader = header.right;
  }
  if (footer) {
    hf.leftFooter = footer.left;
    hf.centerFooter = footer.center;
    hf.rightFooter = footer.right;
  }
}

/** Queues the settings on a worksheet's page layout (the caller has checked ExcelApi 1.9). */
export function queuePageLayout(ws: Excel.Worksheet, s: PageLayoutSettings): void {
  const layout = ws.pageLayout;
  if (s.paperSize) layout.paperSize = s.paperSize;
  if (s.orientation) layout.orientation = s.orientation;
  if (s.margins) {
    layout.topMargin = s.margins.top;
    layout.bottomMargin = s.margins.bottom;
    layout.leftMargin = s.margins.left;
    layout.rightMargin = s.margins.right;
    layout.headerMargin = s.margins.header;
    layout.footerMargin = s.margins.footer;
  }
  // office.js takes the zoom as one object (x.zoom = {...}), never member by member.
  if (s.zoom) layout.zoom = s.zoom;
  if (s.centerHorizontally !== undefined) layout.centerHorizontally = s.centerHorizontally;
  if (s.printGridlines !== undefined) layout.printGridlines = s.printGridlines;
  if (s.titleRows) layout.setPrintTitleRows(s.titleRows);
  if (s.area) layout.setPrintArea(s.area);
  if (s.header || s.footer || s.firstHeader || s.firstFooter) {
    const group = layout.headersFooters;
    const first = s.firstHeader || s.firstFooter;
    group.state = first ? 'FirstAndDefault' : 'Default';
    setSections(group.defaultForAllPages, s.header, s.footer);
    if (first) setSections(group.firstPage, s.firstHeader, s.firstFooter);
  }
}
