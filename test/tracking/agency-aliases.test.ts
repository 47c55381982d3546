/**
 * Near-duplicate agencies and the aliases every grouping follows (issue 17). The names are the
 * lead agencies of the labelled real plans (test/fixtures/real/*.json), read from the labels, plus
 * the damage a copy and paste does to them; the rules are general, so the same checks hold for
 * abbreviations no list names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  agencyGrouping,
  canonicalAgency,
  nearDuplicateAgencies,
  nearDuplicateReason,
  withAlias,
} from '../../src/tracking/agency-aliases';
import { parseMeta, serializeMeta } from '../../src/tracking/meta';
import { summarize } from '../../src/tracking/summary';
import type { TaskEntry } from '../../src/model/entries';
import type { WorkbookMeta } from '../../src/model/workbook-meta';

const REAL = join(__dirname, '../fixtures/real');

/** Every lead the labels of the real plans name, with its plan. */
function realLeads(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(REAL).filter((n) => n.endsWith('.json') && n !== 'floor.json')) {
    const label = JSON.parse(readFileSync(join(REAL, f), 'utf8')) as { tasks?: { lead?: string }[] };
    for (const t of label.tasks ?? []) if (t.lead && !out.has(t.lead)) out.set(t.lead, f);
  }
  return out;
}

describe('nearDuplicateReason', () => {
  it.each([
    // Initials of the full name, with & - , between the groups or none at all.
    ['Sở TT&TT', 'Sở Thông tin và Truyền thông', 'abbreviation'],
    ['Sở KH&ĐT', 'Sở Kế hoạch và Đầu tư', 'abbreviation'],
    ['Sở LĐ-TB&XH', 'Sở Lao động - Thương binh và Xã hội', 'abbreviation'],
    ['Sở GTVT', 'Sở Giao thông vận tải', 'abbreviation'],
    ['Ban Thường trực UBMTTQ xã', 'Ban Thường trực Ủy ban MTTQ xã', 'abbreviation'],
    ['TCTL', 'Tổng cục Thủy lợi (TCTL)', 'abbreviation'],
    // Punctuation, "và", case, tone marks, spacing.
    ['Sở Văn hoá Thể thao du lịch', 'Sở Văn hóa, Thể thao và Du lịch', 'spelling'],
    ['Sở Văn hóa - Thể thao và Du lịch', 'Sở Văn hóa, Thể thao và Du lịch', 'spelling'],
    ['SO NOI VU', 'Sở Nội vụ', 'spelling'],
    ['Sở Tài chình', 'Sở Tài chính', 'spelling'],
    // A few words more, or the same words in another order.
    ['UBND các huyện, thành phố', 'UBND các huyện, thị xã, thành phố', 'words'],
    ['UBND các thành phố, huyện', 'Uỷ ban nhân dân các huyện, thành phố', 'words'],
    ['Ban Dân vận', 'Ban Dân vận Tỉnh ủy', 'words'],
  ])('%s ~ %s: %s', (a, b, reason) => {
    expect(nearDuplicateReason(a, b)).toBe(reason);
    expect(nearDuplicateReason(b, a)).toBe(reason);
  });

  it.each([
    ['Sở Nội vụ', 'Sở Ngoại vụ'],
    ['Bộ Công an', 'Bộ Công Thương'],
    ['Văn phòng UBND tỉnh', 'UBND tỉnh'],
    ['Sở Tài chính', 'Sở Tài nguyên và Môi trường'],
    ['Công an tỉnh', 'Công an Thành phố'],
    ['UBND tỉnh', 'UBND huyện'],
    ['Sở KH&CN', 'Sở KH&ĐT'],
    ['Sở Khoa học và Công nghệ', 'Sở Kế hoạch và Đầu tư'],
    ['Bộ Tài chính', 'Sở Tài chính'],
  ])('%s and %s are different bodies', (a, b) => {
    expect(nearDuplicateReason(a, b)).toBeNull();
  });
});

describe('nearDuplicateAgencies on the real plans', () => {
  const leads = realLeads();
  const groups = nearDuplicateAgencies([...leads.keys()]);
  const groupOf = (name: string) => groups.find((g) => g.names.includes(name));

  it('joins the spellings of one department across plans and proposes the full name', () => {
    // dong-thap-552 writes it without commas, ha-tinh-624 with, kon-tum-435 with a hyphen.
    expect(leads.get('Sở Văn hoá Thể thao du lịch')).toBe('dong-thap-552-kh-ubnd-2025.json');
    const vh = groupOf('Sở Văn hoá Thể thao du lịch');
    expect(vh?.names).toEqual(
      expect.arrayContaining(['Sở Văn hóa, Thể thao và Du lịch', 'Sở Văn hóa - Thể thao và Du lịch']),
    );
    // A spelling with every word ("và" included), never the shortened one.
    expect([
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Văn hoá, Thể thao và Du lịch',
      'Sở Văn hóa - Thể thao và Du lịch',
    ]).toContain(vh?.suggested);
    // The Fatherland Front's standing board, abbreviated two ways in the same commune's plans.
    expect(groupOf('Ban Thường trực UBMTTQ xã')?.names).toContain(
      'Ban Thường trực Ủy ban MTTQ xã Lương Minh',
    );
    // A general department and its initials.
    expect(groupOf('TCTL')?.names).toContain('Tổng cục Thủy lợi (TCTL)');
  });

  it('leaves apart what only shares words with another body', () => {
    for (const g of groups) {
      const keys = new Set(g.names.map((n) => canonicalAgency(n).split(' ')[0]));
      // "Sở …" never joins "Bộ …", "Ban …" never "Văn phòng …".
      expect(keys.size === 1 || g.reason !== 'words').toBe(true);
    }
    expect(groupOf('Sở Tài chính')?.names ?? []).not.toContain('Bộ Tài chính');
    expect(groupOf('Sở Nội vụ')?.names ?? []).not.toContain('Bộ Nội vụ');
  });

  it('does not propose names that already count as one, nor those merged', () => {
    // Tone placement (uỷ / ủy) and UBND are the canonical key's: one node, no question asked.
    expect(nearDuplicateAgencies(['UBND các xã, phường', 'Ủy ban nhân dân các xã, phường'])).toEqual([]);
    const pair = ['Sở Văn hoá Thể thao du lịch', 'Sở Văn hóa, Thể thao và Du lịch'];
    expect(nearDuplicateAgencies(pair)).toHaveLength(1);
    expect(nearDuplicateAgencies(pair, [{ from: pair[0], to: pair[1] }])).toEqual([]);
  });
});

