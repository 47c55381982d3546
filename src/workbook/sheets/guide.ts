/** The `Hướng dẫn` sheet: one paragraph per line; lines starting with "#" are headings. */
import { columnHeader, columnOf, FIXED_PLAN_COLUMN_IDS, type TaskColumnId } from '../../model/columns';
import type { Lang } from '../../model/lang';
import { CATEGORY_LABELS, STATE_LABELS, STATUS_LABELS } from '../../model/labels';
import { localize, type Msg } from '../../model/msg';
import { DEADLINE_STATES } from '../../model/vocabulary';
import { sheetName, type SheetName } from '../names';
import type { SheetSpec } from '../types';
import { emptySheet, HEADER_FILL, text } from './common';
import { figuresPrint } from './print-layout';

function lines(): Msg[] {
  const both = (f: (l: Lang) => string): Msg => ({ vi: f('vi'), en: f('en') });
  const h = (id: TaskColumnId) => both((l) => `"${columnHeader(id, l)}"`);
  // Only where the table has the extension columns (a registry without them draws no such line).
  const extension: Msg =
    columnOf('adjustedDue') && columnOf('adjustmentBasis')
      ? {
          vi: ` Khi thời hạn được điều chỉnh theo văn bản (hoặc cấp trên ban hành thời hạn), nhập ngày mới vào ${h('adjustedDue').vi} và văn bản vào ${h('adjustmentBasis').vi}; giữ nguyên ${h('due').vi} theo kế hoạch: tình trạng hạn được tính theo thời hạn điều chỉnh.`,
          en: ` When a decision moves the deadline (or a higher body sets it), enter the new date in ${h('adjustedDue').en} and the document in ${h('adjustmentBasis').en}; leave ${h('due').en} as the plan says: the state is judged against the adjusted deadline.`,
        }
      : { vi: '', en: '' };
  const s = (key: SheetName) => both((l) => sheetName(key, l));
  const st = STATUS_LABELS;
  const cat = CATEGORY_LABELS;
  const fixed = both((l) => FIXED_PLAN_COLUMN_IDS.map((id) => `"${columnHeader(id, l)}"`).join(', '));
  const states = both((l) => DEADLINE_STATES.map((x) => STATE_LABELS[x][l]).join(', '));
  return [
    { vi: '# Hướng dẫn cập nhật sổ theo dõi', en: '# How to fill in this tracking workbook' },
    {
      vi: `1. Mỗi dòng của trang "${s('tasks').vi}" là một nhiệm vụ của kế hoạch. Không sửa các cột ${fixed.vi}: đó là nội dung lấy từ kế hoạch, dùng để ghép các bản do cơ quan gửi về.`,
      en: `1. Each row of the "${s('tasks').en}" sheet is one task of the plan. Do not change the columns ${fixed.en}: they are copied from the plan and used to merge the copies returned by agencies.`,
    },
    {
      vi: `2. ${h('status').vi}: chọn ${st.not_started.vi}, ${st.in_progress.vi} hoặc ${st.done.vi} trong danh sách. Để trống nghĩa là nhiệm vụ chưa được báo cáo.`,
      en: `2. ${h('status').en}: pick ${st.not_started.en}, ${st.in_progress.en} or ${st.done.en} from the list. A blank status means the task has not been reported yet.`,
    },
    {
      vi: `3. Khi hoàn thành, nhập ${h('completedOn').vi} (dd/mm/yyyy): ngày này quyết định hoàn thành đúng hạn hay quá hạn.`,
      en: `3. When a task is done, enter ${h('completedOn').en} (dd/mm/yyyy): it decides whether it was done on time.`,
    },
    {
      vi: `4. ${h('progress').vi}: số từ 0 đến 100. ${h('result').vi}: kết quả cụ thể (văn bản đã ban hành, chỉ tiêu đạt được).`,
      en: `4. ${h('progress').en}: a number from 0 to 100. ${h('result').en}: what was done (documents issued, figures reached).`,
    },
    {
      vi: `5. ${h('due').vi} là thời hạn theo kế hoạch. Với nhiệm vụ loại "${cat.external.vi}" hoặc "${cat.none.vi}", khi biết thời hạn thì nhập ngày và đổi ${h('category').vi} thành "${cat.due.vi}".${extension.vi}`,
      en: `5. ${h('due').en} holds the deadline from the plan. For tasks of type "${cat.external.en}" or "${cat.none.en}", enter the date once it is known and change ${h('category').en} to "${cat.due.en}".${extension.en}`,
    },
    {
      vi: `6. ${h('updatedOn').vi}: ngày cập nhật dòng gần nhất.`,
      en: `6. ${h('updatedOn').en}: the date you last updated the row.`,
    },
    {
      vi: `7. ${h('state').vi} được tính tự động, không nhập: ${states.vi}. Cột này so các ngày với ngày báo cáo ở trang "${s('summary').vi}".`,
      en: `7. ${h('state').en} is calculated, do not type in it: ${states.en}. It compares the dates with the report date on the "${s('summary').en}" sheet.`,
    },
    {
      vi: `8. Trước mỗi kỳ báo cáo, sửa ngày báo cáo ở trang "${s('summary').vi}" thành ngày chốt số liệu. Các bảng ở đó tự tính lại.`,
      en: `8. Before each report, set the report date on the "${s('summary').en}" sheet to the period's cut-off date. The tables there recalculate by themselves.`,
    },
    {
      vi: '9. Khi dán dữ liệu, chỉ dán giá trị (Paste Special → Values): dán đè sẽ bỏ qua danh sách chọn, và phần kiểm tra sẽ báo các giá trị ngoài danh sách.',
      en: '9. Paste values only (Paste Special → Values): pasting bypasses the dropdown lists, and the checker will flag values that are not in the lists.',
    },
    {
      vi: `10. Các danh sách dùng cho ô chọn nằm ở trang "${s('lists').vi}".`,
      en: `10. The lists used by the dropdowns are on the "${s('lists').en}" sheet.`,
    },
    {
      vi: `11. Nhiệm vụ ghi "${st.done.vi}" mà chưa có ${h('completedOn').vi} được tính là "${STATE_LABELS.done_undated.vi}": không tính là hoàn thành trong tỷ lệ cho đến khi nhập ngày.`,
      en: `11. A task marked "${st.done.en}" without ${h('completedOn').en} counts as "${STATE_LABELS.done_undated.en}": it is not counted done in the rate until the date is entered.`,
    },
    {
      vi: '12. Kỳ báo cáo chốt số liệu ngày 14 (Nghị định 09/2019/NĐ-CP): tháng tính từ ngày 15 tháng trước đến ngày 14; quý, 6 tháng và năm cũng vậy. Ví dụ: nhiệm vụ có thời hạn 31/12/2023 thuộc kỳ "Năm 2024", vì báo cáo năm 2024 tính từ 15/12/2023 đến 14/12/2024.',
      en: '12. Reporting periods cut off on the 14th (Decree 09/2019/NĐ-CP): a month runs from the 15th of the month before to the 14th; quarters, halves and years likewise. Example: a task due 31/12/2023 shows under "Year 2024", because the 2024 report covers 15/12/2023–14/12/2024.',
    },
  ];
}

export function guideLines(lang: Lang): string[] {
  return lines().map((m) => localize(m, lang));
}

export function buildGuideSheet(lang: Lang): SheetSpec {
  const guide = emptySheet('guide', sheetName('guide', lang));
  guide.widths = [110];
  guideLines(lang).forEach((line, r) => {
    const heading = line.startsWith('#');
    guide.cells.push({
      row: r,
      col: 0,
      value: text(heading ? line.replace(/^#\s*/, '') : line),
      style: heading ? { bold: true, size: 14, color: HEADER_FILL } : { wrap: true, vAlign: 'top' },
    });
  });
  guide.print = figuresPrint(lang, 'portrait');
  return guide;
}
