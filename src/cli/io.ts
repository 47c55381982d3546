/** The CLI's only contact with the process, so commands can be tested in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export function nodeIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    cwd: process.cwd(),
  };
}

/** An in-memory CliIo for tests. */
export function bufferIo(cwd: string = process.cwd()): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    cwd,
    out(text: string) {
      io.stdout += text.endsWith('\n') ? text : text + '\n';
    },
    err(text: string) {
      io.stderr += text.endsWith('\n') ? text : text + '\n';
    },
  };
  return io;
}
