import type { CellValue, WorkbookSpec } from '../workbook/types';

/**
 * The same workbook under other sheet, table and defined names, with every reference in its
 * formulas, validations, conditional formats and names rewritten. Used to build into temporary
 * sheets (update mode) and into suffixed sheets next to an existing workbook (new-sheets mode).
 */
export interface RenameMaps {
  sheets?: ReadonlyMap<string, string>;
  tables?: ReadonlyMap<string, string>;
  names?: ReadonlyMap<string, string>;
}

function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const BARE_SHEET = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** Rewrites references outside string literals ("…" parts of a formula are left alone). */
export function renameInFormula(formula: string, maps: RenameMaps): string {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part; // a string literal
      let out = part;
      for (const [from, to] of maps.sheets ?? []) {
        out = out.split(`${quoted(from)}!`).join(`${quoted(to)}!`);
        if (BARE_SHEET.test(from)) {
          out = out.replace(new RegExp(`(^|[^A-Za-z0-9_.'])${escapeRe(from)}!`, 'g'), `$1${quoted(to)}!`);
        }
      }
      for (const [from, to] of maps.tables ?? []) {
        out = out.replace(new RegExp(`(^|[^A-Za-z0-9_.])${escapeRe(from)}\\[`, 'g'), `$1${to}[`);
      }
      for (const [from, to] of maps.names ?? []) {
        out = out.replace(
          new RegExp(`(^|[^A-Za-z0-9_.'!])${escapeRe(from)}(?![A-Za-z0-9_.(\\[!])`, 'g'),
          `$1${to}`,
        );
      }
      return out;
    })
    .join('');
}

function renameValue(v: CellValue, maps: RenameMaps): CellValue {
  return v && v.t === 'formula' ? { ...v, f: renameInFormula(v.f, maps) } : v;
}

export function renameSpec(spec: WorkbookSpec, maps: RenameMaps): WorkbookSpec {
  const f = (s: string) => renameInFormula(s, maps);
  const sheetName = (n: string) => maps.sheets?.get(n) ?? n;
  return {
    ...spec,
    sheets: spec.sheets.map((sheet) => ({
      ...sheet,
      name: sheetName(sheet.name),
      cells: sheet.cells.map((c) => ({ ...c, value: renameValue(c.value, maps) })),
      tables: sheet.tables.map((t) => ({
        ...t,
        name: maps.tables?.get(t.name) ?? t.name,
        columns: t.columns.map((c) => {
          const formula = c.formula;
          return formula ? { ...c, formula: (row: number) => f(formula(row)) } : c;
        }),
        rows: t.rows.map((r) => r.map((v) => renameValue(v, maps))),
      })),
      validations: sheet.validations.map((v) => (v.kind === 'list' ? { ...v, source: f(v.source) } : v)),
      conditionalFormats: sheet.conditionalFormats.map((cf) =>
        cf.kind === 'expression' ? { ...cf, formula: f(cf.formula) } : cf,
      ),
    })),
    names: spec.names.map((n) => ({ name: maps.names?.get(n.name) ?? n.name, ref: f(n.ref) })),
  };
}
