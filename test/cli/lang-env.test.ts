/**
 * One language per run (issue 19): Vietnamese by default, English with `--lang en` or when the
 * locale is English (LC_ALL, then LC_MESSAGES, then LANG, as POSIX programs read them); a
 * `--lang` given always wins, and a locale that names neither language leaves Vietnamese.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { envLang } from '../../src/cli/args';
import { bufferIo, nodeIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'pt-lang-env-'));

async function run(args: string[], env: Record<string, string>) {
  const io = bufferIo(dir, env);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('the language of a run', () => {
  it.each([
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en' }, 'en'],
    [{ LANG: 'vi_VN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'C' }, null],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'vi_VN.UTF-8' }, 'vi'],
    [{ LANG: 'C.UTF-8' }, null],
    [{ LANG: 'fr_FR.UTF-8' }, null],
    [{ LANG: 'english' }, null],
    [{ LANG: '', LC_ALL: '' }, null],
  ])('locale %j → %s', (env, lang) => {
    expect(envLang(env)).toBe(lang);
  });

  it('an English locale gives English help and messages, exit codes unchanged', async () => {
    const help = await run(['--help'], { LANG: 'en_GB.UTF-8' });
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: plan-tracker <command>/);
    const missing = await run(['parse', 'khong-co.txt'], { LANG: 'en_US.UTF-8' });
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/khong-co\.txt/);
    expect(missing.err).not.toMatch(/[ăâđêôơư]/i);
    const cmdHelp = await run(['summary', '--help'], { LC_MESSAGES: 'en_US.UTF-8' });
    expect(cmdHelp.out).toMatch(/^Usage: plan-tracker summary/);
  });

  it('--lang wins over the locale, before or after the command', async () => {
    const vi = await run(['--lang', 'vi', '--help'], { LANG: 'en_US.UTF-8' });
    expect(vi.out).toMatch(/^Cách dùng: plan-tracker <lệnh>/);
    const after = await run(['parse', 'khong-co.txt', '--lang=vi'], { LANG: 'en_US.UTF-8' });
    expect(after.code).toBe(2);
    expect(after.err).toMatch(/[ăâđêôơư]/i);
    const en = await run(['--help', '--lang', 'en'], { LANG: 'vi_VN.UTF-8' });
    expect(en.out).toMatch(/^Usage:/);
  });

  it('Vietnamese without a locale, with C.UTF-8 and with a locale of another language', async () => {
    for (const env of [{}, { LANG: 'C.UTF-8' }, { LANG: 'de_DE.UTF-8' }] as Record<string, string>[]) {
      const res = await run(['--help'], env);
      expect(res.out).toMatch(/^Cách dùng:/);
    }
  });

  it('the installed command reads the process’s own locale', () => {
    expect(nodeIo().env).toBe(process.env);
  });
});
