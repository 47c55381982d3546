/** Orders check findings the way the pane shows them: by agency, the agency with most errors first. */
import { groupFindingsByAgency, type Finding, type Severity } from '../app/check';
import { SEVERITIES } from '../model/vocabulary';

export const SEVERITY_ORDER: readonly Severity[] = SEVERITIES;

export interface AgencyFindings {
  /** The agency as first written in the rows, or null for rows without one. */
  agency: string | null;
  counts: Record<Severity, number>;
  /** Sorted: errors first, then by sheet row. */
  findings: Finding[];
}

export function groupFindings(findings: readonly Finding[]): AgencyFindings[] {
  const groups = groupFindingsByAgency(findings).map((g) => {
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
