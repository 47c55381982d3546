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
    en: 'The master {file} is open in the page ({plans} plans, {tasks} tasks). The {n} tasks of this plan can join it instead of a new workbook; the new master is downloaded.',
  },
  addButton: { vi: 'Thêm vào sổ đang mở', en: 'Add to the open workbook' },
  addWorking: { vi: 'Đang thêm…', en: 'Adding…' },
  addDone: {
    vi: 'Đã thêm kế hoạch {ref}: {added} nhiệm vụ, mã bắt đầu bằng {prefix}; số liệu của {kept} nhiệm vụ đã có được giữ nguyên; một dòng được ghi vào trang "{sheet}".',
    en: 'Added the plan {ref}: {added} tasks, ids starting {prefix}; the entries of the {kept} tasks already there are kept; one row was written to the "{sheet}" sheet.',
  },
  addInPlace: {
    vi: 'Sổ đang mở đã được cập nhật; các bước khác dùng sổ này.',
    en: 'The open workbook is updated; the other steps use it.',
  },
  addDownloaded: {
    vi: 'Đã tải xuống {file}: từ giờ đây là sổ tổng đang mở trong trang.',
    en: 'Downloaded {file}: it is now the master open in the page.',
  },
  addFailed: { vi: 'Không thêm được kế hoạch: {detail}', en: 'Could not add the plan: {detail}' },
  fileAddedWord: { vi: 'thêm', en: 'added' },
} satisfies Record<string, Msg>;
