/**
 * `plan-tracker agencies MASTER`: the lead agencies of a master holding several plans, each with
 * its spellings, and the groups that look like one agency spelled differently (issue 17).
 * `--merge "FROM=TO"` records that FROM is TO: every summary, split and report then counts them
 * as one; the alias is kept in the workbook and logged in `Lịch sử`. The result goes to `-o NEW`,
 * or with `--force` replaces the master in place (temp file + rename, backup beside it, one
 * writer at a time), as `merge` does.
 */
import { resolve } from 'node:path';
import {
  listAgencies,
  parseAliasArg,
  recordAgencyAliases,
  type AgencyListing,
  type NearDuplicateReason,
} from '../../app/agencies';
import { readTrackingFile } from '../../app/tracking-file';
import type { Lang } from '../../model/lang';
import { localize, type Msg } from '../../model/msg';
import { commandArgs, COMMON_FLAGS, MISSING_TRACKING_WORKBOOK, UsageError } from '../args';
import { readNamedFile } from '../files';
import type { CliIo } from '../io';
import { updateMasterInPlace } from '../master-file';
import { refuseOverwrite, requireXlsxPath, writeFilesAtomically } from '../output-file';

const USAGE: Msg = {
  vi: 'Cách dùng: plan-tracker agencies SO_TONG.xlsx [--merge "TÊN_CŨ=TÊN_GIỮ"] [-o SO_MOI.xlsx | --force] [--json] [--lang vi|en]',
  en: 'Usage: plan-tracker agencies MASTER.xlsx [--merge "FROM=TO"] [-o NEW.xlsx | --force] [--json] [--lang vi|en]',
};

export const ARGS = {
  help: true,
  flags: {
    merge: {
      names: ['--merge'],
      kind: 'string',
      value: ['"TÊN_CŨ=TÊN_GIỮ"', '"FROM=TO"'],
      about: {
        vi: 'Ghi nhận hai tên là một cơ quan: mọi bảng tổng hợp, sổ tách và báo cáo tính chung dưới TÊN_GIỮ.',
        en: 'Record that two names are one agency: every summary, split and report counts them under TO.',
      },
    },
    output: COMMON_FLAGS.output,
    force: {
      names: ['--force'],
      kind: 'bool',
      about: {
        vi: 'Không có -o: ghi thẳng vào sổ tổng (giữ bản trước bên cạnh); có -o: ghi đè tệp kết quả.',
        en: 'Without -o: update the master in place (the previous one kept beside it); with -o: overwrite the output.',
      },
    },
    json: COMMON_FLAGS.json,
    lang: COMMON_FLAGS.lang,
  },
  positional: {
    min: 1,
    max: 1,
    tooFew: MISSING_TRACKING_WORKBOOK,
    tooMany: (arg: string) => ({
      vi: `Chỉ nhận một sổ tổng: "${arg}".`,
      en: `One master only: "${arg}".`,
    }),
  },
} as const;

const REASONS: Record<NearDuplicateReason, Msg> = {
  spelling: {
    vi: 'cùng chữ, khác dấu, chữ hoa hoặc dấu câu',
    en: 'same words, other marks, case or punctuation',
  },
  abbreviation: { vi: 'một tên là chữ viết tắt của tên kia', en: 'one name abbreviates the other' },
  words: { vi: 'gần giống, khác vài từ', en: 'nearly the same, a few words apart' },
};

