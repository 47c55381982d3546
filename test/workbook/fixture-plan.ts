import type { Plan, Task } from '../../src/plan/types';

/** A small hand-made plan covering every deadline category and the awkward text cases. */
export function fixturePlan(): Plan {
  const task = (over: Partial<Task> & Pick<Task, 'id' | 'text'>): Task => ({
    section: 'III',
    number: over.id.split('.').slice(1).join('.'),
    group: null,
    lead: 'so-noi-vu',
    partners: [],
    deadlines: [],
    references: [],
    line: 1,
    ...over,
  });
  return {
    title: 'Kế hoạch thực hiện Nghị quyết số 28-NQ/TW',
    number: '74/KH-UBND',
    issuedOn: '2024-04-10',
    issuer: 'Ủy ban nhân dân tỉnh Nam Định',
    place: 'Nam Định',
    signer: null,
    sections: [
      { id: 'I', heading: 'MỤC ĐÍCH, YÊU CẦU', kind: 'context' },
      { id: 'III', heading: 'NHIỆM VỤ CỤ THỂ', kind: 'tasks' },
    ],
    agencies: [
      { key: 'so-noi-vu', name: 'Sở Nội vụ' },
      { key: 'ban-to-chuc-tinh-uy', name: 'Ban Tổ chức Tỉnh ủy' },
      { key: 'bo-chinh-tri', name: '- Bộ Chính trị' },
      { key: 'so-tai-chinh', name: 'Sở Tài chính' },
    ],
    tasks: [
      task({
        id: 'III.1',
        text: 'Rà soát, sắp xếp tổ chức bộ máy',
        group: '1. Sở Nội vụ',
        partners: ['so-tai-chinh'],
        deadlines: [{ category: 'due', raw: 'hoàn thành trong năm 2023', due: '2023-12-31' }],
      }),
      task({
        id: 'III.2',
        text: 'Tuyên truyền, phổ biến nghị quyết',
        lead: 'ban-to-chuc-tinh-uy',
        deadlines: [{ category: 'ongoing', raw: 'thường xuyên', due: null }],
      }),
      task({
        id: 'III.3',
        text: '=SUM(A1:A3) không phải công thức',
        lead: 'bo-chinh-tri',
        deadlines: [{ category: 'periodic', raw: 'hằng năm', due: null }],
      }),
      task({
        id: 'III.4',
        text: '+ Xây dựng đề án; - sau đó @ báo cáo',
        lead: null,
        deadlines: [{ category: 'external', raw: 'theo kế hoạch của Trung ương', due: null }],
      }),
      task({ id: 'III.5', text: '- Bộ Chính trị chỉ đạo', lead: 'so-tai-chinh', deadlines: [] }),
      task({
        id: 'III.6',
        text: 'Hai phần: xây dựng (quý II/2024) và triển khai (thường xuyên)',
        deadlines: [
          { category: 'ongoing', raw: 'thường xuyên', due: null },
          { category: 'due', raw: 'tháng 12/2024', due: '2024-12-31' },
          { category: 'due', raw: 'quý II/2024', due: '2024-06-30' },
        ],
      }),
      task({
        id: 'III.7',
        text: '@Sở Tài chính bố trí kinh phí',
        lead: 'so-tai-chinh',
        deadlines: [{ category: 'due', raw: 'trước ngày 30/6/2025', due: '2025-06-30' }],
      }),
    ],
    warnings: [],
  };
}
