/** Orders check findings the way the pane shows them: by agency, worst first. */
import type { Finding, Severity } from '../tracking/check';

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export interface AgencyFindings {
  /** The agency as shown in the rows, or null for rows without one. */
  agency: string | null;
  counts: Record<Severity, number>;
  /** Sorted: errors first, then by sheet row. */
  findings: Finding[];
}

export function groupFindings(findings: readonly Finding[]): AgencyFindings[] {
  const byAgency = new Map<string | null, Finding[]>();
  for (const f of findings) {
    const key = f.agency && f.agency.trim() ? f.agency.trim() : null;
    const list = byAgency.get(key) ?? [];
    list.push(f);
    byAgency.set(key, list);
  }
  const groups = [...byAgency.entries()].map(([agency, list]) => {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of list) counts[f.severity]++;
    const sorted = [...list].sort(
      (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.row - b.row,
    );
    return { agency, counts, findings: sorted };
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
