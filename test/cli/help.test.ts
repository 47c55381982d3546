/**
 * `plan-tracker COMMAND --help` lists every option the command's parser accepts, one line each,
 * in the run's language (issue 19: --calendar, summary -o, check --convention/--update-period,
 * split --force/--lang were accepted but missing from the help). Both the help and the parser
 * read the command's one table of options (its exported ARGS), so this holds for any command
 * added to main's list as long as it exports that table.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { FlagSpecs } from '../../src/cli/args';
import { HELP_FLAG } from '../../src/cli/args';
import { bufferIo } from '../../src/cli/io';
import { COMMAND_NAMES, main } from '../../src/cli/main';

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

async function help(args: string[]) {
  const io = bufferIo();
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** The option lines of a help text: those after "Tuỳ chọn:"/"Options:". */
function optionLines(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === 'Tuỳ chọn:' || l === 'Options:');
  expect(start).toBeGreaterThan(0);
  return lines.slice(start + 1).filter((l) => l.trim() !== '');
}

describe.each(COMMAND_NAMES.map((n) => [n]))('plan-tracker %s --help', (name) => {
  let flags: FlagSpecs;

  beforeAll(async () => {
    const mod = (await import(`../../src/cli/commands/${name}`)) as { ARGS?: { flags: FlagSpecs } };
    // A command without its table of options could accept options its help does not list.
    expect(mod.ARGS?.flags).toBeDefined();
    flags = mod.ARGS!.flags;
  });

  it.each([
    ['vi', [name, '--help']],
    ['vi', ['help', name]],
    ['en', [name, '-h', '--lang', 'en']],
    ['en', ['--lang', 'en', name, '--help']],
  ] as const)('in %s (%j): every option on a line of its own, described, exit 0', async (lang, args) => {
    const res = await help([...args]);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    expect(res.stdout.split('\n')[0]).toMatch(
      lang === 'vi' ? /^Cách dùng: plan-tracker / : /^Usage: plan-tracker /,
    );
    const lines = optionLines(res.stdout);
    const all = [...Object.values(flags), HELP_FLAG];
    expect(lines).toHaveLength(all.length);
    for (const flag of all) {
      const mine = lines.filter((l) => l.trimStart().startsWith(`${flag.names.join(', ')}`));
      expect(mine).toHaveLength(1);
      const [, about] = mine[0].trim().split(/\s{2,}/);
      expect(about).toMatch(/\w/);
      expect(about).not.toMatch(/chưa có mô tả|not described/);
    }
    // Nothing listed that the parser would refuse.
    const listed = lines.flatMap(
      (l) =>
        l
          .trim()
          .split(/\s{2,}/)[0]
          .match(/(^|[\s,])(--?[a-z][a-z-]*)/g) ?? [],
    );
    const accepted = new Set(all.flatMap((f) => f.names));
    for (const token of listed) expect(accepted).toContain(token.replace(/^[\s,]+/, ''));
    const text = lines.join('\n');
    if (lang === 'vi') expect(text).toMatch(VIETNAMESE);
    else expect(text).not.toMatch(VIETNAMESE);
  });
});

it('the general help names every command and says how to get a command’s options', async () => {
  for (const [args, hint] of [
    [['--help'], 'plan-tracker <lệnh> --help'],
    [['--help', '--lang', 'en'], 'plan-tracker <command> --help'],
  ] as const) {
    const res = await help([...args]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(hint);
    for (const name of COMMAND_NAMES) expect(res.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  }
});

describe('the general help is drawn from the list of commands', () => {
  it.each(['vi', 'en'] as const)('in %s: one line per command, each described', async (lang) => {
    const res = await help(['--help', '--lang', lang]);
    const lines = res.stdout.split('\n');
    const start = lines.findIndex((l) => l === (lang === 'vi' ? 'Các lệnh:' : 'Commands:'));
    expect(start).toBeGreaterThan(0);
    const block = lines.slice(start + 1, lines.indexOf('', start));
    expect(block.map((l) => l.trim().split(/\s+/)[0])).toEqual([...COMMAND_NAMES]);
    for (const l of block) {
      const about = l.trim().split(/\s{2,}/)[1];
      expect(about).toMatch(/\p{L}{3}/u);
      if (lang === 'en') expect(about).not.toMatch(VIETNAMESE);
      else expect(about).toMatch(VIETNAMESE);
    }
  });

  it('an unknown command gets the same list on stderr, exit 2', async () => {
    const res = await help(['gop']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^Lệnh không hợp lệ: "gop"/);
    for (const name of COMMAND_NAMES) expect(res.stderr).toMatch(new RegExp(`^  ${name} `, 'm'));
  });
});

describe('the README lists every command', () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const cli = readme.slice(readme.indexOf('## Command line'), readme.indexOf('## Gộp sổ'));

  it.each(COMMAND_NAMES.map((n) => [n]))('%s: in the synopsis and described', (name) => {
    expect(cli).toMatch(new RegExp(`^npx plan-tracker ${name} `, 'm'));
    expect(cli).toMatch(new RegExp(`^- \`${name}\`.*\\S`, 'm'));
  });
});
