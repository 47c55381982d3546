import { CATEGORY_LABELS, COLUMN_HEADERS, SHEET_NAMES, STATE_LABELS, STATUS_LABELS } from './labels';
import type { Lang } from './types';

/** The `Hướng dẫn` sheet: one paragraph per line; lines starting with "#" are headings. */
export function guideLines(lang: Lang): string[] {
  const h = COLUMN_HEADERS[lang];
  const s = SHEET_NAMES[lang];
  const st = STATUS_LABELS[lang];
  const ds = STATE_LABELS[lang];
  const cat = CATEGORY_LABELS[lang];
  if (lang === 'en') {
    return [
      '# How to fill in this tracking workbook',
      `1. Each row of the "${s.tasks}" sheet is one task of the plan. Do not change the columns "${h.taskId}", "${h.section}", "${h.group}", "${h.text}": they are copied from the plan and used to merge the copies returned by agencies.`,
      `2. "${h.status}": pick ${st.not_started}, ${st.in_progress} or ${st.done} from the list. A blank status means the task has not been reported yet.`,
      `3. When a task is done, enter "${h.completedOn}" (dd/mm/yyyy): it decides whether it was done on time.`,
      `4. "${h.progress}": a number from 0 to 100. "${h.result}": what was done (documents issued, figures reached).`,
      `5. "${h.due}" holds the deadline from the plan. For tasks of type "${cat.external}" or "${cat.none}", enter the date once it is known and change "${h.category}" to "${cat.due}".`,
      `6. "${h.updatedOn}": the date you last updated the row.`,
      `7. "${h.state}" is calculated, do not type in it: ${ds.done_on_time}, ${ds.done_late}, ${ds.in_progress_on_time}, ${ds.overdue}, ${ds.ongoing}, ${ds.undated}. It compares the dates with the report date on the "${s.summary}" sheet.`,
      `8. Before each report, set the report date on the "${s.summary}" sheet to the period's cut-off date. The tables there recalculate by themselves.`,
      '9. Paste values only (Paste Special → Values): pasting bypasses the dropdown lists, and the checker will flag values that are not in the lists.',
      `10. The lists used by the dropdowns are on the "${s.lists}" sheet.`,
    ];
  }
  return [
    '# Hướng dẫn cập nhật sổ theo dõi',
    `1. Mỗi dòng của trang "${s.tasks}" là một nhiệm vụ của kế hoạch. Không sửa các cột "${h.taskId}", "${h.section}", "${h.group}", "${h.text}": đó là nội dung lấy từ kế hoạch, dùng để ghép các bản do cơ quan gửi về.`,
    `2. "${h.status}": chọn ${st.not_started}, ${st.in_progress} hoặc ${st.done} trong danh sách. Để trống nghĩa là nhiệm vụ chưa được báo cáo.`,
    `3. Khi hoàn thành, nhập "${h.completedOn}" (dd/mm/yyyy): ngày này quyết định hoàn thành đúng hạn hay quá hạn.`,
    `4. "${h.progress}": số từ 0 đến 100. "${h.result}": kết quả cụ thể (văn bản đã ban hành, chỉ tiêu đạt được).`,
    `5. "${h.due}" là thời hạn theo kế hoạch. Với nhiệm vụ loại "${cat.external}" hoặc "${cat.none}", khi biết thời hạn thì nhập ngày và đổi "${h.category}" thành "${cat.due}".`,
    `6. "${h.updatedOn}": ngày cập nhật dòng gần nhất.`,
    `7. "${h.state}" được tính tự động, không nhập: ${ds.done_on_time}, ${ds.done_late}, ${ds.in_progress_on_time}, ${ds.overdue}, ${ds.ongoing}, ${ds.undated}. Cột này so các ngày với ngày báo cáo ở trang "${s.summary}".`,
    `8. Trước mỗi kỳ báo cáo, sửa ngày báo cáo ở trang "${s.summary}" thành ngày chốt số liệu. Các bảng ở đó tự tính lại.`,
    '9. Khi dán dữ liệu, chỉ dán giá trị (Paste Special → Values): dán đè sẽ bỏ qua danh sách chọn, và phần kiểm tra sẽ báo các giá trị ngoài danh sách.',
    `10. Các danh sách dùng cho ô chọn nằm ở trang "${s.lists}".`,
  ];
}
