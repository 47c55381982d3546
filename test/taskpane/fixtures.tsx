import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Plan, Task } from '../../src/plan/types';
import { I18nContext, translate, type Lang } from '../../src/taskpane/i18n';

/** Wraps a component in the providers the pane gives it, in the given language. */
export function withProviders(node: ReactNode, lang: Lang = 'vi') {
  return (
    <I18nContext.Provider value={{ lang, setLang: () => undefined, t: (k, p) => translate(lang, k, p) }}>
      <FluentProvider theme={webLightTheme}>{node}</FluentProvider>
    </I18nContext.Provider>
  );
}

function task(partial: Partial<Task> & Pick<Task, 'id' | 'section' | 'number' | 'text'>): Task {
  return {
    group: null,
    lead: null,
    partners: [],
    deadlines: [{ category: 'none', raw: '', due: null }],
    references: [],
    line: 1,
    ...partial,
  };
}

/** A small plan shaped like the NQ-28 sample: a context part, agency groups, mixed deadlines. */
export function samplePlan(): Plan {
  return {
    title: 'KẾ HOẠCH thực hiện Nghị quyết số 28-NQ/TW',
    number: '25-KH/TU',
    issuedOn: '2023-03-01',
    issuer: 'Tỉnh ủy Nam Định',
    place: 'Nam Định',
    signer: null,
    sections: [
      { id: 'I', heading: 'MỤC ĐÍCH, YÊU CẦU', kind: 'context' },
      { id: 'IV', heading: 'NHIỆM VỤ CỤ THỂ', kind: 'tasks' },
      { id: 'V', heading: 'TỔ CHỨC THỰC HIỆN', kind: 'tasks' },
    ],
    agencies: [
      { key: 'ban to chuc tinh uy', name: 'Ban Tổ chức Tỉnh ủy' },
      { key: 'ban tuyen giao tinh uy', name: 'Ban Tuyên giáo Tỉnh ủy' },
      { key: 'van phong tinh uy', name: 'Văn phòng Tỉnh ủy' },
    ],
    tasks: [
      task({
        id: 'IV.1.1',
        section: 'IV',
        number: '1.1',
        group: '1. Ban Tổ chức Tỉnh ủy',
        lead: 'ban to chuc tinh uy',
        text: 'Tham mưu sắp xếp tổ chức bộ máy.',
        deadlines: [{ category: 'ongoing', raw: 'thực hiện thường xuyên', due: null }],
        line: 40,
      }),
      task({
        id: 'IV.1.2',
        section: 'IV',
        number: '1.2',
        group: '1. Ban Tổ chức Tỉnh ủy',
        lead: 'ban to chuc tinh uy',
        text: 'Xây dựng đề án vị trí việc làm.',
        deadlines: [{ category: 'due', raw: 'hoàn thành trong năm 2023', due: '2023-12-31' }],
        line: 42,
      }),
      task({
        id: 'IV.2.1',
        section: 'IV',
        number: '2.1',
        group: '2. Ban Tuyên giáo Tỉnh ủy',
        lead: 'ban tuyen giao tinh uy',
        partners: ['van phong tinh uy'],
        text: 'Tuyên truyền Nghị quyết.',
        deadlines: [{ category: 'periodic', raw: 'hằng năm', due: null }],
        line: 50,
      }),
      task({
        id: 'V.1',
        section: 'V',
        number: '1',
        text: 'Các cấp ủy xây dựng kế hoạch thực hiện.',
        line: 60,
      }),
    ],
    warnings: [
      {
        code: 'no-lead',
        msg: { vi: 'Nhiệm vụ V.1 không có cơ quan chủ trì.', en: 'Task V.1 has no lead agency.' },
        line: 60,
      },
    ],
  };
}

/** The visible text of an element ('' when it is missing, so a failed lookup fails the expectation). */
export function text(el: Element | null | undefined): string {
  return el?.textContent ?? '';
}