function listingText(listing: AgencyListing, file: string, lang: Lang): string {
  const say = (m: Msg) => localize(m, lang);
  const spellings = listing.agencies.reduce((n, a) => n + a.spellings.length, 0);
  const lines = [
    say({
      vi: `Cơ quan chủ trì trong ${file}: ${listing.agencies.length} cơ quan, ${spellings} cách viết.`,
      en: `Lead agencies in ${file}: ${listing.agencies.length} agencies, ${spellings} spellings.`,
    }),
  ];
  const shown = (s: { name: string; tasks: number; plans: string[] }) =>
    `"${s.name}" (${s.tasks}${s.plans.length ? `; ${s.plans.join(', ')}` : ''})`;
  for (const a of listing.agencies)
    lines.push(
      a.spellings.length > 1
        ? `  ${a.label}: ${a.tasks} — ${a.spellings.map(shown).join(' | ')}`
        : `  ${a.label}: ${a.tasks}`,
    );
  if (listing.aliases.length) {
    lines.push('', say({ vi: 'Đã gộp:', en: 'Merged:' }));
    for (const a of listing.aliases) lines.push(`  "${a.from}" → "${a.to}"`);
  }
  lines.push('');
  if (listing.nearDuplicates.length === 0) {
    lines.push(
      say({ vi: 'Không thấy tên cơ quan nào gần trùng nhau.', en: 'No near-duplicate agency names found.' }),
    );
    return lines.join('\n');
  }
  lines.push(
    say({
      vi: `Có thể là cùng một cơ quan (${listing.nearDuplicates.length} nhóm); gộp bằng --merge "TÊN_CŨ=TÊN_GIỮ":`,
      en: `Possibly one agency (${listing.nearDuplicates.length} groups); merge with --merge "FROM=TO":`,
    }),
  );
  listing.nearDuplicates.forEach((d, i) => {
    lines.push(`  ${i + 1}. ${d.names.map((n) => `"${n}"`).join(' | ')} — ${say(REASONS[d.reason])}`);
    const other = d.names.find((n) => n !== d.suggested) ?? d.names[0];
    lines.push(`     --merge "${other}=${d.suggested}"`);
  });
  return lines.join('\n');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (!parsed) return 0;
  const { json, lang, force, output } = parsed.flags;
  const masterArg = parsed.positional[0];
  if (parsed.flags.merge === undefined) {
    if (output)
      throw new UsageError({ vi: '-o chỉ dùng cùng --merge.', en: '-o is used with --merge only.' }, USAGE);
    const wb = await readTrackingFile(await readNamedFile(io, masterArg));
    const listing = listAgencies(wb);
    io.out(json ? JSON.stringify(listing, null, 2) : listingText(listing, masterArg, lang));
    return 0;
  }
  const alias = parseAliasArg(parsed.flags.merge);
  if (!alias)
    throw new UsageError(
      {
        vi: `--merge cần dạng "TÊN_CŨ=TÊN_GIỮ", nhận được "${parsed.flags.merge}".`,
        en: `--merge takes "FROM=TO", got "${parsed.flags.merge}".`,
      },
      USAGE,
    );
  if (!output && !force)
    throw new UsageError(
      {
        vi: 'Cần -o SO_MOI.xlsx, hoặc --force để ghi thẳng vào sổ tổng.',
        en: 'Give -o NEW.xlsx, or --force to update the master in place.',
      },
      USAGE,
    );
  let written: string;
  const got: { result?: Awaited<ReturnType<typeof recordAgencyAliases>> } = {};
  if (output) {
    requireXlsxPath(output);
    written = resolve(io.cwd, output);
    refuseOverwrite(written, force);
    got.result = await recordAgencyAliases(await readNamedFile(io, masterArg), [alias]);
    await writeFilesAtomically([{ path: written, bytes: got.result.bytes }], { createDirs: true });
  } else {
    written = await updateMasterInPlace(
      resolve(io.cwd, masterArg),
      masterArg,
      () => readNamedFile(io, masterArg),
      async (master) => {
        got.result = await recordAgencyAliases(master, [alias]);
        return got.result.bytes;
      },
    );
  }
  const done = got.result;
  if (!done) return 2;
  if (json) io.out(JSON.stringify({ added: done.added, aliases: done.aliases, output: written }, null, 2));
  else
    for (const a of done.added)
      io.out(
        localize(
          {
            vi: `Đã gộp "${a.from}" vào "${a.to}": ${written}`,
            en: `Merged "${a.from}" into "${a.to}": ${written}`,
          },
          lang,
        ),
      );
  return 0;
}
