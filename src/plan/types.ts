/** The parsed structure of a Kế hoạch. Shared by every layer; changing it is a cross-team change. */

import type { Msg } from '../model/msg';
import type { DeadlineCategory } from '../model/vocabulary';

export type { DeadlineCategory };

export interface Deadline {
  category: DeadlineCategory;
  /** The note as written in the plan, e.g. "hoàn thành trong năm 2023". Empty for `none`. */
  raw: string;
  /** ISO date YYYY-MM-DD for `due` (and ranges); null when unknown. */
  due: string | null;
}

export interface Agency {
  /** Canonical key: same for Tỉnh ủy/Tỉnh uỷ, hóa/hoá, NFC/NFD, case and spacing. */
  key: string;
  /** The name as first written in the plan. */
  name: string;
}

export type SectionKind = 'context' | 'tasks';

export interface Section {
  /** Roman numeral of the part ("IV"), or a synthetic id when the plan has none. */
  id: string;
  heading: string;
  kind: SectionKind;
}

export interface Task {
  /** Stable id, section + number: "IV.3.2". Unique within a plan. */
  id: string;
  section: string;
  /** The number as printed: "3.2", "1", "a", or a generated one for bullets. */
  number: string;
  /** The heading the task sits under (e.g. the agency item "3. Ban Tổ chức Tỉnh ủy"), or null. */
  group: string | null;
  /** Lead agency key (see Plan.agencies), or null when the plan names none. */
  lead: string | null;
  /** Partner agency keys. */
  partners: string[];
  text: string;
  deadlines: Deadline[];
  /** Documents cited in the task text, e.g. "Nghị quyết số 26-NQ/TW ngày 19/5/2018". */
  references: string[];
  /** 1-based line where the task starts, counted in the text given to parsePlan (before normalisation). */
  line: number;
  /** Expected product, from an appendix table's "Sản phẩm" column or a "Sản phẩm:" line. */
  product?: string;
  /** How sure the parser is of this task's reading; set by parsePlan on every task it makes. */
  confidence?: Confidence;
  /** Why the confidence is not high (empty when it is). */
  reasons?: ConfidenceReason[];
}

export type Confidence = 'high' | 'medium' | 'low';

export interface ConfidenceReason {
  /** Stable id, e.g. "lead-from-sentence", "deadline-unrecognised", "joined-lines". */
  code: string;
  msg: Msg;
}

export interface ParseWarning {
  code: string;
  msg: Msg;
  /** 1-based line in the text given to parsePlan (before normalisation), or 0 for the whole text. */
  line: number;
}

export interface Plan {
  title: string;
  number: string | null;
  /** ISO date YYYY-MM-DD or null. */
  issuedOn: string | null;
  issuer: string | null;
  place: string | null;
  signer: string | null;
  sections: Section[];
  agencies: Agency[];
  tasks: Task[];
  warnings: ParseWarning[];
  /** The decision that issues the plan ("Ban hành kèm theo Quyết định này Kế hoạch …"), when the text has one. */
  decision?: Decision;
}

export interface Decision {
  title: string;
  number: string | null;
  /** ISO date YYYY-MM-DD or null. */
  issuedOn: string | null;
  issuer: string | null;
  signer: string | null;
}
