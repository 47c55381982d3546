/**
 * An offline checker for manifest.xml. The online validator (`npm run validate`) cannot be reached
 * from CI, so the rules that most often make Office refuse an add-in are checked here: element
 * order (Office rejects out-of-order children with a misleading "not a valid child" error),
 * resource ids, icon files, HTTPS, the requirement set and the permission.
 */
import { MIN_EXCEL_API } from '../../src/excel/host';
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';

export interface ManifestProblem {
  code:
    | 'parse'
    | 'order'
    | 'unknown-element'
    | 'missing-element'
    | 'resid'
    | 'resid-kind'
    | 'duplicate-id'
    | 'https'
    | 'icon-missing'
    | 'icon-not-png'
    | 'icon-size'
    | 'requirement'
    | 'permission'
    | 'host'
    | 'locale';
  message: string;
}

export interface ManifestCheckOptions {
  /** Folder that the manifest's base URL maps to (the project root: assets/ lives there). */
  rootDir: string;
  /** URL prefix that maps to rootDir. */
  baseUrl?: string;
}

/** A node of fast-xml-parser's preserveOrder output. */
type XNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Child order of the TaskPaneApp OfficeApp element (Office's XSD sequence). */
export const OFFICEAPP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
  'ExtendedOverrides',
];

const REQUIRED_OFFICEAPP = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'DefaultSettings',
  'Permissions',
];

/** Orders inside VersionOverrides (task pane 1.0 schema), by parent element name. */
export const NESTED_ORDER: Record<string, string[]> = {
  VersionOverrides: [
    'Description',
    'Requirements',
    'Hosts',
    'Resources',
    'WebApplicationInfo',
    'EquivalentAddins',
  ],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  Action: ['TaskpaneId', 'SourceLocation', 'Title', 'FunctionName'],
};

