/**
 * How the workbook prints, in one place. The layout of Vietnamese administrative documents is
 * fixed by Nghị định 30/2020/NĐ-CP (công tác văn thư), Phụ lục I: A4 paper; margins top and
 * bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman (Unicode, TCVN 6909:2001),
 * black; the national title `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` in capitals, bold, 12–13 pt; the
 * motto `Độc lập - Tự do - Hạnh phúc` bold, 13–14 pt, underlined; the issuer top left; place and
 * date in italics; the title bold in capitals; portrait, or landscape where the content is a
 * table. The decree numbers pages at the top centre; the issue asks for the number in the
 * footer (`Trang 2/3`), which is where office staff look for it in a spreadsheet printout.
 */
import type { Lang } from '../../model/lang';
import type { PrintSpec } from '../types';

export const DECREE_30 = {
  paper: 'A4',
  /** The smallest margins the decree allows: the most table on a page. */
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
  font: 'Times New Roman',
  nationalTitlePt: 12,
  mottoPt: 13,
  titlePt: 14,
  bodyPt: 13,
  tablePt: 11,
} as const;

const PAGE_WORD = { vi: 'Trang', en: 'Page' } as const;

/** Centred footer "Trang 2/5". */
export function pageNumberFooter(lang: Lang): string {
  return `&C&"${DECREE_30.font},Regular"&10${PAGE_WORD[lang]} &P/&N`;
}

function decreePage(lang: Lang): Pick<PrintSpec, 'paper' | 'marginsMm' | 'footer'> {
  return { paper: DECREE_30.paper, marginsMm: { ...DECREE_30.marginsMm }, footer: pageNumberFooter(lang) };
}

/** `Nhiệm vụ`: landscape, one page wide, the header row on every page. */
export function taskTablePrint(lang: Lang, headerRow1: number): PrintSpec {
  return {
    ...decreePage(lang),
    orientation: 'landscape',
    fitToWidth: 1,
    fitToHeight: 0,
    repeatRows: { first: headerRow1, last: headerRow1 },
  };
}

/** A sheet of figures (Tổng hợp, radar, pivots, period summary): one page wide. */
export function figuresPrint(
  lang: Lang,
  orientation: 'portrait' | 'landscape',
  repeatRows?: PrintSpec['repeatRows'],
): PrintSpec {
  return {
    ...decreePage(lang),
    orientation,
    fitToWidth: 1,
    fitToHeight: 0,
    centerHorizontally: true,
    ...(repeatRows ? { repeatRows } : {}),
  };
}

/** The Báo cáo sheet: portrait like the documents it stands for. */
export function reportPrint(lang: Lang, repeatRows: PrintSpec['repeatRows'], runningHead: string): PrintSpec {
  const page = decreePage(lang);
  return {
    ...page,
    orientation: 'portrait',
    fitToWidth: 1,
    fitToHeight: 0,
    repeatRows,
    // From page 2 on, the national title and the report's title run at the top; page 1 has
    // them in full in the body.
    header: runningHead,
    firstHeader: '',
    firstFooter: page.footer,
  };
}

/**
 * A sheet's margins in millimetres with the header's and footer's distances filled in (half the
 * top or bottom margin, at most 10 mm, where the spec leaves them out): both renderers print
 * with these.
 */
export function printMarginsMm(
  m: NonNullable<PrintSpec['marginsMm']>,
): Required<NonNullable<PrintSpec['marginsMm']>> {
  return {
    ...m,
    header: m.header ?? Math.min(10, m.top / 2),
    footer: m.footer ?? Math.min(10, m.bottom / 2),
  };
}
