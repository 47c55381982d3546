/**
 * Validates every XML part of an .xlsx package against the ECMA-376 schemas (test/fixtures/ooxml,
 * a copy of ../shared/ooxml),
 * with xmllint (Debian libxml2-utils), after applying Markup Compatibility the way a consumer
 * that knows no extension must: attributes and elements in namespaces the part lists in
 * `mc:Ignorable` are dropped, and `mc:AlternateContent` is replaced by its `mc:Fallback`.
 *
 * Not validated: docProps/core.xml (its schema imports the Dublin Core schemas from the web, and
 * this machine has no network) and parts of types no schema here describes (VBA, images,
 * printer settings, customXml).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';

/** The project's copy of ../shared/ooxml (test/fixtures/ooxml), so a clean clone validates on its own. */
export const OOXML_DIR = path.resolve(__dirname, '..', 'fixtures', 'ooxml');

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const SML = 'transitional/sml.xsd';
/** Content type (without parameters) → schema, relative to OOXML_DIR. */
const SCHEMA_BY_TYPE: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': SML,
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.queryTable+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.tableSingleCells+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml': SML,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.volatileDependencies+xml': SML,
  'application/vnd.openxmlformats-officedocument.drawing+xml': 'transitional/dml-spreadsheetDrawing.xsd',
  'application/vnd.openxmlformats-officedocument.drawingml.chart+xml': 'transitional/dml-chart.xsd',
  'application/vnd.openxmlformats-officedocument.theme+xml': 'transitional/dml-main.xsd',
  'application/vnd.openxmlformats-officedocument.extended-properties+xml':
    'transitional/shared-documentPropertiesExtended.xsd',
  'application/vnd.openxmlformats-officedocument.custom-properties+xml':
    'transitional/shared-documentPropertiesCustom.xsd',
  'application/vnd.openxmlformats-package.relationships+xml': 'opc/opc-relationships.xsd',
};
const CONTENT_TYPES_SCHEMA = 'opc/opc-contentTypes.xsd';

export interface SchemaProblem {
  part: string;
  message: string;
}

interface Tag {
  kind: 'open' | 'close' | 'self' | 'other';
  raw: string;
  name: string;
}

const TAG_RE = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/?[^>]+>|[^<]+/g;
const ATTR_RE = /([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;

function tagOf(raw: string): Tag {
  if (!raw.startsWith('<') || raw.startsWith('<!') || raw.startsWith('<?'))
    return { kind: 'other', raw, name: '' };
  if (raw.startsWith('</')) return { kind: 'close', raw, name: raw.slice(2, -1).trim() };
  const name = /^<([^\s/>]+)/.exec(raw)?.[1] ?? '';
  return { kind: raw.endsWith('/>') ? 'self' : 'open', raw, name };
}

function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i);
}

/**
 * Markup Compatibility preprocessing (ECMA-376 Part 3) for the subset producers use: Ignorable
 * namespaces, AlternateContent (Fallback taken), and the xml:space attribute on text elements.
 */
export function applyMarkupCompatibility(xml: string): string {
  const out: string[] = [];
  // One frame per open element: its namespace declarations and ignorable prefixes.
  const stack: { ns: Map<string, string>; ignorable: Set<string> }[] = [
    { ns: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), ignorable: new Set() },
  ];
  let skipDepth = 0; // > 0 while inside an element being dropped
  // AlternateContent: inside Choice we skip, inside Fallback we keep the children only.
  const tokens = xml.match(TAG_RE) ?? [];
  for (const raw of tokens) {
    const tag = tagOf(raw);
    if (skipDepth > 0) {
      if (tag.kind === 'open') skipDepth += 1;
      else if (tag.kind === 'close') skipDepth -= 1;
      continue;
    }
    if (tag.kind === 'other') {
      out.push(raw);
      continue;
    }
    const frame = stack[stack.length - 1];
    if (tag.kind === 'close') {
      stack.pop();
      const uri = frame.ns.get(prefixOf(tag.name));
      if (uri === MC) continue; // closing AlternateContent / Fallback: their children were kept
      out.push(raw);
      continue;
    }
    // Namespace declarations and Ignorable on this element.
    const ns = new Map(frame.ns);
    const attrs: [string, string][] = [];
    for (const m of tag.raw.matchAll(ATTR_RE)) {
      const [name, quoted] = [m[1], m[2]];
      attrs.push([name, quoted]);
      if (name === 'xmlns') ns.set('', quoted.slice(1, -1));
      else if (name.startsWith('xmlns:')) ns.set(name.slice(6), quoted.slice(1, -1));
    }
    const ignorable = new Set(frame.ignorable);
    for (const [name, quoted] of attrs) {
      if (prefixOf(name) && ns.get(prefixOf(name)) === MC && name.endsWith(':Ignorable'))
        for (const p of quoted.slice(1, -1).split(/\s+/).filter(Boolean)) ignorable.add(p);
    }
    const uri = ns.get(prefixOf(tag.name));
    const local = tag.name.slice(tag.name.indexOf(':') + 1);
    const dropped = (p: string) => p !== '' && (ignorable.has(p) || ns.get(p) === MC);
    if (uri === MC) {
      // AlternateContent and Fallback are transparent; Choice is dropped with its content.
      if (local === 'Choice') {
        if (tag.kind === 'open') skipDepth = 1;
        continue;
      }
      if (tag.kind === 'open') stack.push({ ns, ignorable });
      continue;
    }
    if (dropped(prefixOf(tag.name))) {
      if (tag.kind === 'open') skipDepth = 1;
      continue;
    }
    const kept = attrs.filter(([name]) => {
      if (name === 'xmlns' || name.startsWith('xmlns:')) return true;
      if (name === 'xml:space' && (local === 't' || local === 'v' || local === 'f')) return false;
      return !dropped(prefixOf(name));
    });
    const attrText = kept.map(([n, q]) => ` ${n}=${q}`).join('');
    out.push(`<${tag.name}${attrText}${tag.kind === 'self' ? '/>' : '>'}`);
    if (tag.kind === 'open') stack.push({ ns, ignorable });
  }
  return out.join('');
}

