import type { CliIo } from '../io';

// Placeholder until the check command lands; it fails loudly rather than pretending to work.
export async function run(_args: string[], io: CliIo): Promise<number> {
  io.err('Lệnh "check" chưa có trong bản này. / The "check" command is not in this build yet.');
  return 2;
}
