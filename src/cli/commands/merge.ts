import type { CliIo } from '../io';

// Placeholder until the merge command lands; it fails loudly rather than pretending to work.
export async function run(_args: string[], io: CliIo): Promise<number> {
  io.err('Lệnh "merge" chưa có trong bản này. / The "merge" command is not in this build yet.');
  return 2;
}
