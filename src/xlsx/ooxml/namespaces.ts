/**
 * The namespaces the reader understands, as small numbers the scanner compares cheaply. Elements
 * are matched by namespace and local name, never by prefix: Excel writes SpreadsheetML as the
 * default namespace, the Open XML SDK as `x:`, and Excel's "Strict Open XML" save uses the
 * purl.oclc.org names for the same vocabularies.
 */
export const NS_OTHER = 0;
/** No namespace at all (no default declared): accepted as SpreadsheetML by lenient producers. */
export const NS_NONE = 1;
export const NS_SML = 2;
export const NS_REL = 3;
export const NS_MC = 4;
export const NS_PKG_REL = 5;
export const NS_CONTENT_TYPES = 6;
export const NS_XML = 7;

export const URI = {
  sml: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  smlStrict: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  relStrict: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

const IDS = new Map<string, number>([
  [URI.sml, NS_SML],
  [URI.smlStrict, NS_SML],
  [URI.rel, NS_REL],
  [URI.relStrict, NS_REL],
  [URI.mc, NS_MC],
  [URI.pkgRel, NS_PKG_REL],
  [URI.contentTypes, NS_CONTENT_TYPES],
  [URI.xml, NS_XML],
]);

export function namespaceId(uri: string): number {
  return uri === '' ? NS_NONE : (IDS.get(uri) ?? NS_OTHER);
}

/** SpreadsheetML, or an element in no namespace where a producer forgot the declaration. */
export function isSml(ns: number): boolean {
  return ns === NS_SML || ns === NS_NONE;
}

/**
 * Relationship types are compared by their last segment under either the transitional or the
 * strict base (`…/officeDocument/2006/relationships/worksheet`, `…/ooxml/officeDocument/relationships/worksheet`).
 */
const REL_TYPE_BASES = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/',
];

export function relationshipKind(type: string): string | null {
  for (const base of REL_TYPE_BASES) if (type.startsWith(base)) return type.slice(base.length);
  return null;
}

export function isStrictRelationshipType(type: string): boolean {
  return type.startsWith(REL_TYPE_BASES[1]);
}

export function relationshipType(kind: string, strict: boolean): string {
  return REL_TYPE_BASES[strict ? 1 : 0] + kind;
}
