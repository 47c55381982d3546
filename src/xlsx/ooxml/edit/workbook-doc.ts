/** Edits of the workbook part: a sheet entry, a defined name, the recalculation flag. */
import { URI } from '../namespaces';
import { escapeAttr, escapeXml } from '../xml';
import { applySplices } from './splice';
import {
  ElementSpan,
  elementPrefix,
  ensureNamespace,
  getAttribute,
  insertionPoint,
  openRoot,
  rootAndChildren,
  setAttribute,
} from './xml-edit';

/** CT_Workbook's sequence: where a new child goes. */
const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

function child(
  xml: string,
  part: string,
  local: string,
): { root: ElementSpan; children: ElementSpan[]; span: ElementSpan | null } {
  const { root, children } = rootAndChildren(xml, part);
  return { root, children, span: children.find((c) => c.local === local) ?? null };
}

/** Appends `element` inside the child `local` of the root, creating that child where the order says. */
function appendToChild(xml: string, part: string, local: string, element: string): string {
  const { root, children, span } = child(xml, part, local);
  const p = elementPrefix(root);
  if (!span) {
    const at = insertionPoint(root, children, local, WORKBOOK_ORDER);
    return applySplices(xml, [{ at, remove: 0, insert: `<${p}${local}>${element}</${p}${local}>` }]);
  }
  if (span.selfClosing) {
    const open = xml.slice(span.start, span.openEnd).replace(/\s*\/>$/, '>');
    return applySplices(xml, [
      { at: span.start, remove: span.end - span.start, insert: `${open}${element}</${span.qname}>` },
    ]);
  }
  return applySplices(xml, [{ at: xml.lastIndexOf('</', span.end - 1), remove: 0, insert: element }]);
}

export function addSheetEntry(
  xml: string,
  part: string,
  entry: {
    name: string;
    sheetId: number;
    relId: string;
    state: 'visible' | 'hidden' | 'veryHidden';
    strict: boolean;
  },
): string {
  let { root } = rootAndChildren(xml, part);
  if (root.selfClosing) xml = openRoot(xml, root);
  ({ root } = rootAndChildren(xml, part));
  // The `r:` of r:id must be declared on this part: openpyxl declares it on each <sheet> only,
  // so a new entry needs the root to declare it (issue 13.2).
  const uris = entry.strict ? [URI.relStrict, URI.rel] : [URI.rel, URI.relStrict];
  const ns = ensureNamespace(xml, root, uris, 'r');
  xml = ns.xml;
  const p = elementPrefix(ns.root);
  const state = entry.state === 'visible' ? '' : ` state="${entry.state}"`;
  const element = `<${p}sheet name="${escapeAttr(entry.name)}" sheetId="${entry.sheetId}"${state} ${ns.prefix}:id="${entry.relId}"/>`;
  return appendToChild(xml, part, 'sheets', element);
}

/** Sets a defined name's formula (adding the name when the workbook has none of that name and scope). */
export function setDefinedName(
  xml: string,
  part: string,
  name: string,
  formula: string,
  options: { localSheetId?: number; hidden?: boolean },
): string {
  const { root, span } = child(xml, part, 'definedNames');
  const p = elementPrefix(root);
  const scope = options.localSheetId ?? null;
  const build = (oldTag: string | null) => {
    let tag = oldTag ?? `<${p}definedName name="${escapeAttr(name)}">`;
    tag = tag.replace(/\s*\/?>$/, '>');
    if (scope !== null) tag = setAttribute(tag, 'localSheetId', String(scope));
    if (options.hidden !== undefined) tag = setAttribute(tag, 'hidden', options.hidden ? '1' : '0');
    const qname = /^<([^\s/>]+)/.exec(tag)?.[1] ?? `${p}definedName`;
    return `${tag}${escapeXml(formula)}</${qname}>`;
  };
  if (span && !span.selfClosing) {
    const inner = xml.slice(span.start, span.end);
    for (const c of rootAndChildren(inner, part).children) {
      if (c.local !== 'definedName') continue;
      const tag = inner.slice(c.start, c.openEnd);
      const sameName = (getAttribute(tag, 'name') ?? '').toLowerCase() === name.toLowerCase();
      const local = getAttribute(tag, 'localSheetId');
      const sameScope = (local === null ? null : Number(local)) === scope;
      if (sameName && sameScope)
        return applySplices(xml, [{ at: span.start + c.start, remove: c.end - c.start, insert: build(tag) }]);
    }
  }
  return appendToChild(xml, part, 'definedNames', build(null));
}

/** Asks the application to recalculate every formula when it opens the file. */
export function requestFullCalc(xml: string, part: string): string {
  const { root, children, span } = child(xml, part, 'calcPr');
  if (span) {
    const tag = xml.slice(span.start, span.openEnd);
    if (/\sfullCalcOnLoad\s*=\s*["'](1|true)["']/.test(tag)) return xml;
    return applySplices(xml, [
      { at: span.start, remove: span.openEnd - span.start, insert: setAttribute(tag, 'fullCalcOnLoad', '1') },
    ]);
  }
  const at = insertionPoint(root, children, 'calcPr', WORKBOOK_ORDER);
  return applySplices(xml, [{ at, remove: 0, insert: `<${elementPrefix(root)}calcPr fullCalcOnLoad="1"/>` }]);
}
