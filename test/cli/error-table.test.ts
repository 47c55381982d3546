/**
 * Every command × the mistakes people make (issue 19's CLI table): success, a missing file, a file
 * of the wrong type, an unreadable one (a damaged package, no read permission), an output that
 * cannot be written (a read-only folder, a folder where the file should go, a read-only file, a
 * path that cannot exist) and a bad option (unknown, a bad value, a missing value).
 *
 * Each row runs as `plan-tracker` runs (main), in Vietnamese (the default) and with `--lang en`,
 * and asserts the exit code the README states; that a failure's message is in the run's language
 * and names the file (or the option); that no output has a stack trace, an errno code, "Error:"
 * or a URL; and that a failing run created or changed no file in the folder.
 */
import { createHash } from 'crypto';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { bufferIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { splitWorkbook } from '../../src/xlsx/split';
import { buildDocx } from '../plan/docx-builder';
import { buildMaster, fill, NV } from '../xlsx/merge-fixture';

const SAMPLE = resolve(__dirname, '../../samples/nq28-nam-dinh.txt');

type Case =
  | 'success'
  | 'missing file'
  | 'wrong type'
  | 'unreadable: damaged'
  | 'unreadable: no permission'
  | 'unwritable: read-only folder'
  | 'unwritable: output is a folder'
  | 'unwritable: read-only file'
  | 'unwritable: impossible path'
  | 'bad option: unknown'
  | 'bad option: bad value'
  | 'bad option: missing value';

interface Row {
  command: string;
  case: Case;
  args: string[];
  code: 0 | 1 | 2;
  /** What a failure's message must contain: the file or the option as the user typed it. */
  names?: string;
  /** Run without the right to read `khoa.*` or write `chi-doc/` (root ignores permissions). */
  unprivileged?: boolean;
}

const row = (command: string, c: Case, args: string[], code: 0 | 1 | 2, names?: string): Row => ({
  command,
  case: c,
  args: [command, ...args],
  code,
  names,
  unprivileged: c === 'unreadable: no permission' || c === 'unwritable: read-only folder',
});

/** The failures every command reading one tracking workbook shares. */
function workbookReaderRows(command: string, extra: string[] = []): Row[] {
  return [
    row(command, 'missing file', ['khong-co.xlsx', ...extra], 2, 'khong-co.xlsx'),
    row(command, 'wrong type', ['tai-lieu.pdf', ...extra], 2, 'tai-lieu.pdf'),
    row(command, 'wrong type', ['ke-hoach.docx', ...extra], 2, 'ke-hoach.docx'),
    row(command, 'wrong type', ['plan.txt', ...extra], 2, 'plan.txt'),
    row(command, 'unreadable: damaged', ['cut-doi.xlsx', ...extra], 2, 'cut-doi.xlsx'),
    row(command, 'unreadable: no permission', ['khoa.xlsx', ...extra], 2, 'khoa.xlsx'),
    row(command, 'bad option: unknown', ['so.xlsx', '--khong-co', ...extra], 2, '--khong-co'),
  ];
}

/** The failures every command reading one plan shares. */
function planReaderRows(command: string, extra: string[]): Row[] {
  return [
    row(command, 'missing file', ['khong-co.txt', ...extra], 2, 'khong-co.txt'),
    row(command, 'wrong type', ['tai-lieu.pdf', ...extra], 2, 'tai-lieu.pdf'),
    row(command, 'wrong type', ['so.xlsx', ...extra], 2, 'so.xlsx'),
    row(command, 'unreadable: damaged', ['hong.docx', ...extra], 2, 'hong.docx'),
    row(command, 'unreadable: no permission', ['khoa.txt', ...extra], 2, 'khoa.txt'),
  ];
}

/**
 * The failures of a command that reads a master and a plan and writes a new workbook (revise,
 * add): each input missing, of the wrong kind, damaged or locked, and each way the output fails.
 */
function masterAndPlanRows(command: string): Row[] {
  const o = ['-o', 'm.xlsx'];
  return [
    row(command, 'success', ['so.xlsx', 'sua-doi.txt', '-o', `${command}-moi.xlsx`, '--force'], 0),
    row(command, 'missing file', ['khong-co.xlsx', 'sua-doi.txt', ...o], 2, 'khong-co.xlsx'),
    row(command, 'missing file', ['so.xlsx', 'khong-co.txt', ...o], 2, 'khong-co.txt'),
    row(command, 'wrong type', ['tai-lieu.pdf', 'sua-doi.txt', ...o], 2, 'tai-lieu.pdf'),
    row(command, 'wrong type', ['so.xlsx', 'tai-lieu.pdf', ...o], 2, 'tai-lieu.pdf'),
    row(command, 'wrong type', ['so.xlsx', 'so.xlsx', ...o], 2, 'so.xlsx'),
    row(command, 'unreadable: damaged', ['cut-doi.xlsx', 'sua-doi.txt', ...o], 2, 'cut-doi.xlsx'),
    row(command, 'unreadable: damaged', ['so.xlsx', 'hong.docx', ...o], 2, 'hong.docx'),
    row(command, 'unreadable: no permission', ['khoa.xlsx', 'sua-doi.txt', ...o], 2, 'khoa.xlsx'),
    row(command, 'unreadable: no permission', ['so.xlsx', 'khoa.txt', ...o], 2, 'khoa.txt'),
    row(
      command,
      'unwritable: read-only folder',
      ['so.xlsx', 'sua-doi.txt', '-o', 'chi-doc/m.xlsx'],
      2,
      'chi-doc',
    ),
    row(
      command,
      'unwritable: output is a folder',
      ['so.xlsx', 'sua-doi.txt', '-o', 'thu-muc.xlsx', '--force'],
      2,
      'thu-muc.xlsx',
    ),
    row(
      command,
      'unwritable: read-only file',
      ['so.xlsx', 'sua-doi.txt', '-o', 'chi-doc.xlsx', '--force'],
      2,
      'chi-doc.xlsx',
    ),
    row(command, 'bad option: unknown', ['so.xlsx', 'sua-doi.txt', '--khong-co'], 2, '--khong-co'),
    row(command, 'bad option: missing value', ['so.xlsx', 'sua-doi.txt', '-o'], 2, '-o'),
  ];
}

const ROWS: Row[] = [
  row('parse', 'success', ['plan.txt'], 0),
  ...planReaderRows('parse', []),
  row('parse', 'bad option: unknown', ['plan.txt', '--khong-co'], 2, '--khong-co'),
  row('parse', 'bad option: bad value', ['plan.txt', '--lang', 'fr'], 2, 'fr'),
  row('parse', 'bad option: missing value', ['plan.txt', '--lang'], 2, '--lang'),

  row('build', 'success', ['plan.txt', '-o', 'ra/build.xlsx', '--report-date', '14/06/2024', '--force'], 0),
  ...planReaderRows('build', ['-o', 'b.xlsx']),
  row('build', 'unwritable: read-only folder', ['plan.txt', '-o', 'chi-doc/b.xlsx'], 2, 'chi-doc'),
  row('build', 'unwritable: output is a folder', ['plan.txt', '-o', 'thu-muc.xlsx'], 2, 'thu-muc.xlsx'),
  row(
    'build',
    'unwritable: output is a folder',
    ['plan.txt', '-o', 'thu-muc.xlsx', '--force'],
    2,
    'thu-muc.xlsx',
  ),
  row(
    'build',
    'unwritable: read-only file',
    ['plan.txt', '-o', 'chi-doc.xlsx', '--force'],
    2,
    'chi-doc.xlsx',
  ),
  row(
    'build',
    'unwritable: impossible path',
    ['plan.txt', '-o', '/proc/khong-co/b.xlsx'],
    2,
    '/proc/khong-co',
  ),
  row('build', 'wrong type', ['plan.txt', '-o', 'b.pdf'], 2, 'b.pdf'),
  row('build', 'bad option: unknown', ['plan.txt', '-o', 'b.xlsx', '--khong-co'], 2, '--khong-co'),
  row(
    'build',
    'bad option: bad value',
    ['plan.txt', '-o', 'b.xlsx', '--report-date', '31/02/2024'],
    2,
    '31/02/2024',
  ),
  row('build', 'bad option: missing value', ['plan.txt', '-o'], 2, '-o'),
  row('build', 'bad option: missing value', ['plan.txt', '-o', '--force'], 2, '-o'),

  row('check', 'success', ['so.xlsx'], 0),
  ...workbookReaderRows('check'),
  row('check', 'bad option: bad value', ['so.xlsx', '--report-date', '2024-13-01'], 2, '2024-13-01'),
  row('check', 'bad option: bad value', ['so.xlsx', '--convention', 'weekly'], 2, 'weekly'),
  row('check', 'bad option: missing value', ['so.xlsx', '--update-period'], 2, '--update-period'),

  row('summary', 'success', ['so.xlsx', '-o', 'tong-hop.xlsx', '--period', 'Quý II-2024'], 0),
  ...workbookReaderRows('summary'),
  row('summary', 'unwritable: read-only folder', ['so.xlsx', '-o', 'chi-doc/t.xlsx'], 2, 'chi-doc'),
  row('summary', 'unwritable: output is a folder', ['so.xlsx', '-o', 'thu-muc.xlsx'], 2, 'thu-muc.xlsx'),
  row('summary', 'unwritable: read-only file', ['so.xlsx', '-o', 'chi-doc.xlsx'], 2, 'chi-doc.xlsx'),
  row('summary', 'bad option: bad value', ['so.xlsx', '--period', '2024-Q9'], 2, '2024-Q9'),
  row('summary', 'bad option: missing value', ['so.xlsx', '--period'], 2, '--period'),

  row('report', 'success', ['so.xlsx', '-o', 'bao-cao.xlsx', '--report-date', '01/07/2024', '--force'], 0),
  ...workbookReaderRows('report'),
  row('report', 'unwritable: read-only folder', ['so.xlsx', '-o', 'chi-doc/r.xlsx'], 2, 'chi-doc'),
  row(
    'report',
    'unwritable: output is a folder',
    ['so.xlsx', '-o', 'thu-muc.xlsx', '--force'],
    2,
    'thu-muc.xlsx',
  ),
  row(
    'report',
    'unwritable: read-only file',
    ['so.xlsx', '-o', 'chi-doc.xlsx', '--force'],
    2,
    'chi-doc.xlsx',
  ),
  row('report', 'bad option: bad value', ['so.xlsx', '--period', 'quy-hai'], 2, 'quy-hai'),
  row('report', 'bad option: missing value', ['so.xlsx', '--issuer'], 2, '--issuer'),

  row('radar', 'success', ['so.xlsx', '--days', '60'], 0),
  ...workbookReaderRows('radar'),
  row('radar', 'bad option: bad value', ['so.xlsx', '--days', 'ba-muoi'], 2, 'ba-muoi'),
  row('radar', 'bad option: bad value', ['so.xlsx', '--report-date', '32/01/2024'], 2, '32/01/2024'),
  row('radar', 'bad option: missing value', ['so.xlsx', '--days'], 2, '--days'),

  row('split', 'success', ['so.xlsx', '-o', 'tach', '--force'], 0),
  ...workbookReaderRows('split', ['-o', 'tach-2']),
  row('split', 'unwritable: read-only folder', ['so.xlsx', '-o', 'chi-doc'], 2, 'chi-doc'),
  row('split', 'unwritable: read-only folder', ['so.xlsx', '-o', 'chi-doc/moi'], 2, 'chi-doc'),
  row('split', 'unwritable: output is a folder', ['so.xlsx', '-o', 'plan.txt'], 2, 'plan.txt'),
  row('split', 'unwritable: impossible path', ['so.xlsx', '-o', '/proc/khong-co/tach'], 2, '/proc/khong-co'),
  row('split', 'bad option: missing value', ['so.xlsx', '-o'], 2, '-o'),

  row('merge', 'success', ['tong.xlsx', 'tra-ve.xlsx'], 0),
  row('merge', 'missing file', ['khong-co.xlsx', 'tra-ve.xlsx'], 2, 'khong-co.xlsx'),
  row('merge', 'missing file', ['tong-2.xlsx', 'khong-co.xlsx'], 2, 'khong-co.xlsx'),
  row('merge', 'wrong type', ['tai-lieu.pdf', 'tra-ve.xlsx'], 2, 'tai-lieu.pdf'),
  row('merge', 'wrong type', ['tong-2.xlsx', 'tai-lieu.pdf'], 2, 'tai-lieu.pdf'),
  row('merge', 'wrong type', ['tong-2.xlsx', 'ke-hoach.docx'], 2, 'ke-hoach.docx'),
  row('merge', 'unreadable: damaged', ['cut-doi.xlsx', 'tra-ve.xlsx'], 2, 'cut-doi.xlsx'),
  row('merge', 'unreadable: damaged', ['tong-2.xlsx', 'cut-doi.xlsx'], 2, 'cut-doi.xlsx'),
  row('merge', 'unreadable: no permission', ['khoa.xlsx', 'tra-ve.xlsx'], 2, 'khoa.xlsx'),
  row('merge', 'unreadable: no permission', ['tong-2.xlsx', 'khoa.xlsx'], 2, 'khoa.xlsx'),
  row('merge', 'unwritable: read-only folder', ['chi-doc/tong.xlsx', 'tra-ve.xlsx'], 2, 'chi-doc/tong.xlsx'),
  row('merge', 'unwritable: read-only file', ['tong-chi-doc.xlsx', 'tra-ve.xlsx'], 2, 'tong-chi-doc.xlsx'),
  row('merge', 'bad option: unknown', ['tong-2.xlsx', 'tra-ve.xlsx', '--khong-co'], 2, '--khong-co'),
  row('merge', 'bad option: bad value', ['tong-2.xlsx', 'tra-ve.xlsx', '--prefer', 'both'], 2, 'both'),
  row('merge', 'bad option: missing value', ['tong-2.xlsx', 'tra-ve.xlsx', '--prefer'], 2, '--prefer'),

  ...masterAndPlanRows('revise'),
  ...masterAndPlanRows('add'),

  row('agencies', 'success', ['so.xlsx'], 0),
  ...workbookReaderRows('agencies'),
  row(
    'agencies',
    'bad option: bad value',
    ['so.xlsx', '--merge', 'khong-dau-bang', '-o', 'a.xlsx'],
    2,
    'khong-dau-bang',
  ),
  row(
    'agencies',
    'bad option: bad value',
    ['so.xlsx', '--merge', 'Sở Không Có=Sở Nội vụ', '--force'],
    2,
    'Sở Không Có',
  ),
  row('agencies', 'bad option: missing value', ['so.xlsx', '--merge'], 2, '--merge'),
  row('agencies', 'wrong type', ['so.xlsx', '--merge', 'A=B', '-o', 'a.pdf'], 2, 'a.pdf'),
  row(
    'agencies',
    'unwritable: read-only file',
    ['tong-chi-doc.xlsx', '--merge', 'Ban Tổ chức Tỉnh ủy=Ban Tổ chức', '--force'],
    2,
    'tong-chi-doc.xlsx',
  ),
  row(
    'agencies',
    'unwritable: read-only folder',
    ['so.xlsx', '--merge', 'Ban Tổ chức Tỉnh ủy=Ban Tổ chức', '-o', 'chi-doc/a.xlsx'],
    2,
    'chi-doc',
  ),

  row('khong-co-lenh', 'bad option: unknown', [], 2, 'khong-co-lenh'),
];

/** Letters only Vietnamese writes: a Vietnamese message has some, an English one none. */
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
/** A stack trace, an errno code, "Error:" and a URL. */
const RAW_TECHNICAL: RegExp[] = [
  /^\s+at \S/m,
  /\bE(NOENT|ACCES|ISDIR|NOTDIR|EXIST|PERM|ROFS|NOSPC|BUSY|MFILE|INVAL|IO|LOOP|NAMETOOLONG|XDEV)\b/,
  /Error:/,
  /https?:\/\//,
];

const NOBODY = 65534;

/**
 * Runs `fn` with the rights of an ordinary user: root reads and writes whatever the permissions
 * say, so as root the effective user becomes `nobody` for the run (and back after it).
 */
async function unprivileged<T>(fn: () => Promise<T>): Promise<T> {
  if (process.getuid?.() !== 0 || !process.seteuid || !process.setegid) return fn();
  process.setegid(NOBODY);
  process.seteuid(NOBODY);
  try {
    return await fn();
  } finally {
    process.seteuid(0);
    process.setegid(0);
  }
}

/** Every path under `dir` with its type, permissions and content hash. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        out.set(p, `dir ${(st.mode & 0o7777).toString(8)}`);
        walk(p);
      } else {
        const canRead = (st.mode & 0o444) !== 0;
        const hash = canRead ? createHash('sha256').update(readFileSync(p)).digest('hex') : 'unreadable';
        out.set(p, `${(st.mode & 0o7777).toString(8)} ${st.size} ${st.mtimeMs} ${hash}`);
      }
    }
  };
  walk(dir);
  return out;
}

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [p, v] of after)
    if (before.get(p) !== v) out.push(before.has(p) ? `changed ${p}` : `created ${p}`);
  for (const p of before.keys()) if (!after.has(p)) out.push(`removed ${p}`);
  return out;
}

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function runMain(args: string[], cwd: string, asUser: boolean): Promise<Ran> {
  const io = bufferIo(cwd);
  const go = () => main(args, io);
  const code = await (asUser ? unprivileged(go) : go());
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('the CLI table: every command × every mistake', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pt-table-'));
  const at = (name: string) => join(dir, name);

  beforeAll(async () => {
    // Open to the unprivileged runs too, so a refusal is the command's and not the folder's.
    chmodSync(dir, 0o777);
    const plan = readFileSync(SAMPLE, 'utf8');
    writeFileSync(at('plan.txt'), plan);
    const reworded = plan.replace(
      'Tiếp tục đổi mới nâng cao hiệu lực',
      'Tiếp tục đổi mới mạnh mẽ, nâng cao hiệu lực',
    );
    expect(reworded).not.toBe(plan);
    writeFileSync(at('sua-doi.txt'), reworded);
    const built = await main(
      ['build', 'plan.txt', '-o', 'so.xlsx', '--report-date', '14/06/2024'],
      bufferIo(dir),
    );
    expect(built).toBe(0);
    const so = readFileSync(at('so.xlsx'));
    writeFileSync(at('cut-doi.xlsx'), so.subarray(0, Math.floor(so.length / 2)));
    writeFileSync(at('tai-lieu.pdf'), '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n');
    writeFileSync(
      at('ke-hoach.docx'),
      await buildDocx([{ p: 'I. NHIỆM VỤ' }, { p: '1. Sở Nội vụ rà soát.' }]),
    );
    writeFileSync(at('hong.docx'), 'PK\u0003\u0004 không phải tệp Word');
    // A small master and one agency's return with one entry, for merge.
    const master = await buildMaster();
    const nv = (await splitWorkbook(master)).files.find((f) => f.agencyKey === NV)!;
    for (const name of ['tong.xlsx', 'tong-2.xlsx', 'tong-chi-doc.xlsx']) writeFileSync(at(name), master);
    writeFileSync(at('tra-ve.xlsx'), await fill(nv.bytes, [['IV.1.1', 'note', 'Đã rà soát xong']]));
    chmodSync(at('tong-chi-doc.xlsx'), 0o444);
    writeFileSync(at('chi-doc.xlsx'), so);
    chmodSync(at('chi-doc.xlsx'), 0o444);
    copyFileSync(at('so.xlsx'), at('khoa.xlsx'));
    copyFileSync(at('plan.txt'), at('khoa.txt'));
    chmodSync(at('khoa.xlsx'), 0o000);
    chmodSync(at('khoa.txt'), 0o000);
    mkdirSync(at('thu-muc.xlsx'));
    mkdirSync(at('chi-doc'));
    writeFileSync(at('chi-doc/tong.xlsx'), master);
    chmodSync(at('chi-doc'), 0o555);
  });

  const title = (r: Row) => `${r.command} · ${r.case} · ${r.args.slice(1).join(' ')} → ${r.code}`;

  // Successes first: they load every module a command needs while the test still has its rights.
  const ordered = [...ROWS.filter((r) => r.case === 'success'), ...ROWS.filter((r) => r.case !== 'success')];

  it.each(ordered.map((r) => [title(r), r] as const))('%s', async (_title, r) => {
    const before = snapshot(dir);
    const vi = await runMain(r.args, dir, !!r.unprivileged);
    const afterVi = snapshot(dir);
    const [command, ...rest] = r.args;
    const en = await runMain([command, '--lang', 'en', ...rest], dir, !!r.unprivileged);
    const afterEn = snapshot(dir);

    for (const [lang, ran] of [
      ['vi', vi],
      ['en', en],
    ] as const) {
      const said = `${lang} run said:\n${ran.stdout}\n${ran.stderr}`;
      expect([ran.code, said]).toEqual([r.code, said]);
      for (const re of RAW_TECHNICAL) expect(ran.stdout + ran.stderr).not.toMatch(re);
      if (r.code === 0) {
        expect(ran.stdout).not.toBe('');
        continue;
      }
      expect(ran.stderr).toContain(r.names!);
      // The words around the names: a file or agency may be called anything, in any language.
      const message = ran.stderr
        .split(r.names!)
        .join('')
        .split(dir)
        .map((part, i) => (i ? part.replace(/^[^:]*/, '') : part))
        .join('');
      if (lang === 'vi') expect(message).toMatch(VIETNAMESE);
      else expect(message).not.toMatch(VIETNAMESE);
    }
    if (r.code !== 0) {
      expect(changes(before, afterVi)).toEqual([]);
      expect(changes(afterVi, afterEn)).toEqual([]);
    }
  });
});
