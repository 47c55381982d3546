/**
 * The sample plan (samples/nq28-nam-dinh.txt) read by hand: every task of parts III, IV and V with
 * its lead (as the plan names it; compared by agencyKey) and its deadline notes.
 * Decisions: III.1–4, V.1 and V.2 name no accountable body (collective subjects) → lead null;
 * V.3 "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với …" → lead + one partner; it "thường xuyên theo dõi …;
 * định kỳ sơ kết, tổng kết, báo cáo" → ongoing and periodic. Otherwise no note → 'none'.
 */
import type { DeadlineCategory } from '../../src/plan/types';

export interface ExpectedTask {
  id: string;
  lead: string | null;
  deadlines: Array<[DeadlineCategory, string | null]>;
}

const NONE: ExpectedTask['deadlines'] = [['none', null]];
const ONGOING: ExpectedTask['deadlines'] = [['ongoing', null]];
const CENTRAL: ExpectedTask['deadlines'] = [['external', null]];
const IN_2023: ExpectedTask['deadlines'] = [['due', '2023-12-31']];

const HDND = 'Đảng đoàn Hội đồng nhân dân tỉnh';
const UBND = 'Ban cán sự đảng Ủy ban nhân dân tỉnh';
const BTC = 'Ban Tổ chức Tỉnh ủy';
const UBKT = 'Ủy ban Kiểm tra Tỉnh ủy';
const BTG = 'Ban Tuyên giáo Tỉnh ủy';
const BDV = 'Ban Dân vận Tỉnh ủy';
const VP = 'Văn phòng Tỉnh ủy';
const MTTQ = 'Đảng đoàn Mặt trận Tổ quốc, các tổ chức chính trị - xã hội tỉnh và Ban Thường vụ Tỉnh đoàn';
const HUYEN = 'Các huyện ủy, thành ủy, đảng ủy trực thuộc tỉnh';

export const SAMPLE_TASKS: ExpectedTask[] = [
  { id: 'III.1', lead: null, deadlines: NONE },
  { id: 'III.2', lead: null, deadlines: NONE },
  { id: 'III.3', lead: null, deadlines: NONE },
  { id: 'III.4', lead: null, deadlines: NONE },
  { id: 'IV.1.1', lead: HDND, deadlines: NONE },
  { id: 'IV.1.2', lead: HDND, deadlines: NONE },
  { id: 'IV.1.3', lead: HDND, deadlines: NONE },
  { id: 'IV.1.4', lead: HDND, deadlines: NONE },
  { id: 'IV.2.1', lead: UBND, deadlines: ONGOING },
  { id: 'IV.2.2', lead: UBND, deadlines: ONGOING },
  { id: 'IV.3.1', lead: BTC, deadlines: ONGOING },
  { id: 'IV.3.2', lead: BTC, deadlines: ONGOING },
  { id: 'IV.3.3', lead: BTC, deadlines: ONGOING },
  { id: 'IV.3.4', lead: BTC, deadlines: ONGOING },
  { id: 'IV.3.5', lead: BTC, deadlines: IN_2023 },
  { id: 'IV.3.6', lead: BTC, deadlines: CENTRAL },
  { id: 'IV.3.7', lead: BTC, deadlines: NONE },
  { id: 'IV.4.1', lead: UBKT, deadlines: ONGOING },
  { id: 'IV.4.2', lead: UBKT, deadlines: ONGOING },
  { id: 'IV.4.3', lead: UBKT, deadlines: ONGOING },
  { id: 'IV.5.1', lead: BTG, deadlines: ONGOING },
  { id: 'IV.5.2', lead: BTG, deadlines: ONGOING },
  {
    id: 'IV.5.3',
    lead: BTG,
    deadlines: [
      ['due', '2023-12-31'],
      ['external', null],
    ],
  },
  { id: 'IV.6.1', lead: BDV, deadlines: CENTRAL },
  { id: 'IV.6.2', lead: BDV, deadlines: ONGOING },
  { id: 'IV.7.1', lead: VP, deadlines: ONGOING },
  { id: 'IV.7.2', lead: VP, deadlines: CENTRAL },
  { id: 'IV.8.1', lead: MTTQ, deadlines: IN_2023 },
  { id: 'IV.8.2', lead: MTTQ, deadlines: ONGOING },
  { id: 'IV.9.1', lead: HUYEN, deadlines: IN_2023 },
  { id: 'IV.9.2', lead: HUYEN, deadlines: NONE },
  { id: 'V.1', lead: null, deadlines: NONE },
  { id: 'V.2', lead: null, deadlines: NONE },
  {
    id: 'V.3',
    lead: BTC,
    deadlines: [
      ['ongoing', null],
      ['periodic', null],
    ],
  },
];
