import type { CliIo } from '../io';

// Placeholder until the parse command lands; it fails loudly rather than pretending to work.
export async function run(_args: string[], io: CliIo): Promise<number> {
  io.err('Lệnh "parse" chưa có trong bản này. / The "parse" command is not in this build yet.');
  return 2;
}
