/**
 * Running a command in-process the way `plan-tracker` runs it: through main's one mapping from
 * errors to exit codes and messages (runCommand), in the language the arguments ask for.
 */
import { langOf } from '../../src/cli/args';
import { bufferIo, type CliIo } from '../../src/cli/io';
import { runCommand } from '../../src/cli/main';

type Run = (args: string[], io: CliIo) => Promise<number>;

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(run: Run, args: string[], cwd: string): Promise<Ran> {
  const io = bufferIo(cwd);
  const code = await runCommand(() => run(args, io), langOf(args), io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/**
 * The command run twice, as is (Vietnamese) and with `--lang en`: both must end with the same
 * code; stderr holds the Vietnamese run's text, then the English run's.
 */
export async function inBothLanguages(run: Run, args: string[], cwd: string): Promise<Ran> {
  const vi = await runCli(run, args, cwd);
  const en = await runCli(run, ['--lang', 'en', ...args], cwd);
  if (vi.code !== en.code) throw new Error(`exit ${vi.code} in Vietnamese, ${en.code} in English`);
  return { code: vi.code, stdout: vi.stdout + en.stdout, stderr: `${vi.stderr}\n${en.stderr}` };
}
