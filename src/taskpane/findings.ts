/** Orders check findings the way the pane shows them: by agency, the agency with most errors first. */
import { CHECK_RULES, groupFindingsByAgency, type Finding, type Severity } from '../app/check';
import type { Lang } from '../model/lang';
import type { AgencyAlias } from '../model/workbook-meta';
import { localize } from '../model/msg';
import { SEVERITIES } from '../model/vocabulary';
import type { MessageKey } from './i18n';

export const SEVERITY_ORDER: readonly Severity[] = SEVERITIES;

export const SEVERITY_LABEL: Record<Severity, MessageKey> = {
  error: 'severityError',
  warning: 'severityWarning',
  info: 'severityInfo',
};

const RULE_TITLE = new Map(CHECK_RULES.map((r) => [r.code, r.title]));

/** A rule named the way the pane shows it: its title, or its code when the rule is not known. */
export function ruleLabel(code: string, lang: Lang): string {
  const title = RULE_TITLE.get(code);
  return title ? localize(title, lang) : code;
}

export interface AgencyFindings {
  /** The agency as first written in the rows, or null for rows without one. */
  agency: string | null;
  counts: Record<Severity, number>;
  /** Sorted: errors first, then by sheet row. */
  findings: Finding[];
}

/** `aliases`: the workbook's, so spellings the user merged are one agency here as in the summaries. */
export function groupFindings(
  findings: readonly Finding[],
  aliases: readonly AgencyAlias[] = [],
): AgencyFindings[] {
  const groups = groupFindingsByAgency(findings, aliases).map((g) => {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of g.findings) counts[f.severity]++;
    const sorted = [...g.findings].sort(
      (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.row - b.row,
    );
    return { agency: g.agency, counts, findings: sorted };
  });
  // Agencies with the most errors first; the unnamed group last; ties by name (Vietnamese order).
  return groups.sort(
    (a, b) =>
      Number(a.agency === null) - Number(b.agency === null) ||
      b.counts.error - a.counts.error ||
      b.counts.warning - a.counts.warning ||
      (a.agency ?? '').localeCompare(b.agency ?? '', 'vi'),
  );
}

/** What the check step's filters keep; null = no filter on that field. */
export interface FindingFilter {
  /** An agency as groupFindings names it; '' for the findings without a lead agency. */
  agency: string | null;
  severity: Severity | null;
  /** A rule's code. */
  rule: string | null;
}

export const NO_FILTER: FindingFilter = { agency: null, severity: null, rule: null };

/** The agency a finding is listed under: the same trimming and key as groupFindings. */
export function agencyOf(
  findings: readonly Finding[],
  aliases: readonly AgencyAlias[] = [],
): Map<Finding, string> {
  const of = new Map<Finding, string>();
  for (const g of groupFindingsByAgency(findings, aliases))
    for (const f of g.findings) of.set(f, g.agency ?? '');
  return of;
}

export function filterFindings(
  findings: readonly Finding[],
  filter: FindingFilter,
  aliases: readonly AgencyAlias[] = [],
): Finding[] {
  const agency = filter.agency === null ? null : agencyOf(findings, aliases);
  return findings.filter(
    (f) =>
      (agency === null || agency.get(f) === filter.agency) &&
      (filter.severity === null || f.severity === filter.severity) &&
      (filter.rule === null || f.code === filter.rule),
  );
}
