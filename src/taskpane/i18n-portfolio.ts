/**
 * The pane's words for a master of many plans (issue 17): adding a plan to the open master and
 * merging near-duplicate agencies. Part of the one catalogue (i18n.ts spreads them in); kept
 * apart so the steps of other issues and these do not edit the same lines.
 */
import type { Msg } from '../model/msg';

export const PORTFOLIO_MESSAGES = {
  addTitle: { vi: 'Thêm vào sổ đang mở', en: 'Add to the open workbook' },
  addIntroOpen: {
    vi: 'Sổ đang mở trong Excel là sổ theo dõi. Có thể thêm {n} nhiệm vụ của kế hoạch này vào sổ đó thay vì tạo sổ mới; mọi số liệu đã nhập được giữ nguyên.',
    en: 'The workbook open in Excel is a tracking workbook. The {n} tasks of this plan can join it instead of a new workbook; every entry already made is kept.',
  },
  addIntroFile: {
    vi: 'Sổ tổng {file} đang mở trong trang ({plans} kế hoạch, {tasks} nhiệm vụ). Có thể thêm {n} nhiệm vụ của kế hoạch này vào sổ đó thay vì tạo sổ mới; sổ tổng mới được tải xuống.',
    en: 'The master {file} is open in the page (plans: {plans}, tasks: {tasks}). The {n} tasks of this plan can join it instead of a new workbook; the new master is downloaded.',
  },
  addButton: { vi: 'Thêm vào sổ đang mở', en: 'Add to the open workbook' },
  addWorking: { vi: 'Đang thêm…', en: 'Adding…' },
  addDone: {
    vi: 'Đã thêm kế hoạch {ref}: {added} nhiệm vụ, mã bắt đầu bằng {prefix}; số liệu của {kept} nhiệm vụ đã có được giữ nguyên; một dòng được ghi vào trang "{sheet}".',
    en: 'Added the plan {ref}: {added} tasks, ids starting {prefix}; the entries of the {kept} tasks already there are kept; one row was written to the "{sheet}" sheet.',
  },
  masterInPlace: {
    vi: 'Sổ đang mở đã được cập nhật; các bước khác dùng sổ này.',
    en: 'The open workbook is updated; the other steps use it.',
  },
  masterDownloaded: {
    vi: 'Đã tải xuống {file}: từ giờ đây là sổ tổng đang mở trong trang.',
    en: 'Downloaded {file}: it is now the master open in the page.',
  },
  addFailed: { vi: 'Không thêm được kế hoạch: {detail}', en: 'Could not add the plan: {detail}' },
  fileAddedWord: { vi: 'thêm', en: 'added' },
  // Near-duplicate agencies
  aliasTitle: { vi: 'Cơ quan có thể trùng nhau', en: 'Agencies that may be one' },
  aliasIntro: {
    vi: 'Các tên dưới đây có thể là một cơ quan được viết khác nhau giữa các kế hoạch. Gộp một lần, sổ ghi nhớ lựa chọn: mọi bảng tổng hợp tính chung một dòng.',
    en: 'The names below may be one agency written differently across plans. Merge them once and the workbook remembers: every summary counts them as one row.',
  },
  aliasGroup: { vi: 'Có thể là cùng một cơ quan: {reason}', en: 'Possibly one agency: {reason}' },
  aliasWhySpelling: {
    vi: 'khác dấu, chữ hoa hoặc dấu câu',
    en: 'tone marks, case or punctuation differ',
  },
  aliasWhyAbbreviation: { vi: 'một tên viết tắt', en: 'one name is abbreviated' },
  aliasWhyWords: { vi: 'thêm hoặc đổi chỗ vài từ', en: 'a few words added or moved' },
  aliasKeep: { vi: 'Giữ tên', en: 'Name to keep' },
  aliasSpelling: { vi: '{name} ({n} nhiệm vụ)', en: '{name} ({n} tasks)' },
  aliasPlans: { vi: 'Kế hoạch: {plans}', en: 'Plans: {plans}' },
  aliasMerge: { vi: 'Gộp thành một cơ quan', en: 'Merge into one agency' },
  aliasWorking: { vi: 'Đang gộp…', en: 'Merging…' },
  aliasDone: {
    vi: 'Đã gộp {pairs}: mọi bảng tổng hợp tính chung một dòng; một dòng được ghi vào trang "{sheet}".',
    en: 'Merged {pairs}: every summary counts them as one row; one row was written to the "{sheet}" sheet.',
  },
  aliasFailed: {
    vi: 'Không gộp được tên cơ quan: {detail}',
    en: 'Could not merge the agency names: {detail}',
  },
  fileAliasWord: { vi: 'gộp cơ quan', en: 'agencies merged' },
} satisfies Record<string, Msg>;