function contentTypes(files: Record<string, Uint8Array>): {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
} {
  const xml = files['[Content_Types].xml'];
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  if (!xml) return { defaults, overrides };
  const text = strFromU8(xml);
  for (const m of text.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) {
    const ext = /Extension="([^"]*)"/.exec(m[0])?.[1];
    const type = /ContentType="([^"]*)"/.exec(m[0])?.[1];
    if (ext && type) defaults.set(ext.toLowerCase(), type);
  }
  for (const m of text.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    const part = /PartName="([^"]*)"/.exec(m[0])?.[1];
    const type = /ContentType="([^"]*)"/.exec(m[0])?.[1];
    if (part && type) overrides.set(decodeURIComponent(part).replace(/^\//, '').toLowerCase(), type);
  }
  return { defaults, overrides };
}

/** The schema of each part of the package (relative to OOXML_DIR), or null when none applies. */
export function schemaOfParts(files: Record<string, Uint8Array>): Map<string, string | null> {
  const { defaults, overrides } = contentTypes(files);
  const out = new Map<string, string | null>();
  for (const name of Object.keys(files)) {
    if (name.endsWith('/')) continue;
    if (name === '[Content_Types].xml') {
      out.set(name, CONTENT_TYPES_SCHEMA);
      continue;
    }
    const type =
      overrides.get(name.toLowerCase()) ?? defaults.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
    const bare = type?.split(';')[0].trim();
    out.set(name, bare ? (SCHEMA_BY_TYPE[bare] ?? null) : null);
  }
  return out;
}

/** Every schema problem of the package; an empty list means every described part is valid. */
export function validatePackage(bytes: Uint8Array): SchemaProblem[] {
  const files = unzipSync(bytes);
  const problems: SchemaProblem[] = [];
  if (!files['[Content_Types].xml']) problems.push({ part: '[Content_Types].xml', message: 'missing' });
  const bySchema = new Map<string, string[]>();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ooxml-validate-'));
  try {
    const local = new Map<string, string>();
    let i = 0;
    for (const [part, schema] of schemaOfParts(files)) {
      if (!schema) continue;
      const file = path.join(dir, `${i++}.xml`);
      fs.writeFileSync(file, applyMarkupCompatibility(strFromU8(files[part])));
      local.set(file, part);
      bySchema.set(schema, [...(bySchema.get(schema) ?? []), file]);
    }
    for (const [schema, paths] of bySchema) {
      let stderr = '';
      try {
        execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(OOXML_DIR, schema), ...paths], {
          stdio: ['ignore', 'ignore', 'pipe'],
          maxBuffer: 64 * 1024 * 1024,
        });
      } catch (e) {
        stderr = String((e as { stderr?: Buffer }).stderr ?? e);
      }
      for (const line of stderr.split('\n')) {
        if (!line.trim() || / validates$/.test(line)) continue;
        const file = paths.find((p) => line.startsWith(p));
        if (!file) {
          if (/fails to validate$/.test(line)) continue;
          problems.push({ part: schema, message: line });
          continue;
        }
        if (line.endsWith('fails to validate')) continue;
        problems.push({ part: local.get(file) ?? file, message: line.slice(file.length).replace(/^:/, '') });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

/** True when xmllint is installed (the test command installs it; a bare machine may lack it). */
export function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
