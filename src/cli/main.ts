import { CliIo, nodeIo } from './io';

type Command = (args: string[], io: CliIo) => Promise<number>;

// Commands are loaded on demand so `parse` does not pay for ExcelJS.
const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => (await import('./commands/parse')).run,
  build: async () => (await import('./commands/build')).run,
  check: async () => (await import('./commands/check')).run,
  summary: async () => (await import('./commands/summary')).run,
  split: async () => (await import('./commands/split')).run,
  merge: async () => (await import('./commands/merge')).run,
  revise: async () => (await import('./commands/revise')).run,
};

const USAGE = `Cách dùng / Usage: plan-tracker <lệnh> [tuỳ chọn]

  parse   KẾ_HOẠCH [--json]                                   Đọc kế hoạch, in cấu trúc
  build   KẾ_HOẠCH -o SO_THEO_DOI.xlsx [--report-date Y-M-D] [--lang vi|en] [--force]
                                                              Tạo sổ theo dõi
  check   SO_THEO_DOI.xlsx [--report-date Y-M-D] [--json]     Kiểm tra số liệu đã nhập
  summary SO_THEO_DOI.xlsx [--period 2024-Q2] [--json]        Tổng hợp theo cơ quan
  split   SO_THEO_DOI.xlsx -o THƯ_MỤC                         Tách sổ cho từng cơ quan
  merge   SO_THEO_DOI.xlsx TRẢ_VỀ.xlsx… [--dry-run] [--json] [--prefer return|master]
                                                              Gộp các sổ cơ quan gửi về
  revise  SO_THEO_DOI.xlsx KẾ_HOẠCH_SỬA_ĐỔI -o SO_MOI.xlsx [--dry-run] [--json] [--lang vi|en] [--force]
                                                              Cập nhật sổ theo kế hoạch sửa đổi, giữ số liệu
`;

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`Lệnh không hợp lệ: "${name}" / Unknown command: "${name}"\n\n${USAGE}`);
    return 2;
  }
  return (await load())(rest, io);
}
