import { escapeAttr, escapeXml } from '../xml';
import { chartXml, drawingXml } from './chart';
import { type DeflateEngine, fflateEngine } from './deflate';
import type { ColumnModel, DefinedNameModel, WorkbookModel, WorksheetModel } from './model';
import { checkPivot, pivotCacheXml, pivotTableXml } from './pivot';
import { printNames } from './print';
import { SharedStrings } from './shared-strings';
import type { StyleRegistry } from './styles';
import { checkTable, tableXml } from './table';
import { THEME_XML } from './theme';
import { checkValidation } from './validation';
import { type StringMode, WorksheetWriter } from './worksheet';
import { type Sink, ZipWriter } from './zip';

/** The whole package: parts, relationships, content types, document properties. */

export interface WriteOptions {
  /** The registry the model's style indexes come from; styles.xml is written from it at the end. */
  styles: StyleRegistry;
  deflate?: DeflateEngine;
  /** Text cells in the shared-string table (what Excel writes; the default) or inline. */
  strings?: StringMode;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument';

const REL_TYPE = {
  document: `${REL}/officeDocument`,
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  app: `${REL}/extended-properties`,
  worksheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  theme: `${REL}/theme`,
  sharedStrings: `${REL}/sharedStrings`,
  table: `${REL}/table`,
  pivotTable: `${REL}/pivotTable`,
  pivotCache: `${REL}/pivotCacheDefinition`,
  drawing: `${REL}/drawing`,
  chart: `${REL}/chart`,
};

const CONTENT_TYPE = {
  workbook: `${TYPE}.spreadsheetml.sheet.main+xml`,
  worksheet: `${TYPE}.spreadsheetml.worksheet+xml`,
  styles: `${TYPE}.spreadsheetml.styles+xml`,
  theme: `${TYPE}.theme+xml`,
  sharedStrings: `${TYPE}.spreadsheetml.sharedStrings+xml`,
  table: `${TYPE}.spreadsheetml.table+xml`,
  pivotTable: `${TYPE}.spreadsheetml.pivotTable+xml`,
  pivotCache: `${TYPE}.spreadsheetml.pivotCacheDefinition+xml`,
  drawing: `${TYPE}.drawing+xml`,
  chart: `${TYPE}.drawingml.chart+xml`,
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: `${TYPE}.extended-properties+xml`,
};

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relsXml(rels: readonly Relationship[]): string {
  return (
    XML_HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels
      .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeAttr(r.target)}"/>`)
      .join('') +
    '</Relationships>'
  );
}

/** Where each sheet's parts go, numbered across the workbook. */
interface SheetPlan {
  sheet: WorksheetModel;
  index: number;
  path: string;
  tables: { path: string; id: number; relId: string }[];
  pivots: { path: string; relId: string; cacheId: number }[];
  drawing?: { path: string; relId: string; charts: string[] };
}

// Excel's limits on sheet names.
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

function checkColumns(columns: readonly ColumnModel[]): void {
  let end = -1;
  for (const c of [...columns].sort((a, b) => a.first - b.first)) {
    const last = c.last ?? c.first;
    if (c.first <= end || last < c.first) throw new RangeError(`overlapping column ranges at ${c.first}`);
    end = last;
  }
}

function checkModel(model: WorkbookModel): void {
  if (!model.sheets.length) throw new RangeError('a workbook needs at least one sheet');
  if (!model.sheets.some((s) => (s.state ?? 'visible') === 'visible'))
    throw new RangeError('a workbook needs at least one visible sheet');
  const names = new Set<string>();
  const tables = new Set<string>();
  for (const s of model.sheets) {
    const key = s.name.toLocaleLowerCase();
    if (!s.name || s.name.length > 31 || BAD_SHEET_CHARS.test(s.name) || /^'|'$/.test(s.name))
      throw new RangeError(`invalid sheet name: "${s.name}"`);
    if (names.has(key)) throw new RangeError(`two sheets named "${s.name}"`);
    names.add(key);
    for (const t of s.tables ?? []) {
      checkTable(t);
      if (tables.has(t.name.toLowerCase())) throw new RangeError(`two tables named "${t.name}"`);
      tables.add(t.name.toLowerCase());
    }
    for (const v of s.validations ?? []) checkValidation(v);
    checkColumns(s.columns ?? []);
    for (const p of s.pivotTables ?? []) checkPivot(p, model.pivotCaches?.[p.cache]);
  }
}

