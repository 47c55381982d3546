/** The workbook part: its sheets, defined names, date system and the parts it relates to. */
import type { OoxmlPackage, Relationship } from './package';
import { isSml, NS_REL, URI } from './namespaces';
import { END, EOF, START } from './scanner';
import { decodeXstring } from './xml';

/** LibreOffice saves a very hidden sheet as hidden; Gnumeric as visible. */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  /** Position in the workbook (the localSheetId of names scoped to it), 0-based. */
  index: number;
  name: string;
  sheetId: number;
  state: SheetState;
  relId: string;
  /** 'worksheet', 'chartsheet', 'dialogsheet', 'xlMacrosheet' … from its relationship. */
  kind: string | null;
  /** The sheet's part as stored, or null when the relationship or part is missing. */
  part: string | null;
}

export interface DefinedName {
  name: string;
  /** The formula, as written (without "="). */
  formula: string;
  /** Index of the sheet the name is scoped to, or null for a workbook-level name. */
  localSheetId: number | null;
  hidden: boolean;
}

export interface WorkbookInfo {
  part: string;
  /** Saved as "Strict Open XML" (purl.oclc.org namespaces). */
  strict: boolean;
  /** Serial numbers count from 1904-01-01 instead of 1899-12-30. */
  date1904: boolean;
  sheets: SheetInfo[];
  definedNames: DefinedName[];
  relationships: Relationship[];
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

function flag(value: string | null): boolean {
  return value === '1' || value?.toLowerCase() === 'true';
}

function stateOf(value: string | null): SheetState {
  const v = (value ?? '').toLowerCase();
  return v === 'hidden' ? 'hidden' : v === 'veryhidden' ? 'veryHidden' : 'visible';
}

export function readWorkbookInfo(pkg: OoxmlPackage): WorkbookInfo {
  const part = pkg.workbookPart();
  const relationships = pkg.relationships(part);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const sheets: SheetInfo[] = [];
  const definedNames: DefinedName[] = [];
  let strict = false;
  let date1904 = false;
  pkg.parse(part, (sc) => {
    let inNames = false;
    for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
      if (ev === END) {
        if (sc.local === 'definedNames') inNames = false;
        continue;
      }
      if (ev !== START || !isSml(sc.ns)) continue;
      switch (sc.local) {
        case 'workbook':
          strict = sc.uriOf(sc.prefix) === URI.smlStrict;
          break;
        case 'workbookPr':
          date1904 = flag(sc.attr('date1904'));
          break;
        case 'sheet': {
          const relId = sc.attrNs(NS_REL, 'id') ?? '';
          const rel = byId.get(relId);
          sheets.push({
            index: sheets.length,
            name: sc.attr('name') ?? '',
            sheetId: Number(sc.attr('sheetId')) || 0,
            state: stateOf(sc.attr('state')),
            relId,
            kind: rel?.kind ?? null,
            part: rel?.part ?? null,
          });
          break;
        }
        case 'definedNames':
          inNames = true;
          break;
        case 'definedName': {
          if (!inNames) break;
          const local = sc.attr('localSheetId');
          const name = sc.attr('name') ?? '';
          const hidden = flag(sc.attr('hidden'));
          const localSheetId = local !== null && /^\d+$/.test(local) ? Number(local) : null;
          definedNames.push({ name, hidden, localSheetId, formula: decodeXstring(sc.text()) });
          break;
        }
        case 'extLst':
          sc.skip();
          break;
      }
    }
  });
  const related = (kind: string) => relationships.find((r) => r.kind === kind && r.part)?.part ?? null;
  return {
    part,
    strict,
    date1904,
    sheets,
    definedNames,
    relationships,
    sharedStringsPart: related('sharedStrings'),
    stylesPart: related('styles'),
  };
}
