import { docxToText } from '../../src/docx/docx';
import { agencyKey } from '../../src/plan/agency';
import { parsePlan } from '../../src/plan/parse';
import { buildDocx, type Block } from './docx-builder';
import { essence, fixture, SAMPLE } from './helpers';

const base = parsePlan(SAMPLE);

/** Swap tone placement both ways (hóa ↔ hoá, ủy ↔ uỷ) everywhere except after "q" (quý stays). */
function swapTonePlacement(text: string): string {
  const re =
    /([òóỏõọÒÓỎÕỌ])([aeAE])(?!\p{L})|(?<![qQ])([ùúủũụÙÚỦŨỤ])([yY])(?!\p{L})|([oO])([àáảãạèéẻẽẹ])(?!\p{L})|(?<![qQ])([uU])([ỳýỷỹỵ])(?!\p{L})/gu;
  return text.normalize('NFC').replace(re, (_m, o1, o2, u1, u2, n1, n2, v1, v2) => {
    const oldFirst = o1 ?? u1;
    const oldSecond = o2 ?? u2;
    const newFirst = n1 ?? v1;
    const newSecond = n2 ?? v2;
    if (oldFirst) {
      const d = (oldFirst as string).normalize('NFD');
      return (d[0] + (oldSecond as string) + d.slice(1)).normalize('NFC');
    }
    const d = (newSecond as string).normalize('NFD');
    return ((newFirst as string) + d.slice(1) + d[0]).normalize('NFC');
  });
}

describe('variants of the sample give the same tasks, leads and deadlines', () => {
  it('NFD text with CRLF line ends and a BOM', () => {
    const variant = '\uFEFF' + SAMPLE.normalize('NFD').replace(/\n/g, '\r\n');
    expect(variant).not.toBe(SAMPLE);
    const plan = parsePlan(variant);
    expect(essence(plan)).toEqual(essence(base));
    expect(plan.tasks.map((t) => t.line)).toEqual(base.tasks.map((t) => t.line));
    expect(plan.tasks[0].text).toBe(base.tasks[0].text);
  });

  it('the other tone-mark style throughout', () => {
    const variant = swapTonePlacement(SAMPLE);
    expect(variant).toContain('Ban Tổ chức Tỉnh uỷ');
    expect(variant).toContain('khóa XIII');
    expect(variant).not.toContain('Ban Tổ chức Tỉnh ủy');
    const plan = parsePlan(variant);
    expect(essence(plan)).toEqual(essence(base));
    // Names are shown as written in the variant, grouped under the same keys.
    expect(plan.agencies.find((a) => a.key === agencyKey('Ban Tổ chức Tỉnh ủy'))!.name).toBe(
      'Ban Tổ chức Tỉnh uỷ',
    );
  });

  it('no blank lines, with page numbers inserted (also inside the page-break splits)', () => {
    const lines = SAMPLE.split('\n').filter((l) => l.trim() !== '');
    const out: string[] = [];
    lines.forEach((l, i) => {
      out.push(l);
      if (i % 9 === 4 || /(uy|kiểm|công tác)$/.test(l)) out.push(`- ${Math.floor(i / 9) + 1} -`);
    });
    const variant = out.join('\n');
    expect(variant).toMatch(/và uy\n- \d+ -\ntín/);
    const plan = parsePlan(variant);
    expect(essence(plan)).toEqual(essence(base));
    expect(plan.tasks.map((t) => t.text)).toEqual(base.tasks.map((t) => t.text));
  });

  it('a .docx made from the sample, with a Word table for the header', async () => {
    const blocks: Block[] = [
      {
        table: [
          ['BAN CHẤP HÀNH ĐẢNG BỘ TỈNH NAM ĐỊNH', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
          ['Số 99-KH/TU', 'Nam Định, ngày 15 tháng 3 năm 2023'],
        ],
      },
      ...SAMPLE.split('\n')
        .filter((l) => l.trim() !== '')
        .map((p) => ({ p })),
    ];
    const text = await docxToText(await buildDocx(blocks));
    expect(text.split('\n')[0]).toBe('BAN CHẤP HÀNH ĐẢNG BỘ TỈNH NAM ĐỊNH\tĐẢNG CỘNG SẢN VIỆT NAM');
    const plan = parsePlan(text);
    expect(essence(plan)).toEqual(essence(base));
    expect(plan.number).toBe('99-KH/TU');
    expect(plan.issuedOn).toBe('2023-03-15');
    expect(plan.issuer).toBe('BAN CHẤP HÀNH ĐẢNG BỘ TỈNH NAM ĐỊNH');
  });

  it('a .docx whose appendix is a Word table gives the same tasks as the pasted table', async () => {
    const source = fixture('hung-yen-74-kh-ubnd-appendix.txt');
    const blocks: Block[] = [];
    for (const line of source.split('\n')) {
      if (line.trim() === '') continue;
      const cells = line.split('\t');
      const last = blocks[blocks.length - 1];
      if (cells.length > 1 && last && 'table' in last) last.table.push(cells);
      else if (cells.length > 1) blocks.push({ table: [cells] });
      else blocks.push({ p: line });
    }
    expect(blocks.filter((b) => 'table' in b).length).toBe(2);
    const fromDocx = parsePlan(await docxToText(await buildDocx(blocks)));
    const fromText = parsePlan(source);
    expect(fromText.tasks.filter((t) => t.section === 'PL').length).toBe(6);
    expect(essence(fromDocx)).toEqual(essence(fromText));
    expect(fromDocx.tasks.map((t) => t.product ?? null)).toEqual(
      fromText.tasks.map((t) => t.product ?? null),
    );
  });
});