function plan(model: WorkbookModel): SheetPlan[] {
  let tableNo = 0;
  let pivotNo = 0;
  let drawingNo = 0;
  let chartNo = 0;
  return model.sheets.map((sheet, index) => {
    let rel = 0;
    const nextRel = () => `rId${++rel}`;
    const tables = (sheet.tables ?? []).map(() => {
      tableNo += 1;
      return { path: `xl/tables/table${tableNo}.xml`, id: tableNo, relId: nextRel() };
    });
    const pivots = (sheet.pivotTables ?? []).map((p) => {
      pivotNo += 1;
      return { path: `xl/pivotTables/pivotTable${pivotNo}.xml`, relId: nextRel(), cacheId: p.cache + 1 };
    });
    let drawing: SheetPlan['drawing'];
    if (sheet.charts?.length) {
      drawingNo += 1;
      drawing = {
        path: `xl/drawings/drawing${drawingNo}.xml`,
        relId: nextRel(),
        charts: sheet.charts.map(() => `xl/charts/chart${++chartNo}.xml`),
      };
    }
    return { sheet, index, path: `xl/worksheets/sheet${index + 1}.xml`, tables, pivots, drawing };
  });
}

function contentTypesXml(plans: readonly SheetPlan[], caches: number, shared: boolean): string {
  const o = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  let s =
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    o('xl/workbook.xml', CONTENT_TYPE.workbook);
  for (const p of plans) {
    s += o(p.path, CONTENT_TYPE.worksheet);
    for (const t of p.tables) s += o(t.path, CONTENT_TYPE.table);
    for (const t of p.pivots) s += o(t.path, CONTENT_TYPE.pivotTable);
    if (p.drawing) {
      s += o(p.drawing.path, CONTENT_TYPE.drawing);
      for (const c of p.drawing.charts) s += o(c, CONTENT_TYPE.chart);
    }
  }
  for (let i = 1; i <= caches; i++)
    s += o(`xl/pivotCache/pivotCacheDefinition${i}.xml`, CONTENT_TYPE.pivotCache);
  s += o('xl/styles.xml', CONTENT_TYPE.styles) + o('xl/theme/theme1.xml', CONTENT_TYPE.theme);
  if (shared) s += o('xl/sharedStrings.xml', CONTENT_TYPE.sharedStrings);
  s += o('docProps/core.xml', CONTENT_TYPE.core) + o('docProps/app.xml', CONTENT_TYPE.app);
  return s + '</Types>';
}

