/**
 * A package written the way Excel saves one, for tests that need Excel's habits without Excel:
 * shared strings (rich text runs, a phonetic guide), a calc chain, shared-formula groups, cached
 * results (errors and strings included), styles with built-in and custom date formats, and the
 * extensions Excel adds (x14ac, xr, an mc:AlternateContent absPath, mc:Ignorable). Variants: the
 * Open XML SDK's `x:` prefix on every SpreadsheetML element, Excel's "Strict Open XML" save
 * (purl.oclc.org namespaces, ISO dates), and the 1904 date system.
 */
import { strToU8, zipSync } from 'fflate';

const NS = {
  sml: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  smlStrict: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  relStrict: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  x14ac: 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac',
  x15: 'http://schemas.microsoft.com/office/spreadsheetml/2010/11/main',
  x15ac: 'http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac',
  xr: 'http://schemas.microsoft.com/office/spreadsheetml/2014/revision',
  xr2: 'http://schemas.microsoft.com/office/spreadsheetml/2015/revision2',
  xr3: 'http://schemas.microsoft.com/office/spreadsheetml/2016/revision3',
  xr6: 'http://schemas.microsoft.com/office/spreadsheetml/2016/revision6',
  xr10: 'http://schemas.microsoft.com/office/spreadsheetml/2016/revision10',
};

/** Style indexes of the package's cellXfs. */
export const EXCEL_STYLE = { general: 0, builtinDate: 1, customDate: 2, dateTime: 3, bold: 4 } as const;

export type ExcelFormulaResult = number | string | boolean | { error: string };

export type ExcelCell =
  | number
  /** Text, as a shared string. */
  | string
  | boolean
  | { rich: { text: string; bold?: boolean }[]; phonetic?: string }
  | { inline: string }
  | { date: number; style: 'builtinDate' | 'customDate' | 'dateTime' }
  | { error: string }
  | {
      formula: string;
      result?: ExcelFormulaResult;
      /** Master of a shared-formula group over `ref` (its cells listed as `{ sharedChild }`). */
      sharedRef?: string;
      si?: number;
    }
  | { sharedChild: number; result?: ExcelFormulaResult }
  | { empty: true; style: number };

export interface ExcelTable {
  name: string;
  ref: string;
  columns: string[];
}

export interface ExcelSheet {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  cells: Record<string, ExcelCell>;
  tables?: ExcelTable[];
}

