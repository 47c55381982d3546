import type { CliIo } from '../io';

// Placeholder until the summary command lands; it fails loudly rather than pretending to work.
export async function run(_args: string[], io: CliIo): Promise<number> {
  io.err('Lệnh "summary" chưa có trong bản này. / The "summary" command is not in this build yet.');
  return 2;
}