function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function coreXml(model: WorkbookModel, now: Date): string {
  const p = model.properties ?? {};
  const created = p.created ?? now;
  const modified = p.modified ?? created;
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (p.title ? `<dc:title>${escapeXml(p.title)}</dc:title>` : '') +
    (p.creator ? `<dc:creator>${escapeXml(p.creator)}</dc:creator>` : '') +
    (p.creator ? `<cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy>` : '') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${isoSeconds(created)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${isoSeconds(modified)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function appXml(model: WorkbookModel): string {
  return (
    XML_HEAD +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${escapeXml(model.properties?.application ?? 'Microsoft Excel')}</Application>` +
    '<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>' +
    '</Properties>'
  );
}

function workbookXml(model: WorkbookModel, sheetRelIds: string[], cacheRelIds: string[]): string {
  const active = model.sheets.findIndex((s) => (s.state ?? 'visible') === 'visible');
  let s =
    XML_HEAD +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
    '<workbookPr/>' +
    `<bookViews><workbookView${active > 0 ? ` firstSheet="${active}" activeTab="${active}"` : ''}/></bookViews><sheets>`;
  model.sheets.forEach((sheet, i) => {
    const state = sheet.state && sheet.state !== 'visible' ? ` state="${sheet.state}"` : '';
    s += `<sheet name="${escapeAttr(sheet.name)}" sheetId="${i + 1}"${state} r:id="${sheetRelIds[i]}"/>`;
  });
  s += '</sheets>';
  const names: DefinedNameModel[] = [
    ...(model.definedNames ?? []),
    ...model.sheets.flatMap((sheet, i) => printNames(sheet.name, i, sheet.print)),
  ];
  if (names.length) {
    s += '<definedNames>';
    for (const n of names) {
      const local = n.localSheet !== undefined ? ` localSheetId="${n.localSheet}"` : '';
      const hidden = n.hidden ? ' hidden="1"' : '';
      s += `<definedName name="${escapeAttr(n.name)}"${local}${hidden}>${escapeXml(n.ref)}</definedName>`;
    }
    s += '</definedNames>';
  }
  s += `<calcPr calcId="191029"${model.fullCalcOnLoad ? ' fullCalcOnLoad="1"' : ''}/>`;
  if (cacheRelIds.length)
    s += `<pivotCaches>${cacheRelIds.map((id, i) => `<pivotCache cacheId="${i + 1}" r:id="${id}"/>`).join('')}</pivotCaches>`;
  return s + '</workbook>';
}

/**
 * Writes the workbook to the sink as a stream: each sheet's rows are encoded and compressed as
 * the iterator yields them. Throws before writing anything when the model breaks a rule the
 * spreadsheet would repair or refuse.
 */
export function writeWorkbook(model: WorkbookModel, sink: Sink, options: WriteOptions): void {
  checkModel(model);
  const styles = options.styles;
  const stringMode = options.strings ?? 'shared';
  const shared = stringMode === 'shared';
  const strings = new SharedStrings();
  const now = model.properties?.modified ?? model.properties?.created ?? new Date();
  const zip = new ZipWriter(sink, options.deflate ?? fflateEngine(1), now);
  const plans = plan(model);
  const caches = model.pivotCaches ?? [];

  zip.text('[Content_Types].xml', contentTypesXml(plans, caches.length, shared));
  zip.text(
    '_rels/.rels',
    relsXml([
      { id: 'rId1', type: REL_TYPE.document, target: 'xl/workbook.xml' },
      { id: 'rId2', type: REL_TYPE.core, target: 'docProps/core.xml' },
      { id: 'rId3', type: REL_TYPE.app, target: 'docProps/app.xml' },
    ]),
  );
  zip.text('docProps/core.xml', coreXml(model, now));
  zip.text('docProps/app.xml', appXml(model));

  const workbookRels: Relationship[] = plans.map((p, i) => ({
    id: `rId${i + 1}`,
    type: REL_TYPE.worksheet,
    target: p.path.slice('xl/'.length),
  }));
  const more = (type: string, target: string) => {
    const id = `rId${workbookRels.length + 1}`;
    workbookRels.push({ id, type, target });
    return id;
  };
  more(REL_TYPE.styles, 'styles.xml');
  more(REL_TYPE.theme, 'theme/theme1.xml');
  if (shared) more(REL_TYPE.sharedStrings, 'sharedStrings.xml');
  const cacheRelIds = caches.map((_c, i) =>
    more(REL_TYPE.pivotCache, `pivotCache/pivotCacheDefinition${i + 1}.xml`),
  );
  zip.text(
    'xl/workbook.xml',
    workbookXml(
      model,
      plans.map((p) => `rId${p.index + 1}`),
      cacheRelIds,
    ),
  );
  zip.text('xl/_rels/workbook.xml.rels', relsXml(workbookRels));
  zip.text('xl/theme/theme1.xml', THEME_XML);

  let guid = 0;
  const ids = () => `{00000000-0000-4000-8000-${(++guid).toString(16).padStart(12, '0').toUpperCase()}}`;
  const firstVisible = model.sheets.findIndex((s) => (s.state ?? 'visible') === 'visible');
  for (const p of plans) {
    const part = zip.part(p.path);
    new WorksheetWriter(p.sheet, {
      styles,
      strings,
      stringMode,
      tableRelIds: p.tables.map((t) => t.relId),
      drawingRelId: p.drawing?.relId,
      tabSelected: p.index === firstVisible,
      ids,
    }).write(part);
    part.end();
    const rels: Relationship[] = [
      ...p.tables.map((t) => ({
        id: t.relId,
        type: REL_TYPE.table,
        target: `../tables/${t.path.split('/').pop()}`,
      })),
      ...p.pivots.map((t) => ({
        id: t.relId,
        type: REL_TYPE.pivotTable,
        target: `../pivotTables/${t.path.split('/').pop()}`,
      })),
      ...(p.drawing
        ? [
            {
              id: p.drawing.relId,
              type: REL_TYPE.drawing,
              target: `../drawings/${p.drawing.path.split('/').pop()}`,
            },
          ]
        : []),
    ];
    if (rels.length) zip.text(`xl/worksheets/_rels/sheet${p.index + 1}.xml.rels`, relsXml(rels));
    (p.sheet.tables ?? []).forEach((t, i) => zip.text(p.tables[i].path, tableXml(t, p.tables[i].id)));
    (p.sheet.pivotTables ?? []).forEach((t, i) => {
      const file = p.pivots[i].path;
      zip.text(file, pivotTableXml(t, caches[t.cache], p.pivots[i].cacheId));
      zip.text(
        file.replace('pivotTables/', 'pivotTables/_rels/') + '.rels',
        relsXml([
          {
            id: 'rId1',
            type: REL_TYPE.pivotCache,
            target: `../pivotCache/pivotCacheDefinition${t.cache + 1}.xml`,
          },
        ]),
      );
    });
    if (p.drawing) {
      const charts = p.sheet.charts ?? [];
      zip.text(p.drawing.path, drawingXml(charts));
      zip.text(
        p.drawing.path.replace('drawings/', 'drawings/_rels/') + '.rels',
        relsXml(
          p.drawing.charts.map((c, i) => ({
            id: `rId${i + 1}`,
            type: REL_TYPE.chart,
            target: `../charts/${c.split('/').pop()}`,
          })),
        ),
      );
      charts.forEach((c, i) =>
        zip.text((p.drawing as NonNullable<SheetPlan['drawing']>).charts[i], chartXml(c)),
      );
    }
  }
  caches.forEach((c, i) => zip.text(`xl/pivotCache/pivotCacheDefinition${i + 1}.xml`, pivotCacheXml(c)));
  if (shared) {
    const part = zip.part('xl/sharedStrings.xml');
    strings.write(part);
    part.end();
  }
  zip.text('xl/styles.xml', styles.toXml());
  zip.end();
}

/** The whole package in memory, for callers that need the bytes (downloads, tests). */
export function workbookBytes(model: WorkbookModel, options: WriteOptions): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  writeWorkbook(
    model,
    (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
    },
    options,
  );
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