export interface ExcelLikeOptions {
  /** 'x' writes every SpreadsheetML element as `<x:…>`, as the Open XML SDK does. */
  prefix?: string;
  strict?: boolean;
  date1904?: boolean;
  definedNames?: { name: string; formula: string; localSheetId?: number; hidden?: boolean }[];
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xstring(text: string): string {
  return esc(text.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`).replace(/\r/g, '_x000D_'));
}

function space(text: string): string {
  return /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
}

function colOf(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function rowOf(ref: string): number {
  return Number(/\d+$/.exec(ref)![0]);
}

function serialToIso(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000);
  return new Date(ms)
    .toISOString()
    .replace(/\.000Z$/, '')
    .replace(/Z$/, '');
}

export function excelLikePackage(sheets: ExcelSheet[], options: ExcelLikeOptions = {}): Uint8Array {
  const strict = options.strict === true;
  const p = options.prefix ? `${options.prefix}:` : '';
  const smlDecl = options.prefix
    ? `xmlns:${options.prefix}="${strict ? NS.smlStrict : NS.sml}"`
    : `xmlns="${strict ? NS.smlStrict : NS.sml}"`;
  const relNs = strict ? NS.relStrict : NS.rel;
  const relType = (kind: string) =>
    `${strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : NS.rel}/${kind}`;
  const e = (name: string) => `${p}${name}`;

  // Shared strings, in first-use order.
  const sst: string[] = [];
  const sstIndex = new Map<string, number>();
  let sstRefs = 0;
  const shared = (key: string, xml: string): number => {
    sstRefs++;
    let i = sstIndex.get(key);
    if (i === undefined) {
      i = sst.length;
      sst.push(xml);
      sstIndex.set(key, i);
    }
    return i;
  };

  const calcChain: { ref: string; sheetId: number }[] = [];
  const files: Record<string, Uint8Array> = {};
  const overrides: [string, string][] = [];
  const sheetRels: string[] = [];

  sheets.forEach((sheet, index) => {
    const rows = new Map<number, [string, ExcelCell][]>();
    for (const [ref, cell] of Object.entries(sheet.cells)) {
      const r = rowOf(ref);
      rows.set(r, [...(rows.get(r) ?? []), [ref, cell]]);
    }
    const rowNumbers = [...rows.keys()].sort((a, b) => a - b);
    const refs = Object.keys(sheet.cells);
    const cols = refs.map(colOf);
    const dim = refs.length
      ? `${String.fromCharCode(64 + Math.min(...cols))}${Math.min(...rowNumbers)}:${String.fromCharCode(64 + Math.max(...cols))}${Math.max(...rowNumbers)}`
      : 'A1';
    const cellXml = (ref: string, cell: ExcelCell): string => {
      const c = e('c');
      const v = (text: string | number) => `<${e('v')}>${text}</${e('v')}>`;
      const result = (res: ExcelFormulaResult | undefined): { t: string; v: string } => {
        if (res === undefined) return { t: '', v: '' };
        if (typeof res === 'number') return { t: '', v: v(res) };
        if (typeof res === 'boolean') return { t: ' t="b"', v: v(res ? 1 : 0) };
        if (typeof res === 'string') return { t: ' t="str"', v: v(xstring(res)) };
        return { t: ' t="e"', v: v(esc(res.error)) };
      };
      if (typeof cell === 'number') return `<${c} r="${ref}">${v(cell)}</${c}>`;
      if (typeof cell === 'boolean') return `<${c} r="${ref}" t="b">${v(cell ? 1 : 0)}</${c}>`;
      if (typeof cell === 'string') {
        const i = shared(
          `t:${cell}`,
          `<${e('si')}><${e('t')}${space(cell)}>${xstring(cell)}</${e('t')}></${e('si')}>`,
        );
        return `<${c} r="${ref}" t="s">${v(i)}</${c}>`;
      }
      if ('rich' in cell) {
        const runs = cell.rich
          .map(
            (run) =>
              `<${e('r')}><${e('rPr')}>${run.bold ? `<${e('b')}/>` : ''}<${e('sz')} val="11"/><${e('color')} theme="1"/><${e('rFont')} val="Calibri"/><${e('family')} val="2"/><${e('scheme')} val="minor"/></${e('rPr')}><${e('t')}${space(run.text)}>${xstring(run.text)}</${e('t')}></${e('r')}>`,
          )
          .join('');
        const phonetic = cell.phonetic
          ? `<${e('rPh')} sb="0" eb="1"><${e('t')}>${xstring(cell.phonetic)}</${e('t')}></${e('rPh')}><${e('phoneticPr')} fontId="1" type="noConversion"/>`
          : '';
        const i = shared(`r:${JSON.stringify(cell)}`, `<${e('si')}>${runs}${phonetic}</${e('si')}>`);
        return `<${c} r="${ref}" s="${EXCEL_STYLE.general}" t="s">${v(i)}</${c}>`;
      }
      if ('inline' in cell)
        return `<${c} r="${ref}" t="inlineStr"><${e('is')}><${e('t')}${space(cell.inline)}>${xstring(cell.inline)}</${e('t')}></${e('is')}></${c}>`;
      if ('date' in cell) {
        const s = EXCEL_STYLE[cell.style];
        if (strict) return `<${c} r="${ref}" s="${s}" t="d">${v(serialToIso(cell.date))}</${c}>`;
        return `<${c} r="${ref}" s="${s}">${v(cell.date)}</${c}>`;
      }
      if ('error' in cell) return `<${c} r="${ref}" t="e">${v(esc(cell.error))}</${c}>`;
      if ('empty' in cell) return `<${c} r="${ref}" s="${cell.style}"/>`;
      calcChain.push({ ref, sheetId: index + 1 });
      if ('sharedChild' in cell) {
        const res = result(cell.result);
        return `<${c} r="${ref}"${res.t}><${e('f')} t="shared" si="${cell.sharedChild}"/>${res.v}</${c}>`;
      }
      const res = result(cell.result);
      const f = cell.sharedRef
        ? `<${e('f')} t="shared" ref="${cell.sharedRef}" si="${cell.si ?? 0}">${xstring(cell.formula)}</${e('f')}>`
        : `<${e('f')}>${xstring(cell.formula)}</${e('f')}>`;
      return `<${c} r="${ref}"${res.t}>${f}${res.v}</${c}>`;
    };
    const data = rowNumbers
      .map((r) => {
        const cells = rows.get(r)!.sort((a, b) => colOf(a[0]) - colOf(b[0]));
        const spans = `${colOf(cells[0][0])}:${colOf(cells[cells.length - 1][0])}`;
        return `<${e('row')} r="${r}" spans="${spans}" x14ac:dyDescent="0.25">${cells.map(([ref, cell]) => cellXml(ref, cell)).join('')}</${e('row')}>`;
      })
      .join('');
    const tables = sheet.tables ?? [];
    const tableParts = tables.length
      ? `<${e('tableParts')} count="${tables.length}">${tables.map((_t, i) => `<${e('tablePart')} r:id="rId${i + 1}"/>`).join('')}</${e('tableParts')}>`
      : '';
    const worksheet =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
      `<${e('worksheet')} ${smlDecl} xmlns:r="${relNs}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="${NS.x14ac}" xmlns:xr="${NS.xr}" xmlns:xr2="${NS.xr2}" xmlns:xr3="${NS.xr3}" xr:uid="{00000000-0001-0000-0000-00000000000${index}}">` +
      `<${e('dimension')} ref="${dim}"/><${e('sheetViews')}><${e('sheetView')}${index === 0 ? ' tabSelected="1"' : ''} workbookViewId="0"/></${e('sheetViews')}>` +
      `<${e('sheetFormatPr')} defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
      `<${e('sheetData')}>${data}</${e('sheetData')}>` +
      `<${e('pageMargins')} left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${tableParts}</${e('worksheet')}>`;
    files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(worksheet);
    overrides.push([
      `/xl/worksheets/sheet${index + 1}.xml`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
    ]);
    sheetRels.push(
      `<Relationship Id="rId${index + 1}" Type="${relType('worksheet')}" Target="worksheets/sheet${index + 1}.xml"/>`,
    );
    if (tables.length) {
      const rels = tables
        .map((t, i) => {
          const n = Object.keys(files).filter((f) => f.startsWith('xl/tables/')).length + 1;
          const columns = t.columns
            .map((name, j) => `<${e('tableColumn')} id="${j + 1}" name="${esc(name)}"/>`)
            .join('');
          files[`xl/tables/table${n}.xml`] = strToU8(
            `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${e('table')} ${smlDecl} id="${n}" name="${t.name}" displayName="${t.name}" ref="${t.ref}" totalsRowShown="0"><${e('autoFilter')} ref="${t.ref}"/><${e('tableColumns')} count="${t.columns.length}">${columns}</${e('tableColumns')}><${e('tableStyleInfo')} name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></${e('table')}>`,
          );
          overrides.push([
            `/xl/tables/table${n}.xml`,
            'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
          ]);
          return `<Relationship Id="rId${i + 1}" Type="${relType('table')}" Target="../tables/table${n}.xml"/>`;
        })
        .join('');
      files[`xl/worksheets/_rels/sheet${index + 1}.xml.rels`] = strToU8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${NS.pkgRel}">${rels}</Relationships>`,
      );
    }
  });

  const n = sheets.length;
  const wbRels = [
    ...sheetRels,
    `<Relationship Id="rId${n + 1}" Type="${relType('styles')}" Target="styles.xml"/>`,
    `<Relationship Id="rId${n + 2}" Type="${relType('sharedStrings')}" Target="sharedStrings.xml"/>`,
    ...(calcChain.length
      ? [`<Relationship Id="rId${n + 3}" Type="${relType('calcChain')}" Target="calcChain.xml"/>`]
      : []),
  ];
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${NS.pkgRel}">${wbRels.join('')}</Relationships>`,
  );

  const names = (options.definedNames ?? [])
    .map(
      (d) =>
        `<${e('definedName')} name="${esc(d.name)}"${d.localSheetId !== undefined ? ` localSheetId="${d.localSheetId}"` : ''}${d.hidden ? ' hidden="1"' : ''}>${esc(d.formula)}</${e('definedName')}>`,
    )
    .join('');
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
      `<${e('workbook')} ${smlDecl} xmlns:r="${relNs}" xmlns:mc="${NS.mc}" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="${NS.x15}" xmlns:xr="${NS.xr}" xmlns:xr6="${NS.xr6}" xmlns:xr10="${NS.xr10}" xmlns:xr2="${NS.xr2}"${strict ? ' conformance="strict"' : ''}>` +
      `<${e('fileVersion')} appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>` +
      `<${e('workbookPr')}${options.date1904 ? ' date1904="1"' : ''} defaultThemeVersion="166925"/>` +
      `<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="${NS.x15ac}" url="C:\\Users\\KeHoach\\Documents\\"/></mc:Choice></mc:AlternateContent>` +
      `<xr:revisionPtr revIDLastSave="0" documentId="8_{B1E6F3C2-0000-4000-8000-000000000001}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>` +
      `<${e('bookViews')}><${e('workbookView')} xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" xr2:uid="{5B3E4A1C-0000-4000-8000-000000000002}"/></${e('bookViews')}>` +
      `<${e('sheets')}>${sheets.map((s, i) => `<${e('sheet')} name="${esc(s.name)}" sheetId="${i + 1}"${s.state && s.state !== 'visible' ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</${e('sheets')}>` +
      (names ? `<${e('definedNames')}>${names}</${e('definedNames')}>` : '') +
      `<${e('calcPr')} calcId="191029"/></${e('workbook')}>`,
  );

  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${e('sst')} ${smlDecl} count="${sstRefs}" uniqueCount="${sst.length}">${sst.join('')}</${e('sst')}>`,
  );

  const font = (bold: boolean) =>
    `<${e('font')}>${bold ? `<${e('b')}/>` : ''}<${e('sz')} val="11"/><${e('color')} theme="1"/><${e('name')} val="Calibri"/><${e('family')} val="2"/><${e('scheme')} val="minor"/></${e('font')}>`;
  const xf = (numFmtId: number, fontId = 0) =>
    `<${e('xf')} numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}/>`;
  files['xl/styles.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
      `<${e('styleSheet')} ${smlDecl} xmlns:mc="${NS.mc}" mc:Ignorable="x14ac" xmlns:x14ac="${NS.x14ac}">` +
      `<${e('numFmts')} count="1"><${e('numFmt')} numFmtId="164" formatCode="dd/mm/yyyy"/></${e('numFmts')}>` +
      `<${e('fonts')} count="2" x14ac:knownFonts="1">${font(false)}${font(true)}</${e('fonts')}>` +
      `<${e('fills')} count="2"><${e('fill')}><${e('patternFill')} patternType="none"/></${e('fill')}><${e('fill')}><${e('patternFill')} patternType="gray125"/></${e('fill')}></${e('fills')}>` +
      `<${e('borders')} count="1"><${e('border')}><${e('left')}/><${e('right')}/><${e('top')}/><${e('bottom')}/><${e('diagonal')}/></${e('border')}></${e('borders')}>` +
      `<${e('cellStyleXfs')} count="1"><${e('xf')} numFmtId="0" fontId="0" fillId="0" borderId="0"/></${e('cellStyleXfs')}>` +
      `<${e('cellXfs')} count="5">${xf(0)}${xf(14)}${xf(164)}${xf(22)}${xf(0, 1)}</${e('cellXfs')}>` +
      `<${e('cellStyles')} count="1"><${e('cellStyle')} name="Normal" xfId="0" builtinId="0"/></${e('cellStyles')}>` +
      `<${e('dxfs')} count="0"/><${e('tableStyles')} count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
      `</${e('styleSheet')}>`,
  );

  if (calcChain.length) {
    let last = 0;
    const entries = calcChain
      .map((c) => {
        const i = c.sheetId !== last ? ` i="${c.sheetId}"` : '';
        last = c.sheetId;
        return `<${e('c')} r="${c.ref}"${i}/>`;
      })
      .join('');
    files['xl/calcChain.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${e('calcChain')} ${smlDecl}>${entries}</${e('calcChain')}>`,
    );
  }

  files['docProps/app.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`,
  );
  files['docProps/core.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Văn phòng</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-06-14T08:00:00Z</dcterms:created></cp:coreProperties>`,
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${NS.pkgRel}">` +
      `<Relationship Id="rId3" Type="${strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties' : `${NS.rel}/extended-properties`}" Target="docProps/app.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId1" Type="${relType('officeDocument')}" Target="xl/workbook.xml"/></Relationships>`,
  );
  overrides.push(
    ['/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
    ['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'],
    [
      '/xl/sharedStrings.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
    ],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  );
  if (calcChain.length)
    overrides.push([
      '/xl/calcChain.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml',
    ]);
  const types =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    `</Types>`;
  // Excel puts the content types first in the archive.
  return zipSync({ '[Content_Types].xml': strToU8(types), ...files }, { level: 6 });
}
