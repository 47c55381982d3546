/** The CLI's only contact with the process, so commands can be tested in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** The locale variables (LC_ALL, LC_MESSAGES, LANG) the language defaults from; none in tests unless given. */
  env?: Readonly<Record<string, string | undefined>>;
}

export function nodeIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** An in-memory CliIo for tests. */
export function bufferIo(
  cwd: string = process.cwd(),
  env: Readonly<Record<string, string | undefined>> = {},
): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    cwd,
    env,
    out(text: string) {
      io.stdout += text.endsWith('\n') ? text : text + '\n';
    },
    err(text: string) {
      io.stderr += text.endsWith('\n') ? text : text + '\n';
    },
  };
  return io;
}
