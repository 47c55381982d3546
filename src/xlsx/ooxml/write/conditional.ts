import { escapeAttr, escapeXml } from '../xml';
import type { ConditionalFormatModel, ConditionalRule, ConditionalValue } from './model';
import type { StyleRegistry } from './styles';

/** Conditional formats of a worksheet: the main elements and, for solid data bars, the extension. */

const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';
// Extension URIs fixed by Excel 2010 ([MS-XLSX] 2.3.4 and 2.3.7).
const RULE_EXT_URI = '{B025F937-C7B1-47D3-B67F-A62EFF666E3E}';
export const CONDITIONAL_EXT_URI = '{78C0D931-6437-407d-A8EE-F0AAD7539E65}';

function cfvoAttrs(v: ConditionalValue): string {
  if (!('value' in v)) return `type="${v.type}"`;
  return `type="${v.type}" val="${escapeAttr(String(v.value))}"`;
}

function x14Cfvo(v: ConditionalValue): string {
  if (!('value' in v)) return `<x14:cfvo type="auto${v.type === 'min' ? 'Min' : 'Max'}"/>`;
  return `<x14:cfvo type="${v.type}"><xm:f>${escapeXml(String(v.value))}</xm:f></x14:cfvo>`;
}

function argb(color: string): string {
  return `FF${color.replace(/^#/, '').toUpperCase()}`;
}

export interface ConditionalXml {
  /** `conditionalFormatting` elements, in place after mergeCells. */
  main: string;
  /** The worksheet's `ext` element for Excel 2010 data bars, or ''. */
  ext: string;
}

/** `ids` gives each extended rule its GUID (deterministic, so a spec always writes the same bytes). */
export function conditionalXml(
  formats: readonly ConditionalFormatModel[],
  styles: StyleRegistry,
  ids: () => string,
): ConditionalXml {
  let main = '';
  let ext = '';
  for (const cf of formats) {
    let rules = '';
    for (const rule of cf.rules) {
      const r = ruleXml(rule, styles, ids);
      rules += r.main;
      if (r.ext)
        ext +=
          `<x14:conditionalFormatting xmlns:xm="${XM}">${r.ext}` +
          `<xm:sqref>${escapeXml(cf.sqref)}</xm:sqref></x14:conditionalFormatting>`;
    }
    main += `<conditionalFormatting sqref="${escapeAttr(cf.sqref)}">${rules}</conditionalFormatting>`;
  }
  return {
    main,
    ext: ext
      ? `<ext uri="${CONDITIONAL_EXT_URI}" xmlns:x14="${X14}"><x14:conditionalFormattings>${ext}</x14:conditionalFormattings></ext>`
      : '',
  };
}

function ruleXml(
  rule: ConditionalRule,
  styles: StyleRegistry,
  ids: () => string,
): { main: string; ext: string } {
  if (rule.type === 'expression') {
    const dxf = styles.differential(rule.format);
    const stop = rule.stopIfTrue ? ' stopIfTrue="1"' : '';
    return {
      main: `<cfRule type="expression" dxfId="${dxf}" priority="${rule.priority}"${stop}><formula>${escapeXml(rule.formula)}</formula></cfRule>`,
      ext: '',
    };
  }
  const showValue = rule.showValue === false ? ' showValue="0"' : '';
  const bar =
    `<dataBar${rule.gradient === false ? ' minLength="0" maxLength="100"' : ''}${showValue}>` +
    `<cfvo ${cfvoAttrs(rule.min)}/><cfvo ${cfvoAttrs(rule.max)}/><color rgb="${argb(rule.color)}"/></dataBar>`;
  if (rule.gradient !== false)
    return { main: `<cfRule type="dataBar" priority="${rule.priority}">${bar}</cfRule>`, ext: '' };
  // A solid bar needs Excel 2010's extension: the main rule names it by id, the extension holds it.
  const id = ids();
  return {
    main:
      `<cfRule type="dataBar" priority="${rule.priority}">${bar}` +
      `<extLst><ext uri="${RULE_EXT_URI}" xmlns:x14="${X14}"><x14:id>${id}</x14:id></ext></extLst></cfRule>`,
    ext:
      `<x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100" gradient="0"${showValue}>` +
      `${x14Cfvo(rule.min)}${x14Cfvo(rule.max)}<x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/>` +
      '</x14:dataBar></x14:cfRule>',
  };
}
