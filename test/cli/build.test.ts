import { execFile } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import type { CliIo } from '../../src/cli/io';
import { LocalizedError } from '../../src/model/msg';
import { run } from '../../src/cli/commands/build';
import { normalizeText } from '../../src/plan/normalize';
import { parsePlan } from '../../src/plan/parse';
import type { Plan } from '../../src/plan/types';
import { createHash } from 'crypto';
import { SHEET_NAMES } from '../../src/workbook/names';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { fixturePlan } from '../workbook/fixture-plan';
import { inBothLanguages, runCli } from './run';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'samples/nq28-nam-dinh.txt');

function workdir() {
  const dir = mkdtempSync(join(tmpdir(), 'pt-build-'));
  writeFileSync(join(dir, 'ke-hoach.txt'), 'KẾ HOẠCH\r\nthử nghiệm\r\n');
  return dir;
}

const fixtureLoader = async (path: string, io: CliIo) => ({
  plan: fixturePlan(),
  text: readFileSync(resolve(io.cwd, path), 'utf8'),
});

/** The build command with the fixture plan (or another loader), run as the CLI runs it. */
const build =
  (loader = fixtureLoader) =>
  (args: string[], io: CliIo) =>
    run(args, io, loader);

describe('plan-tracker build (in process)', () => {
  it('writes the workbook, prints its path and a one-line summary in Vietnamese', async () => {
    const dir = workdir();
    const io = await runCli(
      build(),
      ['ke-hoach.txt', '-o', 'out/so.xlsx', '--report-date', '2024-07-01'],
      dir,
    );
    const code = io.code;
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    const out = join(dir, 'out/so.xlsx');
    const plan = fixturePlan();
    const leads = new Set(plan.tasks.map((t) => t.lead).filter(Boolean)).size;
    expect(io.stdout).toContain(`Đã tạo sổ theo dõi: ${out}`);
    expect(io.stdout).toContain(
      `${plan.tasks.length} nhiệm vụ, ${plan.agencies.length} cơ quan (${leads} cơ quan chủ trì), ngày báo cáo 01/07/2024.`,
    );
    const back = await readTrackingWorkbook(readFileSync(out));
    expect(back.sheetNames[0]).toBe(SHEET_NAMES.tasks.vi);
    expect(back.reportDate).toBe('2024-07-01');
    expect(back.meta?.tasks.map((t) => t.id)).toEqual(plan.tasks.map((t) => t.id));
    expect(back.meta?.sourceFingerprint).toBe(
      createHash('sha256')
        .update(normalizeText(readFileSync(join(dir, 'ke-hoach.txt'), 'utf8')))
        .digest('hex'),
    );
    expect(readdirSync(join(dir, 'out'))).toEqual(['so.xlsx']);
  });

  it('takes the report date written the Vietnamese way', async () => {
    const dir = workdir();
    const io = await runCli(build(), ['ke-hoach.txt', '-o', 'so.xlsx', '--report-date', '14/06/2024'], dir);
    expect(io.stderr).toBe('');
    expect(io.code).toBe(0);
    expect(io.stdout).toContain('ngày báo cáo 14/06/2024.');
    expect((await readTrackingWorkbook(readFileSync(join(dir, 'so.xlsx')))).reportDate).toBe('2024-06-14');
  });

  it('speaks English with --lang en and builds the English workbook', async () => {
    const dir = workdir();
    const io = await runCli(build(), ['ke-hoach.txt', '-o', 'so.xlsx', '--lang=en'], dir);
    expect(io.code).toBe(0);
    expect(io.stdout).toMatch(/^Tracking workbook written: .*so\.xlsx\n\d+ tasks, \d+ agencies/);
    const back = await readTrackingWorkbook(readFileSync(join(dir, 'so.xlsx')));
    expect(back.lang).toBe('en');
    expect(back.sheetNames[0]).toBe(SHEET_NAMES.tasks.en);
  });

  it('refuses to overwrite an existing file without --force, and overwrites with it', async () => {
    const dir = workdir();
    const out = join(dir, 'so.xlsx');
    writeFileSync(out, 'cũ');
    const refused = await inBothLanguages(build(), ['ke-hoach.txt', '-o', 'so.xlsx'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Tệp đã tồn tại.*--force.*already exists/s);
    expect(readFileSync(out, 'utf8')).toBe('cũ');
    expect((await runCli(build(), ['ke-hoach.txt', '-o', 'so.xlsx', '--force'], dir)).code).toBe(0);
    expect((await readTrackingWorkbook(readFileSync(out))).snapshot.rows).toHaveLength(
      fixturePlan().tasks.length,
    );
  });

  it.each([
    [['ke-hoach.txt'], /Thiếu tệp kết quả.*Missing the output/s],
    [['-o', 'a.xlsx'], /Thiếu tệp kế hoạch.*Missing the plan/s],
    [
      ['ke-hoach.txt', '-o', 'a.xlsx', '--report-date', '2024-02-30'],
      /Ngày báo cáo không hợp lệ.*Invalid report date/s,
    ],
    [['ke-hoach.txt', '-o', 'a.xlsx', '--lang', 'fr'], /Ngôn ngữ không hợp lệ.*Invalid language/s],
    [['ke-hoach.txt', '-o', 'a.xlsx', '--bogus'], /Tuỳ chọn không hợp lệ.*Unknown option/s],
    [['ke-hoach.txt', '-o', 'a.csv'], /\.xlsx.*\.xlsx/s],
  ])('rejects bad arguments %j with exit 2, in either language, writing nothing', async (args, message) => {
    const dir = workdir();
    const res = await inBothLanguages(build(), args, dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(readdirSync(dir)).toEqual(['ke-hoach.txt']);
  });

  it('names a plan file that is not there, with exit 2, writing nothing (real loader)', async () => {
    const dir = workdir();
    const res = await inBothLanguages(run, ['khong-co.txt', '-o', 'a.xlsx'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/khong-co\.txt: không tìm thấy tệp.*khong-co\.txt: file not found/s);
    expect(readdirSync(dir)).toEqual(['ke-hoach.txt']);
  });

  it('leaves no file behind when the plan cannot be read or has no tasks (exit 2)', async () => {
    const dir = workdir();
    const broken = async (): Promise<{ plan: Plan; text: string }> => {
      throw new LocalizedError({ vi: 'Kế hoạch hỏng.', en: 'The plan is broken.' });
    };
    const res = await inBothLanguages(build(broken), ['ke-hoach.txt', '-o', 'so.xlsx'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/Kế hoạch hỏng.*The plan is broken/s);
    const empty = async () => ({ plan: { ...fixturePlan(), tasks: [] }, text: '' });
    const none = await inBothLanguages(build(empty), ['ke-hoach.txt', '-o', 'so.xlsx'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/ke-hoach\.txt.*Không tìm thấy nhiệm vụ.*No tasks found/s);
    expect(readdirSync(dir)).toEqual(['ke-hoach.txt']);
  });

  it('leaves no partial or temporary file when writing fails, and says why without an errno (exit 2)', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'not-a-dir'), '');
    const res = await inBothLanguages(build(), ['ke-hoach.txt', '-o', 'not-a-dir/so.xlsx'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/Không tạo được thư mục .*not-a-dir.*Cannot make the folder .*not-a-dir/s);
    expect(res.stderr).not.toMatch(/E[A-Z]{3,}/);
    expect(readdirSync(dir).sort()).toEqual(['ke-hoach.txt', 'not-a-dir']);
  });

  it('answers a defect with a short message and exit 2, no stack', async () => {
    const dir = workdir();
    const defect = async (): Promise<{ plan: Plan; text: string }> => {
      throw new TypeError('x is undefined');
    };
    const res = await runCli(build(defect), ['ke-hoach.txt', '-o', 'so.xlsx'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^Lỗi nội bộ của plan-tracker \(TypeError: x is undefined\)/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['ke-hoach.txt']);
  });
});

describe('plan-tracker build on the sample plan', () => {
  it('builds the sample in process with the real parser', async () => {
    const dir = workdir();
    const io = await runCli(run, [SAMPLE, '-o', 'nq28.xlsx', '--report-date', '2024-07-01'], dir);
    expect(io.code).toBe(0);
    const plan = parsePlan(readFileSync(SAMPLE, 'utf8'));
    const back = await readTrackingWorkbook(readFileSync(join(dir, 'nq28.xlsx')));
    expect(back.snapshot.rows.map((r) => r[0])).toEqual(plan.tasks.map((t) => t.id));
    expect(io.stdout).toContain(`${plan.tasks.length} nhiệm vụ`);
  });

  it('reports an unreadable plan in either language, exit 2, and writes nothing (real loader)', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'rong.txt'), '');
    writeFileSync(join(dir, 'ke-hoach.pdf'), '%PDF-1.4 ...');
    for (const [file, message] of [
      ['rong.txt', /rong\.txt.*rỗng.*rong\.txt.*empty/s],
      ['ke-hoach.pdf', /PDF.*PDF files are not supported/s],
    ] as const) {
      const res = await inBothLanguages(run, [file, '-o', 'so.xlsx'], dir);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(message);
    }
    expect(readdirSync(dir).sort()).toEqual(['ke-hoach.pdf', 'ke-hoach.txt', 'rong.txt']);
  });

  it('runs as a process: node bin/plan-tracker.js build (needs `npx tsc -p tsconfig.cli.json`)', async () => {
    expect(existsSync(join(ROOT, 'lib/cli/commands/build.js'))).toBe(true);
    const dir = workdir();
    const out = join(dir, 'so theo doi.xlsx');
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [join(ROOT, 'bin/plan-tracker.js'), 'build', SAMPLE, '-o', out, '--lang', 'en'],
        { cwd: dir },
        (err, stdout, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Tracking workbook written: ${out}`);
    const back = await readTrackingWorkbook(readFileSync(out));
    expect(back.lang).toBe('en');
    expect(back.snapshot.rows.length).toBeGreaterThan(10);
  });
});
