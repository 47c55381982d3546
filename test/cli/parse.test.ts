import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/commands/parse';
import { agencyKey } from '../../src/plan/agency';
import { buildDocx } from '../plan/docx-builder';
import { ROOT, SAMPLE } from '../plan/helpers';
import { SAMPLE_TASKS } from '../plan/sample-expectations';
import { inBothLanguages, runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'plan-parse-'));
const write = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

function parse(args: string[]) {
  return runCli(run, args, ROOT);
}

describe('plan-tracker parse (in-process)', () => {
  it('prints exactly one JSON object with the contract fields', async () => {
    const { code, stdout, stderr } = await parse(['samples/nq28-nam-dinh.txt', '--json']);
    expect([code, stderr]).toEqual([0, '']);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'title',
        'number',
        'issuedOn',
        'issuer',
        'sections',
        'agencies',
        'tasks',
        'warnings',
      ]),
    );
    expect(json.sections[3]).toEqual({ id: 'IV', heading: 'NHIỆM VỤ CỤ THỂ', kind: 'tasks' });
    expect(json.tasks.map((t: { id: string }) => t.id)).toEqual(SAMPLE_TASKS.map((t) => t.id));
    const t532 = json.tasks.find((t: { id: string }) => t.id === 'IV.3.2');
    expect(Object.keys(t532)).toEqual(
      expect.arrayContaining([
        'id',
        'section',
        'number',
        'group',
        'lead',
        'partners',
        'text',
        'deadlines',
        'references',
      ]),
    );
    expect(t532.lead).toBe(agencyKey('Ban Tổ chức Tỉnh ủy'));
    const t53 = json.tasks.find((t: { id: string }) => t.id === 'IV.5.3');
    expect(t53.deadlines).toEqual([
      { category: 'due', raw: 'trong năm 2023', due: '2023-12-31' },
      { category: 'external', raw: 'theo kế hoạch của Trung ương', due: null },
    ]);
    expect(Object.keys(json.warnings[0])).toEqual(expect.arrayContaining(['code', 'message', 'line']));
  });

  it('prints a readable Vietnamese outline without --json', async () => {
    const { code, stdout } = await parse(['samples/nq28-nam-dinh.txt']);
    expect(code).toBe(0);
    expect(stdout).toContain('IV. NHIỆM VỤ CỤ THỂ');
    expect(stdout).toContain('3. Ban Tổ chức Tỉnh ủy');
    expect(stdout).toContain('IV.5.3');
    expect(stdout).toContain('Chủ trì: Ban Tổ chức Tỉnh ủy');
    expect(() => JSON.parse(stdout)).toThrow();
  });

  it('reads a .docx and a UTF-16 file', async () => {
    const docx = write(
      'ke-hoach.docx',
      await buildDocx(
        SAMPLE.split('\n')
          .filter((l) => l.trim())
          .map((p) => ({ p })),
      ),
    );
    const fromDocx = await parse([docx, '--json']);
    expect(fromDocx.code).toBe(0);
    expect(JSON.parse(fromDocx.stdout).tasks.length).toBe(SAMPLE_TASKS.length);
    // Sniffed by content, not by name.
    const renamed = write(
      'ke-hoach-docx.bin',
      await buildDocx([{ p: 'I. NHIỆM VỤ' }, { p: '1. Sở Nội vụ rà soát.' }]),
    );
    expect(JSON.parse((await parse([renamed, '--json'])).stdout).tasks[0].id).toBe('I.1');
    const utf16 = new Uint8Array(2 + SAMPLE.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < SAMPLE.length; i++) {
      utf16[2 + i * 2] = SAMPLE.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = SAMPLE.charCodeAt(i) >> 8;
    }
    const fromUtf16 = await parse([write('utf16.txt', utf16), '--json']);
    expect(JSON.parse(fromUtf16.stdout).tasks.length).toBe(SAMPLE_TASKS.length);
  });

  it.each([
    ['a missing file', () => join(dir, 'khong-co.txt'), /không tìm thấy tệp[\s\S]*file not found/],
    ['an empty file', () => write('rong.txt', ''), /rỗng[\s\S]*empty/],
    ['whitespace only', () => write('trang.txt', ' \n\r\n\t\n'), /không có nội dung[\s\S]*has no text/],
    [
      'text without structure',
      () => write('thu.txt', 'Kính gửi anh chị.\nXin cảm ơn.'),
      /cấu trúc[\s\S]*structure/,
    ],
    ['a broken .docx', () => write('hong.docx', 'PK\u0003\u0004 not a zip'), /docx[\s\S]*docx/],
    ['an old .doc', () => write('cu.doc', 'whatever'), /\.doc[\s\S]*\.doc/],
    [
      'a folder',
      () => (mkdirSync(join(dir, 'thu-muc'), { recursive: true }), join(dir, 'thu-muc')),
      /thư mục[\s\S]*folder/,
    ],
  ])(
    '%s → exit 2, a message in the user’s language naming the file, nothing on stdout',
    async (_name, make, message) => {
      const file = make();
      const { code, stdout, stderr } = await inBothLanguages(run, [file, '--json'], ROOT);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.split(file).length - 1).toBe(2);
    },
  );

  it("--json carries each task's confidence, reasons and the decision that issues the plan", async () => {
    const { code, stdout } = await parse(['test/fixtures/real/kon-tum-435-qd-ubnd-2020.txt', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.decision).toMatchObject({ number: '435/QĐ-UBND', issuedOn: '2020-05-04' });
    for (const t of json.tasks) {
      expect(['high', 'medium', 'low']).toContain(t.confidence);
      expect(Array.isArray(t.reasons)).toBe(true);
      expect(t.reasons.length === 0).toBe(t.confidence === 'high');
    }
    const doubted = json.tasks.find((t: { reasons: unknown[] }) => t.reasons.length > 0);
    expect(Object.keys(doubted.reasons[0])).toEqual(['code', 'message', 'messageEn']);
    // A plan with no decision has no "decision" key.
    expect(
      JSON.parse((await parse(['samples/nq28-nam-dinh.txt', '--json'])).stdout).decision,
    ).toBeUndefined();
  });

  it('the outline lists the tasks to review (low confidence) first, with their reasons', async () => {
    const plan = write(
      'xem-lai.txt',
      'II. NHIỆM VỤ\n1. Sở Nội vụ rà soát biên chế (quý II/2025).\n2. Rà soát quy chế làm việc (thời hạn: sớm nhất có thể).',
    );
    const { code, stdout } = await parse([plan]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const review = lines.findIndex((l) => l.startsWith('Cần xem lại (1)'));
    expect(review).toBeGreaterThan(0);
    expect(review).toBeLessThan(lines.findIndex((l) => l.startsWith('II. NHIỆM VỤ')));
    expect(lines[review + 1]).toMatch(/^ {2}II\.2 {2}Rà soát quy chế/);
    expect(lines[review + 2]).toContain('Không xác định được cơ quan chủ trì.');
    const en = await parse([plan, '--lang', 'en']);
    expect(en.stdout).toContain('To review (1)');
    expect(en.stdout).toContain('No lead agency was found.');
  });

  it.each([
    [
      'binary bytes',
      () =>
        write(
          'nhi-phan.txt',
          new Uint8Array(256).map((_, i) => i),
        ),
    ],
    ['a workbook given as a plan', () => write('bang.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))],
  ])('%s: the decoder refuses → exit 2, the Vietnamese message, no JSON', async (_name, make) => {
    const file = make();
    const { code, stdout, stderr } = await parse([file, '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(file);
    expect(stderr).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u);
    expect(stderr).not.toMatch(/\bat \S+ \(|Error:/);
  });

  it('rejects bad usage with exit 2', async () => {
    expect((await parse([])).code).toBe(2);
    expect((await parse(['a.txt', 'b.txt'])).code).toBe(2);
    const bad = await parse(['samples/nq28-nam-dinh.txt', '--xml']);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toContain('--xml');
  });
});

describe('plan-tracker parse (compiled binary)', () => {
  it('node bin/plan-tracker.js parse samples/nq28-nam-dinh.txt --json', () => {
    try {
      execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
    } catch {
      // tsc still emits when another module has a type error; the run below is what this test checks.
    }
    const res = spawnSync('node', ['bin/plan-tracker.js', 'parse', 'samples/nq28-nam-dinh.txt', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(res.status).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(json.tasks.map((t: { id: string }) => t.id)).toEqual(SAMPLE_TASKS.map((t) => t.id));
    const empty = spawnSync('node', ['bin/plan-tracker.js', 'parse', write('rong2.txt', ''), '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(empty.status).toBe(2);
    expect(empty.stdout).toBe('');
  });
});
