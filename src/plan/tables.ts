/**
 * Task tables → task drafts: one row per task, Roman, lettered or all-capitals rows as groups, a row
 * that only continues the cell above joined to it, a row cut short in copying kept with what it
 * has (and a warning).
 */
import { leadingAgency, splitAgencies } from './agency';
import { classifyNotes, extractDeadlines } from './deadline';
import type { DoubtCode, TaskDraft, TaskPassResult } from './draft';
import { excerpt } from './draft';
import type { OutlineSection } from './outline';
import type { Deadline, ParseWarning } from './types';
import { warning } from './warnings';

const ROMAN_ROW = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$|^[A-Z]$/;
const NUMBER_CELL = /^\d{1,4}(?:\.\d{1,3})*$/;

const MINISTRY_UNIT = /^(?:Vụ|Cục|Tổng cục|Văn phòng|Thanh tra|Viện)\s(?!.*\sBộ\b)/u;

/** "- Vụ Đất đai - Cục Quy hoạch …": one name per dash; else names separated by commas and "và". */
function agencyCell(text: string): string[] {
  // A line break in the cell separates names as a dash or a comma does.
  if (text.indexOf('\n') >= 0) {
    const pieces: string[] = [];
    for (const piece of text.split('\n')) {
      const prev = pieces.length - 1;
      // "Vụ Pháp chế" / "Bộ Xây dựng": a ministry's unit wrapped before the ministry is one name.
      if (prev >= 0 && /^Bộ\s/u.test(piece) && MINISTRY_UNIT.test(pieces[prev])) pieces[prev] += ' ' + piece;
      else pieces.push(piece);
    }
    return pieces.flatMap(agencyCell);
  }
  const t = text.trim();
  if (/^[-+•]\s/u.test(t))
    return t.split(/(?:^|\s)[-+•]\s+(?=\p{Lu})/u).flatMap((p) => splitAgencies(p.replace(/;\s*$/, '')));
  return splitAgencies(t);
}

/** A lead cell's body without the verb that follows it; "Tổng cục Thủy lợi (TCTL)" stays whole. */
function bodyOf(name: string): string {
  const spoken = leadingAgency(name);
  return spoken && /^\s+\p{Ll}/u.test(name.slice(spoken.length)) ? spoken : name;
}

function isGroupText(s: string): boolean {
  return /\p{L}/u.test(s) && !/\p{Ll}/u.test(s) && s.length <= 200;
}

export function readTables(body: OutlineSection, planYear: number | null): TaskPassResult {
  const drafts: TaskDraft[] = [];
  const warnings: ParseWarning[] = [];
  const sid = body.section.id;
  let group: string | null = null;
  let groupNo = '';
  let generated = 0;
  let last: TaskDraft | null = null;
  let rebuiltWarned = false;
  for (const row of body.tables) {
    const col = row.columns;
    const cell = (i: number) => (i >= 0 && i < row.cells.length ? row.cells[i] : '');
    const stt = cell(col.stt).replace(/[.)]+$/, '');
    const content = cell(col.content);
    const otherFilled = [col.lead, col.partners, col.product, col.time].some((i) => cell(i) !== '');
    if (stt && ROMAN_ROW.test(stt)) {
      group = `${stt}. ${content}`.trim();
      groupNo = stt;
      continue;
    }
    if (!stt && !otherFilled && content && isGroupText(content)) {
      // An all-capitals row with nothing else: a group heading without a number.
      group = content;
      continue;
    }
    if (!content) {
      if (row.cells.some((c) => c !== '')) {
        warnings.push(
          warning(
            'unnumbered-text',
            row.line,
            `Dòng bảng không có nội dung nhiệm vụ trong phần ${sid} không được tính là nhiệm vụ: "${excerpt(row.cells.join(' | '))}"`,
            `A table row without a task in part ${sid} was not taken as a task: "${excerpt(row.cells.join(' | '))}"`,
          ),
        );
      }
      continue;
    }
    if (!stt && !otherFilled && last) {
      // A cell wrapped onto its own row: it continues the previous task.
      last.text += '\n' + content;
      last.doubts.add('row-continued');
      continue;
    }
    const doubts = new Set<DoubtCode>();
    if (row.rebuilt) {
      doubts.add('row-rebuilt');
      if (!rebuiltWarned) {
        rebuiltWarned = true;
        warnings.push(
          warning(
            'table-rebuilt',
            row.line,
            `Các dòng của bảng trong phần ${sid} bị ngắt thành nhiều mảnh khi sao chép; chúng đã được ghép lại theo thứ tự các ô: hãy kiểm tra các nhiệm vụ của bảng.`,
            `The rows of the table in part ${sid} were broken into pieces in copying; they were put back together in the order of their cells: please check the table's tasks.`,
          ),
        );
      }
    }
    if (row.cells.length < col.width && (stt === '' || NUMBER_CELL.test(stt))) {
      doubts.add('row-truncated');
      warnings.push(
        warning(
          'row-truncated',
          row.line,
          `Dòng bảng có ${row.cells.length} ô, ít hơn ${col.width} cột của bảng: có thể đã bị cắt khi sao chép; hãy kiểm tra nhiệm vụ này.`,
          `The table row has ${row.cells.length} cells, fewer than the table's ${col.width} columns: it may have been cut in copying; please check this task.`,
        ),
      );
    }
    const leads = agencyCell(cell(col.lead));
    // "Vụ Chính sách thuế xây dựng phương án triển khai trình Bộ": the body, not what it does.
    let lead = leads[0] ? bodyOf(leads[0]) : null;
    if (!lead && col.lead >= 0 && last && last.group === group && last.lead) {
      // A lead cell merged down over several rows arrives empty in all but the first.
      lead = last.lead;
      doubts.add('lead-from-row-above');
    }
    // Several bodies in the lead cell lead together; only a table without a partner column lists
    // its partners there.
    const partners = col.partners >= 0 ? agencyCell(cell(col.partners)) : leads.slice(1);
    const deadlines: Deadline[] = [];
    const timeCells = col.times.map(cell).filter((t) => t !== '');
    for (const timeCell of timeCells) {
      const d = classifyNotes(timeCell, planYear);
      if (d.length > 0) deadlines.push(...d);
      else if (timeCell === cell(col.time)) {
        doubts.add('deadline-unrecognised');
        warnings.push(
          warning(
            'deadline-unrecognised',
            row.line,
            `Không hiểu được thời hạn "${timeCell}".`,
            `Could not read the deadline "${timeCell}".`,
          ),
        );
      }
    }
    if (deadlines.length === 0) deadlines.push(...extractDeadlines(content, planYear));
    const number = stt
      ? groupNo
        ? `${groupNo}.${stt}`
        : stt
      : `${groupNo ? groupNo + '.' : ''}r${++generated}`;
    const product = cell(col.product);
    const draft: TaskDraft = {
      section: sid,
      number,
      group,
      lead,
      leadSource: lead ? 'table' : 'none',
      partners,
      text: content,
      deadlines,
      line: row.line,
      product: product || undefined,
      doubts,
    };
    drafts.push(draft);
    last = draft;
  }
  return { drafts, warnings };
}