/** Which resource collection each resid-bearing element must point into. */
const RESID_KIND: Record<string, string> = {
  'bt:Image': 'bt:Images',
  SourceLocation: 'bt:Urls',
  LearnMoreUrl: 'bt:Urls',
  FunctionFile: 'bt:Urls',
  Label: 'bt:ShortStrings',
  Title: 'bt:ShortStrings',
  Description: 'bt:LongStrings',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function nameOf(node: XNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return key;
  return null;
}

function childrenOf(node: XNode): XNode[] {
  const name = nameOf(node);
  return name ? ((node[name] as XNode[]) ?? []) : [];
}

function elementChildren(node: XNode): XNode[] {
  return childrenOf(node).filter((c) => nameOf(c) !== null);
}

function attr(node: XNode, name: string): string | undefined {
  return node[':@']?.[`@_${name}`];
}

function textOf(node: XNode): string {
  return childrenOf(node)
    .map((c) => (typeof c['#text'] === 'string' || typeof c['#text'] === 'number' ? String(c['#text']) : ''))
    .join('')
    .trim();
}

function walk(node: XNode, visit: (n: XNode, parents: string[]) => void, parents: string[] = []): void {
  visit(node, parents);
  const name = nameOf(node);
  if (!name) return;
  for (const c of elementChildren(node)) walk(c, visit, [...parents, name]);
}

/** Reports children out of the schema's order, or not allowed at all. */
function checkOrder(parent: string, children: XNode[], order: string[], problems: ManifestProblem[]): void {
  let last = -1;
  let lastName = '';
  for (const c of children) {
    const n = nameOf(c)!;
    const idx = order.indexOf(n);
    if (idx < 0) {
      problems.push({ code: 'unknown-element', message: `<${n}> is not a valid child of <${parent}>` });
      continue;
    }
    if (idx < last) {
      problems.push({ code: 'order', message: `<${n}> must come before <${lastName}> inside <${parent}>` });
    } else {
      last = idx;
      lastName = n;
    }
  }
}

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function isUrlAttribute(elementName: string, attrName: string): boolean {
  if (attrName !== 'DefaultValue' && attrName !== 'Value') return false;
  return [
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'SourceLocation',
    'bt:Image',
    'bt:Url',
    'Override',
  ].includes(elementName);
}

export function checkManifest(xml: string, options: ManifestCheckOptions): ManifestProblem[] {
  const baseUrl = options.baseUrl ?? 'https://localhost:3000/';
  const problems: ManifestProblem[] = [];
  let doc: XNode[];
  try {
    doc = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      parseTagValue: false,
    }).parse(xml, true) as XNode[];
  } catch (e) {
    return [{ code: 'parse', message: `manifest is not well-formed XML: ${(e as Error).message}` }];
  }
  const root = doc.find((n) => nameOf(n) === 'OfficeApp');
  if (!root) return [{ code: 'parse', message: 'no <OfficeApp> root element' }];

  const top = elementChildren(root);
  checkOrder('OfficeApp', top, OFFICEAPP_ORDER, problems);
  for (const req of REQUIRED_OFFICEAPP) {
    if (!top.some((c) => nameOf(c) === req))
      problems.push({ code: 'missing-element', message: `<OfficeApp> lacks <${req}>` });
  }
  if (attr(root, 'xsi:type') !== 'TaskPaneApp')
    problems.push({ code: 'host', message: 'OfficeApp xsi:type must be TaskPaneApp' });

  const get = (name: string) => top.find((c) => nameOf(c) === name);
  const locale = get('DefaultLocale');
  if (!locale || textOf(locale) !== 'vi-VN')
    problems.push({ code: 'locale', message: 'DefaultLocale must be vi-VN' });
  for (const name of ['DisplayName', 'Description']) {
    const el = get(name);
    const hasEn =
      el &&
      elementChildren(el).some(
        (c) => nameOf(c) === 'Override' && attr(c, 'Locale') === 'en-US' && attr(c, 'Value'),
      );
    if (!hasEn) problems.push({ code: 'locale', message: `<${name}> needs an en-US <Override>` });
  }

  const perms = get('Permissions');
  if (!perms || textOf(perms) !== 'ReadWriteDocument') {
    problems.push({
      code: 'permission',
      message: `Permissions must be ReadWriteDocument, found ${perms ? textOf(perms) : 'none'}`,
    });
  }
  const hosts = get('Hosts');
  const hostNames = hosts ? elementChildren(hosts).map((h) => attr(h, 'Name')) : [];
  if (hostNames.length !== 1 || hostNames[0] !== 'Workbook')
    problems.push({
      code: 'host',
      message: `Hosts must be exactly Workbook, found ${hostNames.join(', ') || 'none'}`,
    });

  const requirements = get('Requirements');
  const sets: XNode[] = [];
  if (requirements) walk(requirements, (n) => (nameOf(n) === 'Set' ? sets.push(n) : undefined));
  const excel = sets.find((s) => attr(s, 'Name') === 'ExcelApi');
  if (!excel || attr(excel, 'MinVersion') !== MIN_EXCEL_API) {
    problems.push({
      code: 'requirement',
      message: `Requirements must ask for ExcelApi ${MIN_EXCEL_API} (src/excel/host.ts), found ${excel ? attr(excel, 'MinVersion') : 'no ExcelApi set'}`,
    });
  }

  // Nested order inside VersionOverrides.
  const overrides = get('VersionOverrides');
  if (overrides) {
    walk(overrides, (n) => {
      const name = nameOf(n)!;
      const order = NESTED_ORDER[name];
      if (order) checkOrder(name, elementChildren(n), order, problems);
    });
  }

  // Resource ids: collect definitions by collection, then resolve every reference.
  const defined = new Map<string, string>();
  const resources: XNode[] = [];
  if (overrides) walk(overrides, (n) => (nameOf(n) === 'Resources' ? resources.push(n) : undefined));
  for (const res of resources) {
    for (const collection of elementChildren(res)) {
      const kind = nameOf(collection)!;
      for (const item of elementChildren(collection)) {
        const id = attr(item, 'id');
        if (!id) continue;
        if (defined.has(id))
          problems.push({ code: 'duplicate-id', message: `resource id "${id}" is defined twice` });
        defined.set(id, kind);
      }
    }
  }
  walk(root, (n) => {
    const resid = attr(n, 'resid');
    if (resid === undefined) return;
    const name = nameOf(n)!;
    const kind = defined.get(resid);
    if (!kind) {
      problems.push({
        code: 'resid',
        message: `<${name} resid="${resid}"> does not resolve to any resource`,
      });
      return;
    }
    const expected = RESID_KIND[name];
    if (expected && expected !== kind) {
      problems.push({
        code: 'resid-kind',
        message: `<${name} resid="${resid}"> points into ${kind}, expected ${expected}`,
      });
    }
  });

  // URLs: every one HTTPS; those under the base URL that name a PNG must be a real PNG in rootDir.
  const iconChecks: { url: string; size: number | null; where: string }[] = [];
  walk(root, (n) => {
    const name = nameOf(n)!;
    for (const a of ['DefaultValue', 'Value']) {
      const v = attr(n, a);
      if (v === undefined || !isUrlAttribute(name, a)) continue;
      if (name === 'Override' && !/^[a-z]+:\/\//i.test(v)) continue; // text override, not a URL
      if (!v.startsWith('https://'))
        problems.push({ code: 'https', message: `<${name}> ${a}="${v}" is not HTTPS` });
      if (/\.png$/i.test(v)) {
        const fromId = /(\d+)$/.exec(attr(n, 'id') ?? '');
        const size =
          name === 'IconUrl' ? 32 : name === 'HighResolutionIconUrl' ? 64 : fromId ? Number(fromId[1]) : null;
        iconChecks.push({ url: v, size, where: `<${name}${attr(n, 'id') ? ` id="${attr(n, 'id')}"` : ''}>` });
      }
    }
    if (name === 'AppDomain' && !textOf(n).startsWith('https://'))
      problems.push({ code: 'https', message: `AppDomain ${textOf(n)} is not HTTPS` });
  });
  for (const icon of iconChecks) {
    if (!icon.url.startsWith(baseUrl)) continue;
    const file = path.join(options.rootDir, icon.url.slice(baseUrl.length));
    if (!fs.existsSync(file)) {
      problems.push({
        code: 'icon-missing',
        message: `${icon.where} points to ${icon.url}, but ${path.relative(options.rootDir, file)} does not exist`,
      });
      continue;
    }
    const dims = pngSize(fs.readFileSync(file));
    if (!dims)
      problems.push({
        code: 'icon-not-png',
        message: `${path.relative(options.rootDir, file)} is not a PNG`,
      });
    else if (icon.size !== null && (dims.width !== icon.size || dims.height !== icon.size)) {
      problems.push({
        code: 'icon-size',
        message: `${icon.where} should be ${icon.size}×${icon.size}, ${path.relative(options.rootDir, file)} is ${dims.width}×${dims.height}`,
      });
    }
  }
  // The Image elements inside <Icon> state their size; it must match the resource they point to.
  walk(root, (n, parents) => {
    if (nameOf(n) !== 'bt:Image' || !parents.includes('Icon')) return;
    const size = attr(n, 'size');
    const resid = attr(n, 'resid');
    const m = /(\d+)$/.exec(resid ?? '');
    if (size && m && m[1] !== size)
      problems.push({ code: 'icon-size', message: `<bt:Image size="${size}"> points to ${resid}` });
  });

  return problems;
}
