/**
 * Every word the task pane shows, Vietnamese first. Components take a `t` function from
 * useI18n() and never hold literal text, so switching language re-renders everything.
 */
import { createContext, useContext } from 'react';
import type { Lang } from '../model/lang';
import { columnHeader, type TaskColumnId } from '../model/columns';
import { localize, type Msg } from '../model/msg';
import { PORTFOLIO_MESSAGES } from './i18n-portfolio';

export type { Lang };

/** A column's header as the workbook writes it (the registry holds every column fact). */
const header = (id: TaskColumnId): Msg => ({ vi: columnHeader(id, 'vi'), en: columnHeader(id, 'en') });

/** Every message, in both languages; {name} marks a placeholder. */
export const MESSAGES = {
  appTitle: { vi: 'Theo dõi Kế hoạch', en: 'Plan Tracker' },
  appSubtitle: {
    vi: 'Nhập Kế hoạch, tạo sổ theo dõi, kiểm tra tiến độ',
    en: 'Import a plan, build the tracking workbook, check progress',
  },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  langVi: { vi: 'Tiếng Việt', en: 'Tiếng Việt' },
  langEn: { vi: 'English', en: 'English' },
  modeExcel: { vi: 'Trong Excel', en: 'In Excel' },
  modeBrowser: { vi: 'Trang độc lập (trình duyệt)', en: 'Standalone page (browser)' },
  modeExcelApi: { vi: 'ExcelApi {version}', en: 'ExcelApi {version}' },
  modeExcelNoDropdowns: {
    vi: 'Excel này hỗ trợ ExcelApi {version}: sổ vẫn được tạo, kiểm tra và tổng hợp ngay trong Excel, nhưng không có danh sách chọn và PivotTable (cần 1.8). Tệp .xlsx tải xuống có đủ cả hai.',
    en: 'This Excel supports ExcelApi {version}: the workbook is still built, checked and summarised right here, but without dropdown lists and PivotTables (1.8 needed). The downloaded .xlsx has both.',
  },
  modeBrowserHint: {
    vi: 'Không có sổ Excel đang mở: các kết quả được tải xuống dưới dạng tệp.',
    en: 'No Excel workbook is open: results are downloaded as files.',
  },
  modeDetecting: { vi: 'Đang xác định môi trường…', en: 'Detecting the environment…' },
  stepsLabel: { vi: 'Các bước', en: 'Steps' },
  stepImport: { vi: 'Nhập kế hoạch', en: 'Import plan' },
  stepBuild: { vi: 'Tạo sổ theo dõi', en: 'Build workbook' },
  stepCheck: { vi: 'Kiểm tra', en: 'Check' },
  stepSummary: { vi: 'Tổng hợp', en: 'Summary' },
  stepShare: { vi: 'Chia sẻ', en: 'Share' },
  // Import
  importIntro: {
    vi: 'Dán nội dung Kế hoạch hoặc chọn tệp .txt / .docx.',
    en: 'Paste the plan text or choose a .txt / .docx file.',
  },
  pasteLabel: { vi: 'Nội dung Kế hoạch', en: 'Plan text' },
  pastePlaceholder: { vi: 'Dán toàn văn Kế hoạch vào đây…', en: 'Paste the full text of the plan here…' },
  chooseFile: { vi: 'Chọn tệp…', en: 'Choose file…' },
  dropHint: { vi: 'hoặc kéo thả tệp .txt / .docx vào đây', en: 'or drop a .txt / .docx file here' },
  analyse: { vi: 'Phân tích', en: 'Analyse' },
  clear: { vi: 'Xóa', en: 'Clear' },
  reading: { vi: 'Đang đọc tệp…', en: 'Reading the file…' },
  fileLoaded: { vi: 'Đã đọc tệp {name}.', en: 'Read {name}.' },
  errUnsupportedFile: {
    vi: 'Không đọc được tệp {name}: chỉ nhận .txt hoặc .docx.',
    en: 'Cannot read {name}: only .txt or .docx files are accepted.',
  },
  errReadFile: { vi: 'Không đọc được tệp {name}: {detail}', en: 'Cannot read {name}: {detail}' },
  errEmpty: { vi: 'Chưa có nội dung để phân tích.', en: 'There is no text to analyse yet.' },
  errNoTasks: {
    vi: 'Không tìm thấy nhiệm vụ nào trong văn bản. Hãy kiểm tra lại nội dung đã dán.',
    en: 'No tasks were found in the text. Check what was pasted.',
  },
  editsKept: {
    vi: 'Đã giữ lại các chỉnh sửa của {n} nhiệm vụ.',
    en: 'The corrections to {n} tasks were kept.',
  },
  restoreOffer: {
    vi: 'Có bản nháp chưa xong từ {when} ({n} nhiệm vụ đã sửa). Khôi phục?',
    en: 'There is unfinished work from {when} ({n} tasks corrected). Restore it?',
  },
  restore: { vi: 'Khôi phục', en: 'Restore' },
  restoreDiscard: { vi: 'Bỏ bản nháp', en: 'Discard it' },
  restored: { vi: 'Đã khôi phục bản nháp.', en: 'The unfinished work is back.' },
  clearConfirmTitle: { vi: 'Xóa nội dung đã nhập?', en: 'Clear what was entered?' },
  clearConfirm: {
    vi: 'Nội dung Kế hoạch trong ô sẽ bị xóa.',
    en: 'The plan text in the box will be removed.',
  },
  clearConfirmEdits: {
    vi: 'Nội dung Kế hoạch và các chỉnh sửa của {n} nhiệm vụ sẽ bị xóa, không lấy lại được.',
    en: 'The plan text and the corrections to {n} tasks will be removed for good.',
  },
  errParse: { vi: 'Không phân tích được văn bản: {detail}', en: 'Could not analyse the text: {detail}' },
  // Preview
  previewTitle: { vi: 'Xem trước', en: 'Preview' },
  planNumber: { vi: 'Số', en: 'Number' },
  planDate: { vi: 'Ngày ban hành', en: 'Issued on' },
  countTasks: { vi: 'Nhiệm vụ', en: 'Tasks' },
  countAgencies: { vi: 'Cơ quan', en: 'Agencies' },
  countIncluded: { vi: 'Đưa vào sổ', en: 'In the workbook' },
  byCategory: { vi: 'Theo loại thời hạn', en: 'By deadline type' },
  warnings: { vi: 'Cảnh báo', en: 'Warnings' },
  warningLine: { vi: 'Dòng {line}', en: 'Line {line}' },
  noWarnings: { vi: 'Không có cảnh báo.', en: 'No warnings.' },
  partInclude: { vi: 'Đưa phần {id} vào sổ', en: 'Include part {id} in the workbook' },
  partContext: { vi: 'phần mở đầu — không có nhiệm vụ', en: 'introductory part — no tasks' },
  partTasks: { vi: '{n} nhiệm vụ', en: '{n} tasks' },
  noGroup: { vi: '(không có nhóm)', en: '(no group)' },
  noLead: { vi: 'Chưa có cơ quan chủ trì', en: 'No lead agency' },
  partnersShort: { vi: '· phối hợp:', en: '· with:' },
  noDeadline: { vi: 'Chưa có thời hạn', en: 'No deadline' },
  editTask: { vi: 'Sửa nhiệm vụ {id}', en: 'Edit task {id}' },
  editTaskShort: { vi: 'Sửa', en: 'Edit' },
  expandPart: { vi: 'Mở phần {id}', en: 'Expand part {id}' },
  collapsePart: { vi: 'Thu gọn phần {id}', en: 'Collapse part {id}' },
  next: { vi: 'Tiếp tục', en: 'Continue' },
  reviewButton: { vi: 'Cần xem lại ({n})', en: 'To review ({n})' },
  reviewIntro: {
    vi: '{n} nhiệm vụ máy đọc chưa chắc chắn: hãy xem lại trước khi tạo sổ.',
    en: '{n} tasks were read with doubts: review them before building.',
  },
  reviewAllDone: {
    vi: 'Đã xem lại hết các nhiệm vụ cần xem.',
    en: 'Every task to review has been reviewed.',
  },
  reviewPosition: { vi: 'Nhiệm vụ cần xem lại {i}/{n}', en: 'Task to review {i} of {n}' },
  reviewReasons: { vi: 'Lý do cần xem lại', en: 'Why to review it' },
  reviewSkip: { vi: 'Giữ nguyên, xem tiếp', en: 'Keep as is, next' },
  reviewStop: { vi: 'Dừng xem lại', en: 'Stop reviewing' },
  saveNext: { vi: 'Lưu và xem tiếp', en: 'Save and next' },
  taskTextLabel: header('text'),
  partnersHint: { vi: 'Chọn một hoặc nhiều cơ quan.', en: 'Choose one or more agencies.' },
  categoryLabel: header('category'),
  rawDeadline: { vi: 'Kế hoạch ghi: "{raw}"', en: 'The plan says: "{raw}"' },
  showFullText: { vi: 'Xem đầy đủ nhiệm vụ {id}', en: 'Show all of task {id}' },
  hideFullText: { vi: 'Thu gọn nhiệm vụ {id}', en: 'Show less of task {id}' },
  showFullShort: { vi: 'Xem đầy đủ', en: 'Show all' },
  hideFullShort: { vi: 'Thu gọn', en: 'Show less' },
  confidenceLow: { vi: 'cần xem lại', en: 'to review' },
  editTaskTitle: { vi: 'Sửa nhiệm vụ {id}', en: 'Edit task {id}' },
  dueLabel: { vi: 'Thời hạn (ngày)', en: 'Deadline (date)' },
  dueHint: {
    vi: 'Dạng dd/mm/yyyy; để trống nếu không có thời hạn cụ thể.',
    en: 'As dd/mm/yyyy; leave empty when there is no specific deadline.',
  },
  save: { vi: 'Lưu', en: 'Save' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  edited: { vi: 'đã sửa', en: 'edited' },
  // Dates, always dd/mm/yyyy
  datePlaceholder: { vi: 'dd/mm/yyyy', en: 'dd/mm/yyyy' },
  dateHint: { vi: 'Dạng dd/mm/yyyy, ví dụ 30/09/2024.', en: 'As dd/mm/yyyy, e.g. 30/09/2024.' },
  dateBadFormat: {
    vi: 'Hãy gõ ngày theo dạng dd/mm/yyyy, ví dụ 30/09/2024.',
    en: 'Type the date as dd/mm/yyyy, e.g. 30/09/2024.',
  },
  dateImpossible: {
    vi: 'Không có ngày {text}: hãy kiểm tra ngày và tháng.',
    en: 'There is no such date as {text}: check the day and the month.',
  },
  dateRequired: { vi: 'Hãy nhập ngày.', en: 'Enter a date.' },
  // Build
  buildIntro: {
    vi: 'Tạo sổ theo dõi từ {n} nhiệm vụ đã chọn.',
    en: 'Build the tracking workbook from the {n} selected tasks.',
  },
  buildNeedPlan: { vi: 'Hãy nhập và phân tích một Kế hoạch trước.', en: 'Import and analyse a plan first.' },
  reportDate: { vi: 'Ngày báo cáo', en: 'Report date' },
  buildInExcel: { vi: 'Tạo sổ trong Excel', en: 'Build in Excel' },
  buildDownload: { vi: 'Tải sổ theo dõi (.xlsx)', en: 'Download the workbook (.xlsx)' },
  building: { vi: 'Đang tạo sổ…', en: 'Building the workbook…' },
  buildCancelled: { vi: 'Đã hủy. Không có gì được ghi.', en: 'Cancelled. Nothing was written.' },
  buildDone: {
    vi: 'Đã tạo {sheets} trang tính, {tasks} nhiệm vụ.',
    en: 'Made {sheets} sheets, {tasks} tasks.',
  },
  buildDownloaded: { vi: 'Đã tải xuống {file}.', en: 'Downloaded {file}.' },
  buildFailed: { vi: 'Không tạo được sổ: {detail}', en: 'Could not build the workbook: {detail}' },
  modeUpdate: { vi: 'Cập nhật (giữ số liệu đã nhập)', en: 'Update (keep the entries)' },
  modeNewSheets: { vi: 'Tạo trang mới', en: 'New sheets' },
  notAvailable: {
    vi: 'Chức năng này chưa sẵn sàng trong bản dựng này.',
    en: 'This feature is not available in this build.',
  },
  // Check
  checkIntro: {
    vi: 'Kiểm tra các dòng đã nhập trong sổ theo dõi.',
    en: 'Check the entries in the tracking workbook.',
  },
  checkRunExcel: { vi: 'Kiểm tra sổ đang mở', en: 'Check the open workbook' },
  checkChooseFile: { vi: 'Chọn sổ theo dõi (.xlsx)…', en: 'Choose a tracking workbook (.xlsx)…' },
  checking: { vi: 'Đang kiểm tra…', en: 'Checking…' },
  checkNone: { vi: 'Không phát hiện vấn đề nào.', en: 'No problems found.' },
  checkCount: { vi: '{n} vấn đề', en: '{n} problems' },
  checkFailed: { vi: 'Không kiểm tra được: {detail}', en: 'Could not check: {detail}' },
  severityError: { vi: 'Lỗi', en: 'Error' },
  severityWarning: { vi: 'Cảnh báo', en: 'Warning' },
  severityInfo: { vi: 'Lưu ý', en: 'Note' },
  goToCell: { vi: 'Đến ô {cell}', en: 'Go to cell {cell}' },
  agencyUnknown: { vi: '(chưa có cơ quan chủ trì)', en: '(no lead agency)' },
  row: { vi: 'Dòng {row}', en: 'Row {row}' },
  checkFilters: { vi: 'Lọc kết quả kiểm tra', en: 'Filter the findings' },
  checkFilterAgency: header('lead'),
  checkFilterSeverity: { vi: 'Mức độ', en: 'Severity' },
  checkFilterRule: { vi: 'Loại vấn đề', en: 'Kind of problem' },
  checkFilterAll: { vi: 'Tất cả', en: 'All' },
  checkFilterClear: { vi: 'Bỏ lọc', en: 'Clear filters' },
  checkCountFiltered: { vi: '{shown} / {n} vấn đề', en: '{shown} of {n} problems' },
  checkNoMatch: { vi: 'Không có vấn đề nào khớp bộ lọc.', en: 'No finding matches the filters.' },
  checkExportCsv: { vi: 'Tải danh sách (.csv)', en: 'Download the list (.csv)' },
  suggestion: { vi: 'Gợi ý: {value}', en: 'Suggestion: {value}' },
  csvCell: { vi: 'Ô', en: 'Cell' },
  csvTask: header('taskId'),
  csvAgency: header('lead'),
  csvSeverity: { vi: 'Mức độ', en: 'Severity' },
  csvRule: { vi: 'Loại vấn đề', en: 'Kind of problem' },
  csvMessage: { vi: 'Nội dung', en: 'Message' },
  csvSuggestion: { vi: 'Gợi ý', en: 'Suggestion' },
  checkExcelActions: { vi: 'Đánh dấu trong sổ', en: 'Mark in the workbook' },
  checkHighlight: { vi: 'Tô màu các ô có vấn đề', en: 'Highlight problem cells' },
  checkClearHighlight: { vi: 'Bỏ tô màu', en: 'Clear highlight' },
  checkWriteSheet: { vi: 'Ghi trang Kiểm tra', en: 'Write the Check sheet' },
  // The same actions when the list is filtered: they act on what the list shows.
  checkHighlightFiltered: {
    vi: 'Tô màu {n} ô đang lọc',
    en: 'Highlight the {n} filtered cells',
  },
  checkWriteSheetFiltered: {
    vi: 'Ghi {n} vấn đề đang lọc vào trang Kiểm tra',
    en: 'Write the {n} filtered problems to the Check sheet',
  },
  checkHighlighted: {
    vi: 'Đã tô màu {n} ô có vấn đề. Bấm "Bỏ tô màu" để trả lại màu cũ.',
    en: 'Highlighted {n} problem cells. Use "Clear highlight" to restore their fills.',
  },
  checkHighlightCleared: {
    vi: 'Đã bỏ tô màu; các ô trở lại như trước.',
    en: 'Highlight cleared; the cells are back as they were.',
  },
  checkSheetWritten: {
    vi: 'Đã ghi trang "{sheet}": {n} vấn đề, mỗi dòng có liên kết đến ô.',
    en: 'Wrote the sheet "{sheet}": {n} problems, each row linked to its cell.',
  },
  checkActionFailed: { vi: 'Không thực hiện được: {detail}', en: 'Could not do it: {detail}' },
  // Tracking source (shared by check, summary, share)
  sourceOpen: { vi: 'Đọc sổ đang mở', en: 'Read the open workbook' },
  sourceChoose: { vi: 'Chọn sổ theo dõi (.xlsx)…', en: 'Choose a tracking workbook (.xlsx)…' },
  sourceLoaded: { vi: 'Đang dùng:', en: 'Using:' },
  sourceOpenWorkbook: { vi: 'sổ đang mở trong Excel', en: 'the workbook open in Excel' },
  sourceNeeded: {
    vi: 'Hãy đọc sổ đang mở hoặc chọn một tệp sổ theo dõi.',
    en: 'Read the open workbook or choose a tracking workbook file.',
  },
  sourceReading: { vi: 'Đang đọc sổ…', en: 'Reading the workbook…' },
  sourceFailed: { vi: 'Không đọc được sổ: {detail}', en: 'Could not read the workbook: {detail}' },
  sourceTasks: { vi: '{n} nhiệm vụ', en: '{n} tasks' },
  // Summary
  summaryIntro: { vi: 'Tổng hợp tình hình thực hiện theo cơ quan chủ trì.', en: 'Progress by lead agency.' },
  periodKind: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
  periodMonth: { vi: 'Tháng', en: 'Month' },
  periodQuarter: { vi: 'Quý', en: 'Quarter' },
  periodHalf: { vi: '6 tháng', en: 'Half-year' },
  periodYear: { vi: 'Năm', en: 'Year' },
  periodLabel: { vi: 'Kỳ: {label} ({start} – {end})', en: 'Period: {label} ({start} – {end})' },
  summaryAgency: { vi: 'Cơ quan', en: 'Agency' },
  summaryTotal: { vi: 'Tổng', en: 'Total' },
  summaryRate: { vi: 'Tỷ lệ hoàn thành', en: 'Completion rate' },
  summaryRateNone: { vi: 'chưa đến hạn', en: 'nothing due yet' },
  summaryChart: { vi: 'Biểu đồ tình trạng nhiệm vụ theo cơ quan', en: 'Chart of task states by agency' },
  summaryCompletedInPeriod: { vi: 'Hoàn thành trong kỳ: {n}', en: 'Completed in the period: {n}' },
  summaryOverdueInPeriod: { vi: 'Quá hạn trong kỳ: {n}', en: 'Fell overdue in the period: {n}' },
  summaryAll: { vi: 'Tất cả cơ quan, trong kỳ', en: 'All agencies, this period' },
  noAgency: { vi: '(chưa có cơ quan chủ trì)', en: '(no lead agency)' },
  makePivots: { vi: 'Tạo PivotTable trong sổ', en: 'Create PivotTables in the workbook' },
  summaryWrite: { vi: 'Ghi trang tổng hợp kỳ vào sổ', en: 'Write the period summary sheet' },
  summaryWritten: { vi: 'Đã ghi trang "{sheet}".', en: 'Wrote the sheet "{sheet}".' },
  summaryDownload: { vi: 'Tải trang tổng hợp kỳ (.xlsx)', en: 'Download the period summary (.xlsx)' },
  reportWrite: { vi: 'Lập Báo cáo kỳ này trong sổ', en: 'Draw the report for this period' },
  reportDownload: { vi: 'Tải Báo cáo kỳ này (.xlsx)', en: 'Download the report for this period (.xlsx)' },
  // Share
  shareIntro: {
    vi: 'Tạo sổ riêng cho từng cơ quan và gộp các sổ đã điền về sổ tổng.',
    en: 'Make a workbook for each agency and merge the filled-in ones back into the master.',
  },
  splitTitle: { vi: 'Sổ cho từng cơ quan', en: 'A workbook per agency' },
  splitRun: { vi: 'Tạo sổ cho từng cơ quan', en: 'Make a workbook per agency' },
  splitWorking: { vi: 'Đang tạo các sổ…', en: 'Making the workbooks…' },
  splitDone: { vi: 'Đã tạo {n} sổ.', en: 'Made {n} workbooks.' },
  splitUnassigned: {
    vi: '{n} nhiệm vụ chưa có cơ quan chủ trì nên không vào sổ nào.',
    en: '{n} tasks have no lead agency, so they are in no agency workbook.',
  },
  splitDownloadAll: { vi: 'Tải tất cả (.zip)', en: 'Download all (.zip)' },
  splitDownloadOne: { vi: 'Tải xuống sổ của {name}', en: 'Download the workbook of {name}' },
  splitDownloadShort: { vi: 'Tải xuống', en: 'Download' },
  splitFailed: {
    vi: 'Không tạo được sổ cho các cơ quan: {detail}',
    en: 'Could not make the agency workbooks: {detail}',
  },
  mergeTitle: { vi: 'Gộp sổ các cơ quan gửi về', en: 'Merge returned agency workbooks' },
  mergeChoose: { vi: 'Chọn các sổ đã điền (.xlsx)…', en: 'Choose the filled-in workbooks (.xlsx)…' },
  mergeWorking: { vi: 'Đang gộp…', en: 'Merging…' },
  mergeFailed: { vi: 'Không gộp được: {detail}', en: 'Could not merge: {detail}' },
  mergeSummary: {
    vi: '{changes} ô thay đổi từ {files} tệp.',
    en: '{changes} cells changed from {files} files.',
  },
  mergeNoChange: { vi: 'Không có thay đổi nào để gộp.', en: 'Nothing to merge.' },
  mergeRefused: { vi: 'Tệp bị từ chối', en: 'Files refused' },
  mergeNotices: { vi: 'Lưu ý (không gộp)', en: 'Notes (not merged)' },
  mergeConflicts: { vi: 'Xung đột ({n})', en: 'Conflicts ({n})' },
  mergeConflictHelp: {
    vi: 'Cùng một ô được sửa ở cả sổ tổng và sổ cơ quan. Chọn cho từng ô (phím mũi tên trong mỗi nhóm) rồi bấm "Áp dụng các lựa chọn", hoặc quyết tất cả cùng lúc.',
    en: 'The same cell was changed in both the master and the agency workbook. Choose for each cell (arrow keys within each group), then "Apply the choices", or settle them all at once.',
  },
  conflictColumn: { vi: 'Cột', en: 'Column' },
  conflictBase: { vi: 'Lúc chia', en: 'At split' },
  conflictMaster: { vi: 'Sổ tổng', en: 'Master' },
  conflictReturn: { vi: 'Sổ cơ quan', en: 'Agency' },
  conflictTake: { vi: 'Giữ giá trị nào cho {task} · {column}', en: 'Value to keep for {task} · {column}' },
  takeMaster: { vi: 'Giữ của sổ tổng', en: 'Keep the master’s' },
  takeReturn: { vi: 'Lấy của cơ quan', en: 'Take the agency’s' },
  conflictApply: { vi: 'Áp dụng các lựa chọn ({n}/{total})', en: 'Apply the choices ({n}/{total})' },
  preferReturn: { vi: 'Lấy tất cả giá trị của cơ quan', en: 'Take every agency value' },
  preferMaster: { vi: 'Giữ tất cả giá trị sổ tổng', en: 'Keep every master value' },
  conflictsSettled: {
    vi: 'Đã quyết {n} xung đột: {r} lấy giá trị của cơ quan, {m} giữ giá trị sổ tổng.',
    en: '{n} conflicts settled: {r} take the agency’s value, {m} keep the master’s.',
  },
  conflictsSettledList: { vi: 'Các xung đột đã quyết ({n})', en: 'Settled conflicts ({n})' },
  conflictChange: { vi: 'Đổi lựa chọn', en: 'Change the choices' },
  mergeDownload: { vi: 'Tải sổ tổng đã gộp', en: 'Download the merged master' },
  mergeBlank: { vi: '(trống)', en: '(blank)' },
  mergeChanges: { vi: 'Các ô thay đổi ({n})', en: 'Changed cells ({n})' },
  mergeSkipped: { vi: 'Giá trị không được gộp ({n})', en: 'Values not merged ({n})' },
  mergeCurrent: {
    vi: 'Sổ đã gộp là sổ tổng hiện tại: lần gộp sau sẽ gộp tiếp vào sổ này.',
    en: 'The merged workbook is now the current master: the next merge builds on it.',
  },
  fileMergedAt: { vi: 'gộp', en: 'merged' },
  mergeWrite: { vi: 'Ghi vào sổ đang mở', en: 'Write into the open workbook' },
  mergeReview: {
    vi: 'Chưa ghi gì vào sổ. Xem lại rồi bấm "Ghi vào sổ đang mở".',
    en: 'Nothing is written yet. Review, then choose "Write into the open workbook".',
  },
  mergeWritten: {
    vi: 'Đã ghi {cells} ô vào sổ đang mở và thêm {rows} dòng vào trang "{sheet}". Lần gộp sau gộp tiếp vào sổ này.',
    en: 'Wrote {cells} cells into the open workbook and added {rows} rows to the "{sheet}" sheet. The next merge builds on it.',
  },
  // Words in the names of downloaded files
  fileTracking: { vi: 'Theo dõi', en: 'Tracking' },
  fileAgencies: { vi: 'các cơ quan', en: 'agencies' },
  fileMerged: { vi: 'đã gộp', en: 'merged' },
  // Generic
  errUnexpected: { vi: 'Đã xảy ra lỗi: {detail}', en: 'Something went wrong: {detail}' },
  // Reports (issue 16): the radar and the figures' trust line
  radarTitle: { vi: 'Quá hạn và sắp đến hạn', en: 'Overdue and due soon' },
  radarWindow: { vi: 'trong {days} ngày tới, đến {until}', en: 'within {days} days, until {until}' },
  radarCounts: { vi: '{overdue} quá hạn, {soon} sắp đến hạn', en: '{overdue} overdue, {soon} due soon' },
  radarNone: { vi: 'Không có nhiệm vụ quá hạn hay sắp đến hạn.', en: 'Nothing is overdue or due soon.' },
  radarNoLead: { vi: '(chưa có cơ quan chủ trì)', en: '(no lead agency)' },
  radarDaysLeft: { vi: 'còn {n} ngày', en: '{n} days left' },
  radarDaysLate: { vi: 'quá {n} ngày', en: '{n} days late' },
  radarGo: { vi: 'Đến dòng', en: 'Go to row' },
  radarMore: {
    vi: 'và {n} nhiệm vụ khác (xem trang Sắp đến hạn).',
    en: 'and {n} more (see the Due soon sheet).',
  },
  // "Not yet due" is said only of tasks that have a deadline.
  summaryRateNoDeadline: { vi: 'không có thời hạn', en: 'no deadlines' },
  summaryErrors: {
    vi: 'Các con số dựa trên số liệu còn {n} lỗi: xem bước Kiểm tra.',
    en: 'These figures rest on data with {n} errors: see the Check step.',
  },
  ...PORTFOLIO_MESSAGES,
} satisfies Record<string, Msg>;

export type MessageKey = keyof typeof MESSAGES;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Looks a message up and fills its {placeholders}. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = localize(MESSAGES[key], lang);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Office reports e.g. "en-US", "vi-VN"; only English switches the pane away from Vietnamese. */
export function langFromDisplayLanguage(displayLanguage: string | null | undefined): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({
  lang: 'vi',
  t: (key, params) => translate('vi', key, params),
  setLang: () => undefined,
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}

const dayFirst = (y: string, m: string, d: string) => `${d}/${m}/${y}`;
// English screens keep the day-first order too: a date reads the same in both languages, in the
// workbooks and in the CLI, and matches what the date fields accept.
const DATE_ORDER: Record<Lang, (y: string, m: string, d: string) => string> = { vi: dayFirst, en: dayFirst };

/** Formats an ISO date the way the pane writes dates: dd/mm/yyyy. */
export function formatDate(lang: Lang, iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return DATE_ORDER[lang](m[1], m[2], m[3]);
}

/** A moment in the user's local time: the date as formatDate writes it, then hh:mm. */
export function formatDateTime(lang: Lang, ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const iso = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  return `${formatDate(lang, iso)} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
