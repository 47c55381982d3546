/**
 * `plan-tracker` as an installed command (issue 19): the package is packed as npm would publish
 * it, installed globally into a temporary prefix, and run by name from a folder outside the
 * project. Today's failure was `npx plan-tracker` asking the registry for a package that does not
 * exist, and a package without lib/ (git-ignored, so left out of the tarball) could not start.
 * The dependencies come from npm's cache (`--prefer-offline`), which `npm ci` filled.
 */
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join, resolve } from 'path';
import { bufferIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

jest.setTimeout(600_000);

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

describe('plan-tracker installed with npm install -g', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'pt-installed-'));
  const prefix = join(tmp, 'prefix');
  const elsewhere = join(tmp, 'van-phong');
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    const packed = execFileSync('npm', ['pack', '--pack-destination', tmp, '--silent'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const tarball = join(tmp, packed.trim().split('\n').pop()!);
    expect(existsSync(tarball)).toBe(true);
    execFileSync(
      'npm',
      ['install', '-g', '--prefix', prefix, tarball, '--prefer-offline', '--no-audit', '--no-fund'],
      { cwd: tmp, stdio: 'pipe' },
    );
    mkdirSync(elsewhere);
    copyFileSync(join(ROOT, 'samples/nq28-nam-dinh.txt'), join(elsewhere, 'ke-hoach.txt'));
    // Only the prefix's bin is added: the command must be found there, not in the project.
    env = { ...process.env, PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH ?? ''}` };
  });

  const run = (args: string[]) =>
    spawnSync('plan-tracker', args, { cwd: elsewhere, env, encoding: 'utf8', timeout: 120_000 });

  it('the package carries the command and what it runs, and nothing of the tests', () => {
    const installed = join(prefix, 'lib/node_modules', pkg.name);
    const top = readdirSync(installed);
    expect(top).toEqual(expect.arrayContaining(['bin', 'lib', 'package.json']));
    expect(top).not.toContain('test');
    expect(top).not.toContain('src');
    expect(existsSync(join(installed, 'lib/cli/main.js'))).toBe(true);
  });

  it('plan-tracker --version names the package version', () => {
    const res = run(['--version']);
    expect(res.status).toBe(0);
    expect(res.stdout.trim()).toBe(`plan-tracker ${pkg.version}`);
  });

  it('plan-tracker parse reads the sample from another folder as the project itself does', async () => {
    const res = run(['parse', 'ke-hoach.txt']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const io = bufferIo(elsewhere);
    expect(await main(['parse', 'ke-hoach.txt'], io)).toBe(0);
    expect(res.stdout).toBe(io.stdout);
  });

  it('plan-tracker build writes the workbook there, with the dependencies installed alongside', () => {
    const res = run(['build', 'ke-hoach.txt', '-o', 'theo-doi.xlsx', '--lang', 'en']);
    expect(res.stderr).not.toMatch(/Error:|^\s+at /m);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain(join(elsewhere, 'theo-doi.xlsx'));
    expect(readFileSync(join(elsewhere, 'theo-doi.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});