describe('aliases', () => {
  it('follow chains to their end, never loop, and label the group by the name chosen', () => {
    const a = withAlias([], 'Sở TT&TT', 'Sở Thông tin và Truyền thông');
    // Same key already (the canonical key expands TT&TT): refused, nothing to record.
    expect(a).toEqual({ refused: 'same' });
    let aliases = [{ from: 'Sở VHTTDL', to: 'Sở Văn hoá Thể thao du lịch' }];
    const next = withAlias(aliases, 'Sở Văn hoá Thể thao du lịch', 'Sở Văn hóa, Thể thao và Du lịch');
    if ('refused' in next) throw new Error('refused');
    aliases = next.aliases;
    const g = agencyGrouping(aliases);
    expect(g.key('Sở VHTTDL')).toBe(g.key('Sở Văn hóa, Thể thao và Du lịch'));
    expect(g.label('sở vhttdl')).toBe('Sở Văn hóa, Thể thao và Du lịch');
    // Back the other way would close a loop: refused as the same agency.
    expect(withAlias(aliases, 'Sở Văn hóa, Thể thao và Du lịch', 'Sở VHTTDL')).toEqual({ refused: 'same' });
    // A hand-edited loop in the meta still ends.
    const loop = [
      { from: 'A B', to: 'C D' },
      { from: 'C D', to: 'A B' },
    ];
    expect(['a b', 'c d']).toContain(canonicalAgency('A B', loop));
    expect(canonicalAgency('  ', loop)).toBe('');
  });

  it('are kept in the meta sheet, and a meta without them still reads', () => {
    const meta: WorkbookMeta = {
      generator: 'plan-tracker',
      generatorVersion: '0.1.0',
      schemaVersion: 1,
      lang: 'vi',
      builtAt: '2026-12-02T00:00:00.000Z',
      planTitle: 'Kế hoạch',
      planNumber: '624/KH-UBND',
      planIssuedOn: null,
      sourceFingerprint: 'ab',
      workbookId: 'wb',
      agencyKey: null,
      tasks: [{ id: 'I.1', hash: '00' }],
    };
    expect(parseMeta(serializeMeta(meta))).toEqual(meta);
    const withAliases = {
      ...meta,
      agencyAliases: [{ from: 'Sở "VH" TT&DL', to: 'Sở Văn hóa, Thể thao và Du lịch' }],
    };
    const rows = serializeMeta(withAliases);
    expect(rows.filter((r) => r[0] === 'agencyAliases')).toHaveLength(1);
    expect(parseMeta(rows)).toEqual(withAliases);
  });

  it('make the summary count one row per agency, every figure worked out', () => {
    const entry = (
      taskId: string,
      lead: string,
      due: string | null,
      status: TaskEntry['status'],
    ): TaskEntry => ({
      taskId,
      section: 'I',
      group: '',
      lead,
      partners: '',
      text: taskId,
      category: due ? 'due' : 'ongoing',
      due,
      rowIndex: 0,
      status,
      completedOn: status === 'done' ? '2024-05-01' : null,
      progress: null,
      result: '',
      note: '',
      updatedOn: null,
    });
    const entries = [
      entry('1', 'Sở Văn hoá Thể thao du lịch', '2024-06-30', 'done'), // done on time
      entry('2', 'Sở Văn hóa, Thể thao và Du lịch', '2024-03-31', 'in_progress'), // overdue at 20/06
      entry('3', 'Sở Văn hóa, Thể thao và Du lịch', '2024-12-31', 'in_progress'), // in progress, on time
      entry('4', 'Sở Nội vụ', '2024-04-30', 'done'), // done late (completed 01/05)
    ];
    const aliases = [{ from: 'Sở Văn hoá Thể thao du lịch', to: 'Sở Văn hóa, Thể thao và Du lịch' }];
    const before = summarize(entries, { reportDate: '2024-06-20' });
    expect(before.byAgency.map((r) => r.total)).toEqual([1, 2, 1]);
    const after = summarize(entries, { reportDate: '2024-06-20', aliases });
    expect(after.byAgency.map((r) => [r.label, r.total])).toEqual([
      ['Sở Văn hóa, Thể thao và Du lịch', 3],
      ['Sở Nội vụ', 1],
    ]);
    const vh = after.byAgency[0];
    expect(vh.counts.done_on_time).toBe(1);
    expect(vh.counts.overdue).toBe(1);
    expect(vh.counts.in_progress_on_time).toBe(1);
    // Done 1 of the 2 whose deadline has passed (task 3's has not): 50 %.
    expect(vh.completionRate).toBe(0.5);
    expect(after.byAgency[1].counts.done_late).toBe(1);
    expect(after.byAgency[1].completionRate).toBe(1);
  });
});
