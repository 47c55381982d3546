import { escapeXml } from '../xml';
import type { ChartModel, ChartSeriesModel } from './model';

/** A bar chart: the drawing part that anchors it on the sheet, and the chart part (DrawingML). */

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

/** `charts` are related from the drawing as rId1…rIdN, in order. */
export function drawingXml(charts: readonly ChartModel[]): string {
  const anchors = charts
    .map((c, i) => {
      const pos = (tag: string, p: { row: number; col: number }) =>
        `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">${pos('from', c.from)}${pos('to', c.to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
        '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
      );
    })
    .join('');
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">${anchors}</xdr:wsDr>`;
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="${size * 100}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function strCache(values: readonly string[]): string {
  return (
    `<c:strCache><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('') +
    '</c:strCache>'
  );
}

function numCache(values: readonly (number | null)[], format: string): string {
  return (
    `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>` +
    values
      .map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
      .join('') +
    '</c:numCache>'
  );
}

function seriesXml(s: ChartSeriesModel, i: number, chart: ChartModel): string {
  let x = `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>`;
  if (s.name && 'ref' in s.name) x += `<c:tx><c:strRef><c:f>${escapeXml(s.name.ref)}</c:f></c:strRef></c:tx>`;
  else if (s.name) x += `<c:tx><c:v>${escapeXml(s.name.text)}</c:v></c:tx>`;
  x += `<c:spPr><a:solidFill><a:srgbClr val="${(s.color ?? PALETTE[i % PALETTE.length]).replace(/^#/, '').toUpperCase()}"/></a:solidFill></c:spPr>`;
  x += '<c:invertIfNegative val="0"/>';
  if (chart.labels)
    x +=
      `<c:dLbls>${chart.numFmt ? `<c:numFmt formatCode="${escapeXml(chart.numFmt)}" sourceLinked="0"/>` : ''}` +
      '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>' +
      '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';
  x += `<c:cat><c:strRef><c:f>${escapeXml(s.categories)}</c:f>${s.cache ? strCache(s.cache.categories) : ''}</c:strRef></c:cat>`;
  x += `<c:val><c:numRef><c:f>${escapeXml(s.values)}</c:f>${s.cache ? numCache(s.cache.values, chart.numFmt ?? 'General') : ''}</c:numRef></c:val>`;
  return x + '</c:ser>';
}

export function chartXml(chart: ChartModel): string {
  const horizontal = (chart.direction ?? 'bar') === 'bar';
  const scaling =
    // Horizontal bars list categories top to bottom only with the category axis reversed.
    `<c:scaling><c:orientation val="minMax"/>${chart.max !== undefined ? `<c:max val="${chart.max}"/>` : ''}` +
    `${chart.min !== undefined ? `<c:min val="${chart.min}"/>` : ''}</c:scaling>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:roundedCorners val="0"/><c:chart>` +
    (chart.title ? `<c:title>${richText(chart.title, 12, true)}<c:overlay val="0"/></c:title>` : '') +
    `<c:autoTitleDeleted val="${chart.title ? 0 : 1}"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    chart.series.map((s, i) => seriesXml(s, i, chart)).join('') +
    '<c:gapWidth val="60"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>' +
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>' +
    '<c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="1002"/>${scaling}<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/>` +
    '<c:majorGridlines/>' +
    `<c:numFmt formatCode="${escapeXml(chart.numFmt ?? 'General')}" sourceLinked="0"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="1001"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea>' +
    (chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '') +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}
