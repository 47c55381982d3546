/**
 * A small theme part. Table and pivot styles are drawn in theme colours, so without a theme each
 * reader picks its own; these are the Office 2007 colours the workbook has always shown. The
 * format scheme holds the three plain entries per list the schema requires.
 */

const COLORS: [string, string][] = [
  ['dk2', '1F497D'],
  ['lt2', 'EEECE1'],
  ['accent1', '4F81BD'],
  ['accent2', 'C0504D'],
  ['accent3', '9BBB59'],
  ['accent4', '8064A2'],
  ['accent5', '4BACC6'],
  ['accent6', 'F79646'],
  ['hlink', '0000FF'],
  ['folHlink', '800080'],
];

function fontCollection(tag: string, latin: string): string {
  return `<a:${tag}><a:latin typeface="${latin}"/><a:ea typeface=""/><a:cs typeface=""/></a:${tag}>`;
}

const solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
const line = (w: number) => `<a:ln w="${w}">${solid}</a:ln>`;
const effect = '<a:effectStyle><a:effectLst/></a:effectStyle>';

export const THEME_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements>' +
  '<a:clrScheme name="Office">' +
  '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>' +
  COLORS.map(([tag, rgb]) => `<a:${tag}><a:srgbClr val="${rgb}"/></a:${tag}>`).join('') +
  '</a:clrScheme>' +
  `<a:fontScheme name="Office">${fontCollection('majorFont', 'Cambria')}${fontCollection('minorFont', 'Calibri')}</a:fontScheme>` +
  '<a:fmtScheme name="Office">' +
  `<a:fillStyleLst>${solid}${solid}${solid}</a:fillStyleLst>` +
  `<a:lnStyleLst>${line(9525)}${line(25400)}${line(38100)}</a:lnStyleLst>` +
  `<a:effectStyleLst>${effect}${effect}${effect}</a:effectStyleLst>` +
  `<a:bgFillStyleLst>${solid}${solid}${solid}</a:bgFillStyleLst>` +
  '</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>';
