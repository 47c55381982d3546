/**
 * Findings by lead agency, the way every list of them shows them: the table-level group first
 * (structure, rows without a lead), then agencies in the order their first finding appears (plan
 * order). Agencies group under the plan's canonical key, so tone-mark variants of one name stay
 * together; a group shows the name as first written.
 */
import type { AgencyAlias } from '../../model/workbook-meta';
import { agencyGrouping } from '../agency-aliases';
import type { Finding } from './types';

export interface FindingGroup {
  /** Canonical agency key; '' for the table-level group. */
  key: string;
  /** The agency as first written, or null for the table-level group. */
  agency: string | null;
  /** In the order found (row order). */
  findings: Finding[];
}

export function groupFindingsByAgency(
  findings: readonly Finding[],
  aliases: readonly AgencyAlias[] = [],
): FindingGroup[] {
  const agencies = agencyGrouping(aliases);
  const groups = new Map<string, FindingGroup>([['', { key: '', agency: null, findings: [] }]]);
  for (const f of findings) {
    const name = f.agency?.trim() ? f.agency.trim() : null;
    const key = name ? agencies.key(name) : '';
    let g = groups.get(key);
    if (!g) {
      g = { key, agency: name ? agencies.label(name) : null, findings: [] };
      groups.set(key, g);
    }
    g.findings.push(f);
  }
  return [...groups.values()].filter((g) => g.findings.length > 0);
}
