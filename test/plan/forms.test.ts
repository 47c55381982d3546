/**
 * The forms of issue 12 §2 and issue 20, each on a real document (test/fixtures/real, SOURCES.md
 * there; test/fixtures/plans) or, for phrase-level forms, on the phrase as real plans write it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agencyKey } from '../../src/plan/agency';
import { classifyNotes, extractDeadlines } from '../../src/plan/deadline';
import { decodePlanBytes } from '../../src/plan/decode';
import { parsePlan } from '../../src/plan/parse';
import { findRoles } from '../../src/plan/roles';
import type { Plan, Task } from '../../src/plan/types';
import { essence, ROOT, SAMPLE } from './helpers';

const k = agencyKey;
const cache = new Map<string, Plan>();

/** A corpus plan, read as an import reads the file. */
function real(name: string): Plan {
  let plan = cache.get(name);
  if (!plan) {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'real', `${name}.txt`)));
    plan = parsePlan(decodePlanBytes(bytes).text);
    cache.set(name, plan);
  }
  return plan;
}

function task(plan: Plan, id: string): Task {
  const t = plan.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id} in ${plan.tasks.map((x) => x.id).join(' ')}`);
  return t;
}

const notes = (t: Task) => t.deadlines.map((d) => [d.category, d.due]);

describe('layouts on real documents', () => {
  it('a decision whose signature runs into the plan it issues; item numbers left at line ends (Kon Tum 435)', () => {
    const plan = real('kon-tum-435-qd-ubnd-2020');
    expect(plan.decision).toMatchObject({ number: '435/QĐ-UBND', issuedOn: '2020-05-04' });
    expect(plan.title).toMatch(/^CHƯƠNG TRÌNH HÀNH ĐỘNG TRIỂN KHAI KẾ HOẠCH SỐ 119-KH\/TU/);
    expect([plan.number, plan.issuedOn]).toEqual(['435/QĐ-UBND', '2020-05-04']);
    // "… quan hệ lao động 2.1." / "Rà soát, kiến nghị …": the number goes back to its item.
    const t = task(plan, 'II.2.1');
    expect(t.text).toMatch(/^Rà soát, kiến nghị cấp có thẩm quyền/);
    expect(t.lead).toBe(k('Sở Lao động - Thương binh và Xã hội'));
    expect(t.partners).toEqual(
      expect.arrayContaining([k('Liên đoàn Lao động tỉnh'), k('Ủy ban nhân dân các huyện, thành phố')]),
    );
    // "Thực hiện định kỳ hằng năm; Riêng năm 2020 hoàn thành trong quý II/2020": two notes.
    expect(notes(t)).toEqual([
      ['periodic', null],
      ['due', '2020-06-30'],
    ]);
    // "1.4." alone on its line.
    expect(task(plan, 'II.1.4').text).toMatch(/^Xây dựng kế hoạch và triển khai có hiệu quả/);
    // No task from the decision's own articles or its recipients.
    expect(plan.tasks.some((t2) => /Nơi nhận|Quyết định này có hiệu lực/u.test(t2.text))).toBe(false);
  });

  it('"a) Nhiệm vụ:" bullets with a "b) Cơ quan thực hiện:" block and "c) Thời gian thực hiện:" (Hà Nội 308)', () => {
    const plan = real('hanoi-308-kh-ubnd-2025');
    const group = plan.tasks.filter((t) => t.id.startsWith('II.1.2.a-'));
    expect(group.length).toBe(3);
    for (const t of group) {
      expect(t.lead).toBe(k('Các Sở, ban, ngành'));
      expect(t.partners).toEqual([k('Sở Khoa học và Công nghệ'), k('UBND xã, phường')]);
      expect(notes(t)).toEqual([['external', null]]);
    }
    // The block's lines are attributes, never tasks of their own.
    expect(plan.tasks.some((t) => /^(?:Đơn vị chủ trì|Cơ quan thực hiện)/u.test(t.text))).toBe(false);
  });

  it('a NỘI DUNG part with attribute lines; a KINH PHÍ part gives only its explicit assignment (HCM 172)', () => {
    const plan = real('hcm-172-kh-ubnd-2025');
    expect(plan.sections.map((s) => [s.id, s.kind])).toEqual([
      ['I', 'context'],
      ['II', 'tasks'],
      ['III', 'context'],
      ['IV', 'tasks'],
    ]);
    // "- Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu …": the lead stops at its verb.
    const t1 = task(plan, 'II.1');
    expect(t1.lead).toBe(k('Sở Nội vụ'));
    // "- Thời gian thực hiện: Năm 2025 và các năm tiếp theo." — ongoing.
    expect(notes(t1)).toEqual([['ongoing', null]]);
    expect(plan.tasks.filter((t) => t.section === 'III').map((t) => t.id)).toEqual(['III.2', 'III.3']);
    const funding = task(plan, 'III.2');
    expect(funding.lead).toBe(k('Sở Tài chính'));
    expect(funding.reasons!.map((r) => r.code)).toContain('assignment-in-context');
  });

  it('"Số:" with the number on the next line, the place and date over two lines (Lai Châu 7360)', () => {
    const plan = real('lai-chau-7360-kh-ubnd-2025');
    expect([plan.number, plan.issuedOn, plan.place]).toEqual(['7360/KH-UBND', '2025-11-19', 'Lai Châu']);
    expect(plan.issuer).toBe('UỶ BAN NHÂN DÂN TỈNH LAI CHÂU');
  });

  it('a tab table whose Roman group rows lost their cells and whose rows a cell break cut (Bộ Xây dựng 113)', () => {
    const plan = real('bo-xay-dung-113-qd-bxd-2014');
    const pl = plan.tasks.filter((t) => t.section === 'PL');
    expect([...new Set(pl.map((t) => t.group))]).toEqual([
      'I. TỰ KIỂM TRA VĂN BẢN',
      'II. KIỂM TRA VĂN BẢN DO CƠ QUAN, NGƯỜI CÓ THẨM QUYỀN BAN HÀNH VĂN BẢN GỬI ĐẾN BỘ XÂY DỰNG',
      'III. TỔ CHỨC CÁC ĐOÀN KIỂM TRA TẠI CÁC CƠ QUAN BAN HÀNH VĂN BẢN',
    ]);
    const first = pl.find((t) => t.text === 'Tỉnh Đắc Nông')!;
    expect(first.lead).toBe(k('Vụ Pháp chế Bộ Xây dựng'));
    expect(notes(first)).toEqual([['due', '2014-06-30']]);
    // The lead cell merged down the rows below arrives empty: taken from the row above, marked.
    const next = pl.find((t) => t.text === 'Tỉnh Bình Phước')!;
    expect(next.lead).toBe(k('Vụ Pháp chế Bộ Xây dựng'));
    expect(next.reasons!.map((r) => r.code)).toContain('lead-from-row-above');
  });

  it('a tab table whose cells hold line breaks: the lines without a tab stay in their cell (Bộ NN&PTNT 36)', () => {
    const plan = real('bo-nnptnt-36-qd-bnn-pc-2014');
    // "1.1<TAB>Kế hoạch …" / "- Các đơn vị …" / "- Vụ Pháp chế …<TAB>Các đơn vị thuộc Bộ" / "Vụ Pháp chế<TAB> <TAB>Tháng 01"
    const t = task(plan, 'PL.I.1.1');
    expect(t.text).toBe(
      'Kế hoạch kiểm soát thủ tục hành chính năm\n- Các đơn vị xây dựng kế hoạch của đơn vị.\n- Vụ Pháp chế tổng hợp, xây dựng kế hoạch của Bộ.',
    );
    // Two bodies in the lead cell lead together: the second is no partner (the partner cell is empty).
    expect([t.lead, t.partners]).toEqual([k('Các đơn vị thuộc Bộ'), []]);
    expect(notes(t)).toEqual([['due', '2014-01-31']]);
    // The bullets of a cell are no tasks of their own; every numbered row is one.
    expect(plan.tasks.length).toBe(22);
    expect(notes(task(plan, 'PL.I.4'))).toEqual([['due', '2014-12-31']]);
    expect(task(plan, 'PL.II.5').lead).toBe(k('Các đơn vị thuộc Bộ'));
  });

  it('a tab table row whose number lost its tab and whose content cell runs over bulleted lines (Bộ Nội vụ 100)', () => {
    const plan = real('bo-noi-vu-100-qd-bnv-2014');
    // "2.<TAB>Điều tra xã hội học:" / "* Cấp bộ" / "- …" / "+ …" … / "* Tổng số mẫu …<TAB>Tháng 4 - tháng 5/2014<TAB>Bộ Nội vụ<TAB>…"
    const survey = task(plan, 'II.2');
    expect(survey.text).toMatch(/^Điều tra xã hội học:\n\* Cấp bộ\n/);
    expect(survey.text).toContain('* Tổng số mẫu điều tra: 33736');
    expect(survey.lead).toBe(k('Bộ Nội vụ'));
    expect(notes(survey)).toEqual([['due', '2014-05-31']]);
    // The bullets inside the cell are no tasks of their own, and the rows after it keep their numbers.
    expect(plan.tasks.filter((t) => t.section === 'II').map((t) => t.id)).toEqual([
      'II.1',
      'II.2',
      'II.3',
      'II.4',
      'II.5',
      'II.6',
      'II.7',
    ]);
    expect(notes(task(plan, 'II.3'))).toEqual([['due', '2014-03-31']]);
  });

  it('items indented with a tab are items; "… Cụ thể:" bullets and a "* Thời gian thực hiện:" line detail one task (MTTQ Bắc Cam Ranh)', () => {
    const plan = real('mttq-bac-cam-ranh-kh-mttq-2025');
    // "<TAB> 2. Kiểm tra việc hiệp thương …" is item 2, not a table row glued to item 1.
    const second = task(plan, 'III.2');
    expect(second.text).toMatch(/^Kiểm tra việc hiệp thương thỏa thuận/);
    // Its time line (after the bullets, with three rounds under it) is the item's: the last round ends it.
    expect(notes(second)).toEqual([
      ['due', '2025-12-14'],
      ['due', '2026-02-08'],
      ['due', '2026-02-20'],
    ]);
    // "4. Kiểm tra, giám sát việc tổ chức lấy ý kiến …" / "Kiểm tra việc … Cụ thể các nội dung:" / "- …":
    // the bullets list what the one task covers.
    const fourth = task(plan, 'III.4');
    expect(fourth.text).toContain('Thành phần, số lượng cử tri, chương trình hội nghị cử tri;');
    expect(notes(fourth)).toEqual([['due', '2026-02-08']]);
    expect(plan.tasks.some((t) => t.id.startsWith('III.4-'))).toBe(false);
    // Part V's items, each indented with a tab in the copy, are tasks of their own.
    expect(plan.tasks.filter((t) => t.section === 'V').map((t) => t.id)).toEqual([
      'V.1',
      'V.2',
      'V.3',
      'V.4',
      'V.5',
      'V.6',
    ]);
  });

  it('a partner line the copy broke before a lower-case word, and a list that drops a repeated "Vụ" (Bộ Tư pháp 173)', () => {
    const plan = real('bo-tu-phap-173-qd-btp-2015');
    const of = (phrase: string) => plan.tasks.find((x) => x.text.startsWith(phrase))!;
    // "- Đơn vị phối hợp: Văn phòng Bộ, Vụ Tổ chức" / "- cán bộ, Vụ Phổ biến, giáo dục pháp luật, …"
    const review = of('Phối hợp tổ chức hội thảo, hội nghị đánh giá');
    expect(review.partners.slice(0, 3)).toEqual([
      k('Văn phòng Bộ'),
      k('Vụ Tổ chức cán bộ'),
      k('Vụ Phổ biến, giáo dục pháp luật'),
    ]);
    expect(review.partners).toHaveLength(10);
    expect(plan.tasks.some((t) => t.text.startsWith('cán bộ, Vụ Phổ biến'))).toBe(false);
    // "Vụ Pháp luật hình sự - hành chính, Các vấn đề chung về xây dựng pháp luật, Vụ …": two units.
    expect(of('Rà soát, đánh giá thủ tục hành chính trong lĩnh vực dân tộc').partners.slice(0, 2)).toEqual([
      k('Vụ Pháp luật hình sự - hành chính'),
      k('Các vấn đề chung về xây dựng pháp luật'),
    ]);
  });

  it('points numbered under their item ("2.1.a."), and a titled point whose paragraph names the lead (HCM 3210)', () => {
    const plan = real('hcm-3210-qd-ubnd-2014');
    // "2.1. Bước 1:" / "2.1.a. Thành lập Ban Chỉ đạo …:" / "Ủy ban nhân dân xã, phường, thị trấn thành lập …"
    const a = task(plan, 'II.2.1.a');
    expect(a.text).toMatch(/^Thành lập Ban Chỉ đạo thực hiện hỗ trợ nhà ở/);
    expect(a.lead).toBe(k('Ủy ban nhân dân xã, phường, thị trấn'));
    expect(notes(task(plan, 'II.2.1.b'))).toEqual([['due', '2014-06-27']]);
    expect(task(plan, 'II.4.1.a').lead).toBe(k('Sở Xây dựng'));
    // "4.1.a." is no item "4" whose text is "1.a. …".
    expect(plan.tasks.some((t) => /^\d\.[a-zđ]\. /u.test(t.text))).toBe(false);
  });

  it('a letter whose flattened closing table runs into its appendix: the appendix caption gives the number, its rows are tasks (BCĐ 174)', () => {
    const plan = real('bcd-cp-174-cv-bcd-2025');
    // "| Nơi nhận: … | KT. TRƯỞNG BAN … | PHỤ LỤC / … / (Kèm theo Công văn số 174/CV-BCĐ ngày 02 tháng 12 năm 2025 …) | TT | …"
    expect([plan.number, plan.issuedOn]).toEqual(['174/CV-BCĐ', '2025-12-02']);
    // "TT | Tỉnh kiến nghị | Thông tin đề xuất | Bộ phụ trách tiếp nhận, xử lý"
    const row = plan.tasks.find((t) => t.text.startsWith('Đề nghị điều chỉnh Nghị định số 150/2025/NĐ-CP'))!;
    expect([row.section, row.lead]).toEqual(['PL', k('Bộ Nội vụ')]);
    // The law site's own text after the table is no task.
    expect(plan.tasks.some((t) => /Đăng xuất|Tài khoản/u.test(t.text))).toBe(false);
  });

  it('the subject after an opening clause ("Sau khi …, Sở Tài chính lập …", "Kết thúc cuộc bầu cử, Ban …") leads', () => {
    expect(task(real('hcm-3210-qd-ubnd-2014'), 'II.2.6').lead).toBe(k('Sở Tài chính'));
    expect(task(real('mttq-bac-cam-ranh-kh-mttq-2025'), 'V.5').lead).toBe(
      k('Ban Thường trực Ủy ban MTTQ Việt Nam phường'),
    );
  });

  it('the blocked form: "1. Nội dung" tasks, then "2. Cơ quan chủ trì" / "a) Cơ quan chủ trì" bullets and "3. Thời gian thực hiện:" for all of them (BCĐ 1237)', () => {
    const plan = real('bcdqg1237-252-kh-2013');
    const a = task(plan, 'B.I.1.a');
    expect(a.text).toMatch(/^Tổ chức Hội nghị quán triệt/);
    // "3. Thời gian thực hiện: Tháng 12/2013 và thường xuyên." speaks for a) and b) of "1. Nội dung".
    expect(notes(a)).toEqual([
      ['due', '2013-12-31'],
      ['ongoing', null],
    ]);
    expect(notes(task(plan, 'B.I.1.b'))).toEqual(notes(a));
    // "a) Cơ quan chủ trì" with no colon is a label: its bullets are the leads, not a lead "Cơ quan".
    expect(a.lead).toBe(k('Ban Chỉ đạo quốc gia'));
    expect(a.partners).toContain(k('Hội Cựu chiến binh các cấp'));
    // The attribute blocks give no tasks of their own.
    expect(plan.tasks.some((t) => /^(?:Ban Chỉ đạo quốc gia|Cơ quan chủ trì)/u.test(t.text))).toBe(false);
    // A stated time beats a recurring phrase of the sentence ("… và hàng năm"), not a date of its own.
    expect(notes(task(plan, 'B.II.1.a'))).toEqual([
      ['due', '2013-12-31'],
      ['periodic', null],
    ]);
    expect(task(plan, 'B.VII.1.a').partners).toContain(k('Trung ương Hội Cựu chiến binh Việt Nam'));
  });

  it("a directive whose parts are headed by the bodies it addresses: their items are those bodies' tasks (Chỉ thị 01/CT-TLĐ)", () => {
    const plan = real('tld-01-ct-tld-2014');
    // "I. Các cơ quan báo chí, xuất bản Công đoàn:" names the lead of its items.
    expect(task(plan, 'I.1').lead).toBe(k('Các cơ quan báo chí, xuất bản Công đoàn'));
    // "II. Các Liên đoàn Lao động tỉnh, thành phố; Công đoàn ngành Trung ương …:" and
    // "III. Công đoàn cấp trên trực tiếp cơ sở …:" hold tasks too.
    expect(task(plan, 'II.1').text).toMatch(/^Xây dựng chương trình, kế hoạch phối hợp/);
    expect(task(plan, 'III.1').text).toMatch(/^Tích cực, chủ động cung cấp thông tin/);
    expect(plan.tasks.filter((t) => t.section === 'II').length).toBe(4);
  });

  it("posts as leads: a post with its portfolio, and a person who opens a bullet under the body's heading (MTTQ Lương Minh 16)", () => {
    const plan = real('mttq-luong-minh-16-kh-mttq-2025');
    // "- Đơn vị chủ trì: Đồng chí Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội"
    const first = task(plan, 'II.1.1');
    expect(first.lead).toBe(
      k('Đồng chí Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội'),
    );
    // "Dự kiến tháng 11/2025 (sau khi … ban hành Hướng dẫn)": the month, and the condition it waits on.
    expect(notes(first)).toEqual([
      ['due', '2025-11-30'],
      ['external', null],
    ]);
    // "3. Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội": the field's verb is no verb of the heading.
    expect(task(plan, 'III.3-1').lead).toBe(k('Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội'));
    // Under "1. Ban Thường trực Ủy ban MTTQ Việt Nam xã": "- Đồng chí Ủy viên …, Chủ tịch … lãnh đạo, chỉ đạo …".
    expect(task(plan, 'III.1-1').lead).toBe(
      k('Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Uỷ ban MTTQ Việt Nam xã'),
    );
  });

  it('a lead cell that goes on with a verb, a list of acronyms, a table without a lead column (Bộ Tài chính 120)', () => {
    const plan = real('bo-tai-chinh-120-qd-btc-2014');
    const byText = (re: RegExp) => {
      const t = plan.tasks.find((x) => re.test(x.text));
      if (!t) throw new Error(`no task ${re}`);
      return t;
    };
    // "Vụ Pháp chế xây dựng phương án triển khai trình Bộ" in the lead cell: the body is the lead.
    expect(byText(/^Luật thực hành tiết kiệm, chống lãng phí/u).lead).toBe(k('Vụ Pháp chế'));
    // "- Tổng cục Thuế, TCHQ" in the partner cell: two bodies.
    expect(byText(/^Luật sửa đổi, bổ sung một số điều của Luật thuế/u).partners).toEqual(
      expect.arrayContaining([k('Tổng cục Thuế'), k('TCHQ')]),
    );
    // "STT | Tên văn bản | Đối tượng tuyên truyền | Thời gian thực hiện": its rows are tasks.
    expect(notes(byText(/^Luật Mặt trận Tổ quốc Việt Nam \(sửa đổi\)/u))).toEqual([['due', '2014-12-31']]);
    expect(plan.tasks.some((t) => t.text === 'Luật tiếp công dân (*)')).toBe(true);
  });

  it('bullets each followed by their own unmarked attribute lines are tasks with those attributes (Bắc Ninh 141)', () => {
    const plan = real('bac-ninh-141-kh-ubnd-2025');
    // "- Tăng cường ưu tiên ứng dụng công nghệ số …" / "*Đơn vị chủ trì tham mưu thực hiện: *Sở Khoa học và Công nghệ." …
    const first = task(plan, 'III.7-1');
    expect([first.lead, notes(first)]).toEqual([k('Sở Khoa học và Công nghệ'), [['ongoing', null]]]);
    expect(first.partners).toContain(k('Sở Tư pháp'));
    expect(notes(task(plan, 'III.7-2'))).toEqual([['due', '2025-12-31']]);
    expect(task(plan, 'III.7-3').lead).toBe(k('Sở Tư pháp'));
    // A block after the second of two bullets speaks for both; the next bullets have their own.
    expect(task(plan, 'III.4-1').partners).toEqual([k('Sở Tư pháp')]);
    expect(notes(task(plan, 'III.4-1'))).toEqual([['ongoing', null]]);
    expect(task(plan, 'III.4-3').lead).toBe(k('Sở Tư pháp'));
    expect(task(plan, 'III.4-4').lead).toBe(k('Sở Nội vụ'));
  });

  it('a step plan: "2.5. Bước 5: …" over "Trên cơ sở đề nghị của …, Sở Tài chính thẩm định …" (HCM 3210)', () => {
    const plan = real('hcm-3210-qd-ubnd-2014');
    const four = task(plan, 'II.2.4');
    // "Trên cơ sở đề nghị của Ủy ban nhân dân quận, huyện, Sở Xây dựng chủ trì, phối hợp với …".
    expect(four.lead).toBe(k('Sở Xây dựng'));
    expect(four.partners).toEqual(expect.arrayContaining([k('Sở Tài chính')]));
    expect(task(plan, 'II.2.5').lead).toBe(k('Sở Tài chính'));
  });

  it('a lead cell that wraps "Vụ Pháp chế" / "Bộ Xây dựng" names one unit of the ministry (Bộ Xây dựng 113)', () => {
    expect(task(real('bo-xay-dung-113-qd-bxd-2014'), 'PL.III.r3').lead).toBe(k('Vụ Pháp chế Bộ Xây dựng'));
  });

  it('a markdown table with a two-row header under its "| --- |" rule, and "- X - Y" agency cells (Bộ TN&MT 59)', () => {
    const plan = real('bo-tnmt-59-qd-btnmt-2024');
    const t = plan.tasks.find((x) =>
      x.text.includes('Kiểm kê đất đai, lập bản đồ hiện trạng sử dụng đất năm 2024'),
    )!;
    expect(t.lead).toBe(k('Cục Đăng ký và Dữ liệu thông tin đất đai'));
    expect(t.partners.slice(0, 2)).toEqual([
      k('Vụ Đất đai'),
      k('Cục Quy hoạch và Phát triển tài nguyên đất'),
    ]);
    // "Tháng 3" in the time column takes the plan's year.
    expect(notes(t)).toEqual([['due', '2024-03-31']]);
  });

  it('a resolution that states its plan in articles: "Điều 2. Tổ chức thực hiện" holds "N. Trách nhiệm của X" duties (175/NQ-CP)', () => {
    const plan = real('chinh-phu-175-nq-cp-2023');
    const part = plan.sections.find((s) => s.heading === 'Tổ chức thực hiện');
    expect(part).toMatchObject({ id: 'Đ2', kind: 'tasks' });
    const of = (phrase: string) => plan.tasks.find((x) => x.text.startsWith(phrase))!;
    // The points under "3. Trách nhiệm của Bộ Công an" are its tasks, with their own partners.
    const a = of('Chủ trì, phối hợp với Văn phòng Chính phủ, Bộ Thông tin và Truyền thông');
    expect(a).toMatchObject({ section: 'Đ2', lead: k('Bộ Công an') });
    expect(a.partners[0]).toBe(k('Văn phòng Chính phủ'));
    expect(of('Là đầu mối phụ trách đăng ký việc kết nối').lead).toBe(k('Bộ Công an'));
    expect(of('Chỉ đạo tổ chức xây dựng, triển khai').lead).toBe(k('Tổ công tác triển khai Đề án 06'));
    // "… (phiên bản 3.0." / "7. Trách nhiệm …": the version number stays in its sentence.
    expect(of('Chủ trì, phối hợp với các bộ, ngành công bố').lead).toBe(k('Bộ Khoa học và Công nghệ'));
    // A heading line cut short of the hard-wrapped line below it is a heading, not the start of a
    // paragraph: "8. Trách nhiệm của Bộ Kế hoạch và Đầu tư" / "Trên cơ sở đề nghị …".
    const planning = plan.tasks.find((x) => x.text.startsWith('Trên cơ sở đề nghị của Bộ Công an'))!;
    expect(planning.lead).toBe(k('Bộ Kế hoạch và Đầu tư'));
    expect(of('Chủ trì tổng hợp đưa vào chương trình xây dựng Luật').lead).toBe(k('Bộ Tư pháp'));
    // "Điều 3. Hiệu lực và trách nhiệm thi hành" is no task part.
    expect(plan.sections.find((s) => s.id === 'Đ3')).toMatchObject({ kind: 'context' });
  });
});

describe('leads and partners, as real plans write them', () => {
  it.each([
    [
      // Kết luận 221-KL/TW: the adverb before "chủ trì" is not part of the body, "khẩn trương" ends the partners.
      'Giao Ban Tổ chức Trung ương tiếp tục chủ trì, phối hợp với Bộ Nội vụ khẩn trương đánh giá kỹ tình hình',
      'Ban Tổ chức Trung ương',
      ['Bộ Nội vụ'],
    ],
    [
      // 175/NQ-CP: "trong quá trình …" ends the partner's name.
      'Bộ Thông tin và Truyền thông chủ trì, phối hợp Bộ Công an trong quá trình giới thiệu sản phẩm',
      'Bộ Thông tin và Truyền thông',
      ['Bộ Công an'],
    ],
    [
      'Sở Tài chính chủ trì, phối hợp với các sở, ngành, cơ quan liên quan bố trí kinh phí chi thường xuyên',
      'Sở Tài chính',
      ['các sở, ngành, cơ quan liên quan'],
    ],
    [
      'Chủ trì, phối hợp Sở Tài chính và Sở Nội vụ tham mưu bố trí biên chế',
      null,
      ['Sở Tài chính', 'Sở Nội vụ'],
    ],
    [
      'Rà soát quy hoạch (Giao Sở Xây dựng chủ trì, phối hợp với UBND các huyện).',
      'Sở Xây dựng',
      ['UBND các huyện'],
    ],
    ['Giao Sở Tư pháp theo dõi, đôn đốc các cơ quan thực hiện Kế hoạch này', 'Sở Tư pháp', []],
    [
      'Đồng chí Phó Chủ tịch Thường trực UBND tỉnh chủ trì, chỉ đạo triển khai',
      'Đồng chí Phó Chủ tịch Thường trực UBND tỉnh',
      [],
    ],
  ])('%s', (text, lead, partners) => {
    const roles = findRoles(text);
    expect(roles.lead === null ? null : k(roles.lead)).toBe(lead === null ? null : k(lead));
    expect(roles.partners.map(k)).toEqual(partners.map((p) => k(p)));
  });

  it('a lead never swallows the verb after it, and abbreviations share one key with the full name', () => {
    const plan = parsePlan(
      'II. NHIỆM VỤ\n1. UBND các quận, huyện tổng hợp kết quả rà soát, báo cáo UBND thành phố (quý IV/2025).\n' +
        '2. Sở KH,CN&MT thẩm định công nghệ các dự án (thường xuyên).',
    );
    expect(plan.tasks.map((t) => t.lead)).toEqual([
      k('Ủy ban nhân dân các quận, huyện'),
      k('Sở Khoa học, Công nghệ và Môi trường'),
    ]);
    expect(plan.agencies.map((a) => a.name)).toEqual(['UBND các quận, huyện', 'Sở KH,CN&MT']);
  });

  it('a partner list ends after "liên quan" and before a verb (Thủ tướng 228)', () => {
    const roles = findRoles(
      'Bộ Giáo dục và Đào tạo chủ trì, phối hợp với các Bộ, ngành và địa phương liên quan di dời các trường đại học ra ngoài Thủ đô Hà Nội và xây dựng một số trường đại học chất lượng cao.',
    );
    expect([roles.lead, roles.partners]).toEqual([
      'Bộ Giáo dục và Đào tạo',
      ['các Bộ, ngành và địa phương liên quan'],
    ]);
    // "… có liên quan và Sở Y tế" goes on with the list.
    expect(
      findRoles('Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan và Sở Y tế tổ chức hội nghị.')
        .partners,
    ).toEqual(['các cơ quan liên quan', 'Sở Y tế']);
  });

  it('"các tổ chức" names partners, and a verb before a full stop ends the list (MTTQ Lương Minh, Bộ Tài chính 120)', () => {
    // "tổ chức" is the verb "organise" after a list, the noun "organisations" after "các".
    expect(
      findRoles(
        'Ban Thường trực Ủy ban MTTQ xã chủ trì, phối hợp với các tổ chức thành viên tăng cường công tác tuyên truyền.',
      ).partners,
    ).toEqual(['các tổ chức thành viên']);
    expect(
      findRoles(
        'Ban Thường trực UBMTTQ xã chủ trì xác minh hoặc phối hợp với các tổ chức thành viên xác minh.',
      ).partners,
    ).toEqual(['các tổ chức thành viên']);
    expect(findRoles('Vụ Pháp chế chủ trì, phối hợp với các đơn vị thuộc Bộ thực hiện.').partners).toEqual([
      'các đơn vị thuộc Bộ',
    ]);
    // "Ban quản lý" is a board, not the verb "quản lý" (Kon Tum 435).
    expect(
      findRoles(
        'Uỷ ban nhân dân các huyện, thành phố chủ trì phối hợp với Ban quản lý Khu kinh tế tỉnh; Liên đoàn Lao động cùng cấp và các đơn vị có liên quan.',
      ).partners,
    ).toEqual(['Ban quản lý Khu kinh tế tỉnh']);
    // The verb still ends a list after a name: "phối hợp với Sở Y tế tổ chức hội nghị".
    expect(findRoles('Sở Nội vụ chủ trì, phối hợp với Sở Y tế tổ chức hội nghị.').partners).toEqual([
      'Sở Y tế',
    ]);
  });
});

describe('deadline forms (issue 12 §2)', () => {
  it.each([
    ['6/2025', [['due', '2025-06-30']]],
    ['01/2025', [['due', '2025-01-31']]],
    ['Tháng 11, 12/2013', [['due', '2013-12-31']]],
    ['Quý IV/2025', [['due', '2025-12-31']]],
    ['trước ngày 15 tháng 12 năm 2025', [['due', '2025-12-15']]],
    ['năm 2026 - 2027', [['due', '2027-12-31']]],
    ['năm 2025 và các năm tiếp theo', [['ongoing', null]]],
    [
      'Tháng 12/2013 và thường xuyên',
      [
        ['due', '2013-12-31'],
        ['ongoing', null],
      ],
    ],
    ['Theo tiến độ của Bộ Tài chính', [['external', null]]],
    ['Sau khi Nghị định của Chính phủ được ban hành', [['external', null]]],
    ['theo yêu cầu của Bộ Nội vụ', [['external', null]]],
    ['Hằng ngày', [['periodic', null]]],
    ['Từ tháng 5-12', [['due', '2025-12-31']]],
    ['Từ tháng 01 - 12', [['due', '2025-12-31']]],
    ['tháng 3-12/2014', [['due', '2014-12-31']]],
    ['Từ tháng 3 đến tháng 6', [['due', '2025-06-30']]],
    ['Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê.', [['external', null]]],
    [
      'Tháng 11/2025 (sau khi Ban Thường trực tỉnh ban hành Hướng dẫn)',
      [
        ['due', '2025-11-30'],
        ['external', null],
      ],
    ],
  ])('%s', (note, expected) => {
    expect(classifyNotes(note, 2025).map((d) => [d.category, d.due])).toEqual(expected);
  });

  it('two dates in one task are both kept, the last one last', () => {
    const d = extractDeadlines(
      'Xây dựng dự thảo, gửi lấy ý kiến trước ngày 28/2/2023; hoàn thiện, trình UBND tỉnh trước ngày 10/11/2023.',
      2023,
    );
    expect(d.map((x) => x.due)).toEqual(['2023-02-28', '2023-11-10']);
  });

  it('a recurring duty stated in the sentence, at its start too, is periodic', () => {
    expect(extractDeadlines('Hằng năm thực hiện đánh giá, xếp loại chất lượng.', 2024)[0].category).toBe(
      'periodic',
    );
    expect(extractDeadlines('Báo cáo định kỳ hằng quý về Sở Nội vụ.', 2024)[0].category).toBe('periodic');
    expect(extractDeadlines('Tổ chức sơ kết định kỳ 6 tháng một lần.', 2024)[0].category).toBe('periodic');
    expect(extractDeadlines('Định kỳ tổng hợp, báo cáo tình hình dư luận xã hội.', 2024)[0].category).toBe(
      'periodic',
    );
    expect(
      extractDeadlines(
        'Thực hiện chế độ báo cáo tình hình tiếp dân về Ban Thường trực định kỳ và đột xuất.',
        2025,
      )[0].category,
    ).toBe('periodic');
  });

  it('"định kỳ" opening a clause and "thường xuyên" in the sentence schedule the task (real plans)', () => {
    const cats = (text: string, year = 2025) => extractDeadlines(text, year).map((d) => [d.category, d.due]);
    // Nghệ An 1026, Bắc Ninh 141, Hà Tĩnh 624: "…; định kỳ báo cáo …", "… và định kỳ báo cáo …".
    expect(
      cats(
        'Giao Công an tỉnh chủ trì, phối hợp với Văn phòng UBND tỉnh theo dõi, hướng dẫn, kiểm tra, đôn đốc việc triển khai thực hiện Kế hoạch này; định kỳ báo cáo kết quả thực hiện về Bộ Công an, UBND tỉnh theo quy định.',
      ),
    ).toEqual([['periodic', null]]);
    expect(
      cats(
        'Giao Sở Tư pháp theo dõi, đôn đốc; tham mưu sơ kết, tổng kết và định kỳ báo cáo UBND tỉnh theo quy định.',
      ),
    ).toEqual([['periodic', null]]);
    // Đồng Tháp 597, MTTQ Lương Minh: a standing duty, at the start or after the subject or the verb.
    expect(
      cats('Tổ chức thực hiện các công việc liên quan, như số hóa hồ sơ; cập nhật dữ liệu thường xuyên.'),
    ).toEqual([['ongoing', null]]);
    expect(
      cats(
        'Đề nghị Thường trực HĐND, UBND xã thường xuyên phối hợp, trao đổi thông tin, thống nhất phương án xử lý.',
      ),
    ).toEqual([['ongoing', null]]);
    // Bộ TN&MT 59: a standing duty with a date in the same sentence keeps the date.
    expect(
      cats(
        'Xây dựng Chương trình công tác năm 2024 của đơn vị nhằm cụ thể hóa, cập nhật thường xuyên các nhiệm vụ phát sinh, ban hành trước ngày 25 tháng 01 năm 2024 và gửi về Bộ.',
        2024,
      ),
    ).toEqual([
      ['ongoing', null],
      ['due', '2024-01-25'],
    ]);
    // Not the budget's recurrent spending, and not "định kỳ" qualifying a noun.
    expect(cats('Hỗ trợ nguồn kinh phí từ nguồn chi thường xuyên của các bộ.')).toEqual([]);
    expect(cats('Hộ gia đình người có công với cách mạng thuộc vùng thường xuyên xảy ra thiên tai.')).toEqual(
      [],
    );
    expect(
      cats(
        'Rà soát, sửa đổi quy định về kiểm tra, bảo dưỡng; thiết bị được kiểm định định kỳ theo quy định.',
      ),
    ).toEqual([]);
  });
});

describe('issue 20, parse items', () => {
  it('11: Word "Save as .txt" puts a tab after each number; the tasks are those of the pasted text', () => {
    const saved = SAMPLE.split('\n')
      .map((l) => l.replace(/^(\d+(?:\.\d+)*\.|[a-zđ]\)|[IVX]+\.|-)\s+/u, '$1\t'))
      .join('\n');
    expect(saved).toContain('3.1.\tTiếp tục');
    const plan = parsePlan(saved);
    expect(plan.tasks.length).toBe(34);
    expect(essence(plan)).toEqual(essence(parsePlan(SAMPLE)));
  });

  it('13: "|" inside a task line does not glue two tasks together', () => {
    const plan = parsePlan(
      'II. NHIỆM VỤ\n1. Sở Nội vụ rà soát chỉ tiêu biên chế | vị trí việc làm (quý II/2025).\n2. Sở Tài chính bố trí kinh phí (quý III/2025).',
    );
    expect(plan.tasks.map((t) => [t.id, t.lead])).toEqual([
      ['II.1', k('Sở Nội vụ')],
      ['II.2', k('Sở Tài chính')],
    ]);
    expect(plan.tasks[0].text).toBe('Sở Nội vụ rà soát chỉ tiêu biên chế | vị trí việc làm (quý II/2025).');
  });

  it('13: a numbering gap ("3.8.1." right after "3.7.") keeps 3.7 as a task', () => {
    const plan = parsePlan(
      'II. NHIỆM VỤ\n3. Sở Nội vụ\n3.7. Rà soát quy chế làm việc.\n3.8.1. Kiện toàn tổ chức bộ máy.\n3.8.2. Báo cáo kết quả.',
    );
    expect(plan.tasks.map((t) => t.id)).toEqual(['II.3.7', 'II.3.8.1', 'II.3.8.2']);
    expect(plan.tasks[0].text).toBe('Rà soát quy chế làm việc.');
  });

  it('13: numbering six levels deep keeps its id and text', () => {
    const plan = parsePlan('II. NHIỆM VỤ\n1.2.3.4.5.6. Rà soát danh mục thủ tục hành chính.');
    expect(plan.tasks.map((t) => [t.id, t.text])).toEqual([
      ['II.1.2.3.4.5.6', 'Rà soát danh mục thủ tục hành chính.'],
    ]);
  });

  it('13: "-2 …" keeps its sign and "2*3" stays "2*3" (only paired emphasis is stripped)', () => {
    const plan = parsePlan(
      'II. NHIỆM VỤ\n1. Giảm tỷ lệ hộ nghèo:\n-2 % so với năm 2024 theo công thức 2*3 (**năm 2025**).',
    );
    expect(plan.tasks.map((t) => t.text)).toEqual([
      'Giảm tỷ lệ hộ nghèo:\n-2 % so với năm 2024 theo công thức 2*3 (năm 2025).',
    ]);
  });
});

describe('issue 20, parse items: more of the same forms (regression tests, passing on main)', () => {
  it('11: tabs after Roman parts, numbers, points and bullets as Word saves them', () => {
    const plan = parsePlan(
      'II.\tNHIỆM VỤ\n1.\tSở Nội vụ\na)\tRà soát biên chế (quý II/2025).\n-\tBáo cáo kết quả (quý III/2025).',
    );
    expect(plan.sections.map((s) => s.id)).toEqual(['II']);
    expect(plan.tasks.map((t) => [t.id, t.lead, t.text])).toEqual([
      ['II.1.a', k('Sở Nội vụ'), 'Rà soát biên chế (quý II/2025).\n- Báo cáo kết quả (quý III/2025).'],
    ]);
  });

  it('13: single asterisks that do not pair as emphasis stay ("2*3*4", "a * b"), paired ones go', () => {
    const plan = parsePlan(
      'II. NHIỆM VỤ\n1. Tính theo công thức 2*3*4 và a * b (*quý II/2025*).\n2. Giảm *ít nhất* -2 % chi phí (năm 2025).',
    );
    expect(plan.tasks.map((t) => t.text)).toEqual([
      'Tính theo công thức 2*3*4 và a * b (quý II/2025).',
      'Giảm ít nhất -2 % chi phí (năm 2025).',
    ]);
    expect(plan.tasks[0].deadlines.map((d) => d.due)).toEqual(['2025-06-30']);
  });

  it('13: a "|" in a task line inside a part with a real table keeps both tasks apart', () => {
    const plan = parsePlan(
      'II. NHIỆM VỤ\n1. Sở Nội vụ rà soát biên chế | vị trí việc làm (quý II/2025).\n2. Sở Tài chính | Kho bạc bố trí kinh phí (quý III/2025).\n3. Sở Tư pháp thẩm định (quý IV/2025).',
    );
    expect(plan.tasks.map((t) => t.id)).toEqual(['II.1', 'II.2', 'II.3']);
  });

  it('13: numbering gaps at several levels keep every item', () => {
    const plan = parsePlan(
      'II. NHIỆM VỤ\n3. Sở Nội vụ\n3.2. Rà soát quy chế.\n3.5.1.2. Kiện toàn tổ chức.\n3.6. Báo cáo kết quả.',
    );
    expect(plan.tasks.map((t) => t.id)).toEqual(['II.3.2', 'II.3.5.1.2', 'II.3.6']);
  });
});

describe('header damage from PDF copies', () => {
  it('letter-spaced words and a spaced document number are read back', () => {
    const plan = parsePlan(
      [
        'ỦY B AN NHÂN D Â N\tC ỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'TỈNH QUẢNG NGÃI\tĐộc lập - Tự do - Hạnh phúc',
        'Số: 3210/QĐ - UBND\tQuảng Ngãi, ngày 18 tháng 11 năm 2025',
        'K Ế HO ẠCH',
        'Tổng kiểm kê tài sản công',
        'I. NHIỆM VỤ',
        '1. Sở Tài chính chủ trì tổng hợp kết quả kiểm kê (quý IV/2025).',
      ].join('\n'),
    );
    expect([plan.issuer, plan.number, plan.issuedOn, plan.place]).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
      '3210/QĐ-UBND',
      '2025-11-18',
      'Quảng Ngãi',
    ]);
    expect(plan.title).toBe('KẾ HOẠCH Tổng kiểm kê tài sản công');
    expect(plan.tasks.map((t) => t.lead)).toEqual([k('Sở Tài chính')]);
  });

  it('a law site\'s "Số hiệu:" label above the document is no number: the document\'s own "Số 221-KL/TW" is', () => {
    // The copy opens with the site's metadata ("**Số hiệu:**" / "|" / "221-KL/TW"); party bodies write
    // their number without a colon ("Số 221-KL/TW").
    expect(real('bct-221-kl-tw-2025').number).toBe('221-KL/TW');
    expect(real('bct-212-kl-tw-2025').number).toBe('212-KL/TW');
    expect(real('vptw-432-tb-vptw-2025').number).toBe('432-TB/VPTW');
  });

  it("the title of a conclusion, a notice or a directive is its own heading, not the site's banner above it", () => {
    expect(real('bct-221-kl-tw-2025').title).toMatch(/^KẾT LUẬN CỦA BỘ CHÍNH TRỊ/);
    expect(real('vptw-432-tb-vptw-2025').title).toMatch(/^THÔNG BÁO KẾT LUẬN/);
    expect(real('tld-01-ct-tld-2014').title).toMatch(/^CHỈ THỊ CỦA ĐOÀN CHỦ TỊCH/);
  });

  it('a letter-spaced issuer over a rule is read whole, without the rule (HCM 3210)', () => {
    // "| ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH ------- | C Ộ NG HÒA …"
    expect(real('hcm-3210-qd-ubnd-2014').issuer).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH');
    expect(real('bcdqg1237-252-kh-2013').issuer).toBe(
      'BAN CHỈ ĐẠO QUỐC GIA VỀ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ',
    );
  });
});
