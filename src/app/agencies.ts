/**
 * The agencies of a master and their spellings across plans (issue 17): what `plan-tracker
 * agencies` lists and what the pane's near-duplicate step shows, and recording that one spelling
 * is another agency's (an alias in the hidden meta, a row in `Lịch sử`, the `Tổng hợp` sheet drawn
 * again so it counts them as one).
 */
import { mapColumns } from '../model/columns';
import { LocalizedError, type Msg } from '../model/msg';
import type { AgencyAlias, TrackingWorkbook } from '../model/workbook-meta';
import {
  agencyGrouping,
  nearDuplicateAgencies,
  withAlias,
  type NearDuplicate,
} from '../tracking/agency-aliases';
import { cellText } from '../tracking/entries';
import { writeXlsx } from '../xlsx/write';
import { carryOver } from '../xlsx/revise-carry';
import { redrawnMaster } from './add-plan';
import { readingFile, type NamedFile } from './files';
import { readTrackingFile } from './tracking-file';

export type { AgencyAlias } from '../model/workbook-meta';
export type { NearDuplicate, NearDuplicateReason } from '../tracking/agency-aliases';
export { canonicalAgency, nearDuplicateAgencies } from '../tracking/agency-aliases';

export interface AgencySpelling {
  name: string;
  /** Tasks led under this spelling. */
  tasks: number;
  /** The `Kế hoạch` column of those tasks, each plan once, in table order. */
  plans: string[];
}

export interface ListedAgency {
  /** Grouping key (canonical key after the aliases). */
  key: string;
  /** The name the summaries show. */
  label: string;
  tasks: number;
  spellings: AgencySpelling[];
}

export interface AgencyListing {
  agencies: ListedAgency[];
  /** Groups that look like one agency and are not counted as one yet. */
  nearDuplicates: NearDuplicate[];
  aliases: AgencyAlias[];
}

/** Every lead agency of the table, grouped as the summaries group them, and the near-duplicates. */
export function listAgencies(wb: TrackingWorkbook): AgencyListing {
  const aliases = wb.meta?.agencyAliases ?? [];
  const g = agencyGrouping(aliases);
  const map = mapColumns(wb.snapshot.headers);
  const at = (id: 'lead' | 'planRef') => map.index[id];
  const groups = new Map<string, ListedAgency>();
  for (const row of wb.snapshot.rows) {
    const leadAt = at('lead');
    const name = (leadAt === undefined ? '' : cellText(row[leadAt] ?? null)).trim();
    if (!name) continue;
    const planAt = at('planRef');
    const plan = planAt === undefined ? '' : cellText(row[planAt] ?? null).trim();
    const key = g.key(name);
    const group = groups.get(key) ?? { key, label: g.label(name), tasks: 0, spellings: [] };
    let spelling = group.spellings.find((s) => s.name === name);
    if (!spelling) {
      spelling = { name, tasks: 0, plans: [] };
      group.spellings.push(spelling);
    }
    spelling.tasks += 1;
    if (plan && !spelling.plans.includes(plan)) spelling.plans.push(plan);
    group.tasks += 1;
    groups.set(key, group);
  }
  const agencies = [...groups.values()];
  const names = agencies.flatMap((a) => a.spellings.map((s) => s.name));
  return { agencies, nearDuplicates: nearDuplicateAgencies(names, aliases), aliases };
}

/** `FROM=TO` as typed after `--merge`; null when it is not of that form. */
export function parseAliasArg(text: string): AgencyAlias | null {
  const at = text.indexOf('=');
  if (at <= 0) return null;
  const from = text.slice(0, at).trim();
  const to = text.slice(at + 1).trim();
  return from && to ? { from, to } : null;
}

function unknownAgency(file: string, name: string): Msg {
  return {
    vi: `"${file}": không có cơ quan chủ trì "${name}" trong sổ; không ghi gì. Xem tên các cơ quan bằng: plan-tracker agencies ${file}`,
    en: `"${file}": no lead agency "${name}" in the workbook; nothing written. List its agencies with: plan-tracker agencies ${file}`,
  };
}

export interface RecordedAliases {
  bytes: Uint8Array;
  aliases: AgencyAlias[];
  /** The aliases this call added, each with its target as recorded. */
  added: AgencyAlias[];
}

/**
 * The master with `merges` recorded: each `from` must be a lead agency of the table (so a typo is
 * refused, not remembered); `to` is any name (a spelling of the table, or the official name).
 * Refused with nothing written when two names already count as one agency.
 */
export async function recordAgencyAliases(
  master: NamedFile,
  merges: readonly AgencyAlias[],
  opts: { now?: Date } = {},
): Promise<RecordedAliases> {
  const wb = await readTrackingFile(master);
  const { meta, aliases, added } = mergedAliases(wb, master.name, merges);
  const now = opts.now ?? new Date();
  const spec = await redrawnMaster(wb, { ...meta, agencyAliases: aliases }, now);
  const drawn = await writeXlsx(spec);
  const lang = meta.lang;
  const reason = aliasReason(added);
  const bytes = await readingFile(
    master.name,
    async () =>
      carryOver(master.bytes, drawn, {
        lang,
        fileName: master.name,
        revisionRow: { at: now.toISOString(), file: '', reason: reason[lang] },
      }).bytes,
  );
  return { bytes, aliases, added };
}

/**
 * The master's aliases with `merges` recorded, checked as `recordAgencyAliases` describes (the
 * file and the workbook open in Excel are held to the same rules); `file` names it in messages.
 */
export function mergedAliases(
  wb: TrackingWorkbook,
  file: string,
  merges: readonly AgencyAlias[],
): { meta: NonNullable<TrackingWorkbook['meta']>; aliases: AgencyAlias[]; added: AgencyAlias[] } {
  const meta = wb.meta;
  if (!meta || meta.agencyKey)
    throw new LocalizedError({
      vi: `"${file}": chỉ gộp tên cơ quan trong sổ tổng do công cụ này tạo; không ghi gì.`,
      en: `"${file}": agency names are merged only in a master made by this tool; nothing written.`,
    });
  const listing = listAgencies(wb);
  const known = listing.agencies.flatMap((a) => a.spellings.map((s) => s.name));
  let aliases = [...(meta.agencyAliases ?? [])];
  const added: AgencyAlias[] = [];
  for (const m of merges) {
    const g = agencyGrouping(aliases);
    if (!known.some((k) => g.key(k) === g.key(m.from))) throw new LocalizedError(unknownAgency(file, m.from));
    const next = withAlias(aliases, m.from, m.to);
    if ('refused' in next)
      throw new LocalizedError({
        vi: `"${file}": "${m.from}" và "${m.to}" đã được tính là một cơ quan; không ghi gì.`,
        en: `"${file}": "${m.from}" and "${m.to}" already count as one agency; nothing written.`,
      });
    aliases = next.aliases;
    added.push(aliases[aliases.length - 1]);
  }
  return { meta, aliases, added };
}

/** The `Lịch sử` row's reason for aliases recorded. */
export function aliasReason(added: readonly AgencyAlias[]): Msg {
  const pairs = added.map((a) => `"${a.from}" → "${a.to}"`).join('; ');
  return {
    vi: `Gộp tên cơ quan: ${pairs} (tính chung một dòng trong mọi bảng tổng hợp).`,
    en: `Agency names merged: ${pairs} (counted as one row in every summary).`,
  };
}
