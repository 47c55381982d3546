/**
 * Pass 4 of the parse: lines → the plan's outline. Parts (with lettered parts or "PHẦN I" above
 * Roman ones, and appendices), the tree of items, points and bullets in each part, the attribute
 * lines attached to the item above them, task tables with their column layout, and the closing
 * block. Nothing here decides what a task is; that is the task pass.
 */
import { agencyFromHeading } from './agency';
import { isBrokenPipeTable, rebuildBrokenPipeTable } from './broken-table';
import { attributeOf, readLine, type Attribute, type PlanLine } from './lines';
import { explicitKind, inferredKind, type ClassifiedLine } from './structure';
import { tableColumns, type TableColumns } from './table-columns';
import type { Section } from './types';

export interface Paragraph {
  text: string;
  line: number;
  joined: boolean;
}

export interface LocatedAttribute extends Attribute {
  line: number;
  /** The line as written; it stays in the task's text. */
  raw: string;
  /** The bullet an unmarked attribute line came after, when it was given to the bullet's heading. */
  follows?: OutlineNode;
}

export interface OutlineNode {
  kind: ClassifiedLine['kind'] | 'root' | 'attribute';
  rank: number;
  number: string;
  text: string;
  line: number;
  joined: boolean;
  /** Unnumbered paragraphs that follow this node before the next marker. */
  extra: Paragraph[];
  children: OutlineNode[];
  /** "- Cơ quan chủ trì: …", "- Thời gian thực hiện: …" lines that belong to this node. */
  attributes: LocatedAttribute[];
  /** For an attribute line on the stack ("b) Cơ quan thực hiện:"): the node its lines go to. */
  scope?: { target: OutlineNode; attribute: LocatedAttribute };
}

export interface TableRow {
  cells: string[];
  columns: TableColumns;
  line: number;
  /** The row was put together from the pieces a copy broke it into (broken-table.ts). */
  rebuilt?: boolean;
}

export interface OutlineSection {
  section: Section;
  root: OutlineNode;
  /** Rows of task tables met inside this part (or the appendix). */
  tables: TableRow[];
}

export interface Outline {
  sections: OutlineSection[];
  /** Lines of the closing blocks ("Nơi nhận:", signatures). */
  footer: PlanLine[];
}

export function newNode(
  kind: OutlineNode['kind'],
  rank: number,
  number: string,
  text: string,
  line: number,
  joined = false,
): OutlineNode {
  return { kind, rank, number, text, line, joined, extra: [], children: [], attributes: [] };
}

/** Index of the first body line: a part, an item, the closing block, an appendix or a task table. */
export function bodyStart(lines: readonly PlanLine[]): number {
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i];
    if (
      c.kind === 'part' ||
      c.kind === 'upper' ||
      c.kind === 'item' ||
      c.kind === 'footer' ||
      c.kind === 'appendix' ||
      (c.kind === 'row' && c.cells && tableColumns(c.cells, lines[i + 1]?.cells))
    ) {
      return i;
    }
  }
  return lines.length;
}

const SEPARATOR_ROW = /^:?-{2,}:?$/;
const ARABIC: Record<string, string> = {
  I: '1',
  II: '2',
  III: '3',
  IV: '4',
  V: '5',
  VI: '6',
  VII: '7',
  VIII: '8',
  IX: '9',
  X: '10',
};
const ORDINAL: Record<string, string> = {
  nhất: '1',
  hai: '2',
  ba: '3',
  tư: '4',
  bốn: '4',
  năm: '5',
  sáu: '6',
};

function upperId(number: string): string {
  if (/^[A-H]$/.test(number)) return number;
  const ord = /^thứ\s+(\p{L}+)$/u.exec(number);
  if (ord) return `P${ORDINAL[ord[1].toLowerCase()] ?? ord[1]}`;
  return `P${ARABIC[number] ?? number}`;
}

/** Whether an item numbered `child` can sit under `parent`: "3.8.1" under "3" or "3.8", not "3.7". */
function extendsNumber(parent: OutlineNode, child: string): boolean {
  if (parent.kind !== 'item' || child.indexOf('.') < 0) return true;
  return child.startsWith(parent.number + '.');
}

const STT_CELL = /^(?:\d{1,4}(?:\.\d{1,3})*|[IVX]{1,6}|[a-zđ])[.)]?$/u;
const CELL_BREAKERS = new Set<PlanLine['kind']>(['part', 'upper', 'appendix', 'footer', 'item']);

/** Whether `cells` go on with a row cut short by a line break in a cell: the row is short, `cells`
 * do not start a numbered row of their own, and together they do not overflow the table. */
function resumesRow(last: TableRow, cells: readonly string[], table: TableColumns): boolean {
  if (last.cells.length + cells.length - 1 > table.width) return false;
  return !(table.stt >= 0 && STT_CELL.test(cells[table.stt] ?? ''));
}

/** Whether line `i` (no cells) is a line inside the cell a short row stopped in: a row further on
 * (within a few lines of text) resumes that row. */
function continuesCell(
  lines: readonly PlanLine[],
  i: number,
  table: TableColumns,
  rows: readonly TableRow[],
): boolean {
  const last = rows[rows.length - 1];
  if (!last || last.columns !== table || last.cells.length >= table.width) return false;
  for (let j = i; j < lines.length && j < i + 30; j++) {
    const l = lines[j];
    if (l.cells) return !tableColumns(l.cells, lines[j + 1]?.cells) && resumesRow(last, l.cells, table);
    if (CELL_BREAKERS.has(l.kind) || l.raw === '') return false;
  }
  return false;
}

/** Whether item line `i`, met in an open table with a number column, is a row whose tab after its
 * number became a space ("2.<TAB>Điều tra xã hội học:") and whose content cell goes on over the
 * next lines: a row further on (within a few lines of text) resumes it. */
function opensCutRow(lines: readonly PlanLine[], i: number, table: TableColumns): boolean {
  const c = lines[i];
  if (table.stt < 0 || table.content <= table.stt || c.number.indexOf('.') >= 0) return false;
  for (let j = i + 1; j < lines.length && j < i + 30; j++) {
    const l = lines[j];
    if (l.cells) {
      if (tableColumns(l.cells, lines[j + 1]?.cells) || STT_CELL.test(l.cells[table.stt] ?? '')) return false;
      return table.content + l.cells.length <= table.width;
    }
    if (CELL_BREAKERS.has(l.kind) || l.raw === '') return false;
  }
  return false;
}

/** Whether bullet `c` is the rest of attribute `a`'s line: the value stops short of any punctuation
 * and the bullet goes on in lower case. */
function breaksAttribute(a: LocatedAttribute, c: PlanLine): boolean {
  return a.value !== '' && !/[.;:!?)]$/.test(a.value) && /^\p{Ll}/u.test(c.text) && c.attribute === undefined;
}

/** A line that is only indented with tabs: one empty cell before its text. */
function isIndented(c: PlanLine): boolean {
  return (
    c.cells !== undefined &&
    c.cells.length === 2 &&
    c.cells[0] === '' &&
    c.cells[1] !== '' &&
    c.raw.indexOf('|') < 0
  );
}

export function buildOutline(lines: readonly PlanLine[], start: number): Outline {
  const sections: OutlineSection[] = [];
  const footer: PlanLine[] = [];
  let current: OutlineSection | null = null;
  let stack: OutlineNode[] = [];
  let inFooter = false;
  let table: TableColumns | null = null;
  let appendixCount = 0;
  let upper: { id: string; kind: Section['kind'] } | null = null;
  const firstRoman = lines.find((c) => c.kind === 'part')?.number ?? null;
  const usedIds = new Set<string>();

  const openSection = (id: string, heading: string, kind: Section['kind']) => {
    let unique = id;
    for (let k = 2; usedIds.has(unique); k++) unique = `${id}-${k}`;
    usedIds.add(unique);
    const root = newNode('root', -1, '', heading, 0);
    current = { section: { id: unique, heading, kind }, root, tables: [] };
    sections.push(current);
    stack = [root];
    table = null;
  };
  const openAppendix = (heading: string) => {
    appendixCount++;
    openSection(appendixCount === 1 ? 'PL' : `PL${appendixCount}`, heading, 'tasks');
    // Parts inside an appendix hold its tasks unless their heading says otherwise.
    upper = { id: current!.section.id, kind: 'tasks' };
  };

  for (let i = start; i < lines.length; i++) {
    let c = lines[i];
    const line = c.at;
    if (!table && c.kind === 'row' && isIndented(c)) {
      // "<TAB> 2. Kiểm tra …": Word's indentation outside any table, not a row of one.
      c = readLine(c.cells![1], c.at, c.joined);
    }
    if (c.kind === 'footer') {
      inFooter = true;
      current = null;
      table = null;
      footer.push(c);
      continue;
    }
    if (c.kind === 'appendix') {
      inFooter = false;
      // "PHỤ LỤC" is usually followed by its title line ("Danh mục nhiệm vụ …").
      const next = lines[i + 1];
      const withTitle = next !== undefined && next.kind === 'text' && next.raw.length <= 400;
      openAppendix(withTitle ? `${c.raw} ${next.raw}` : c.raw);
      if (withTitle) i++;
      continue;
    }
    const cells = c.cells ?? (table ? c.pipeCells : undefined);
    if ((c.kind === 'row' || (table && c.pipeCells)) && cells) {
      if (cells.every((x) => x === '' || SEPARATOR_ROW.test(x))) continue;
      let below = i + 1;
      while (lines[below]?.cells && lines[below].cells!.every((x) => x === '' || SEPARATOR_ROW.test(x)))
        below++;
      const header = tableColumns(cells, lines[below]?.cells);
      if (header) {
        if (inFooter || current === null) {
          inFooter = false;
          openAppendix('Phụ lục');
        }
        table = header;
        if (header.rows === 2) i = below;
        else if (isBrokenPipeTable(lines, i, header.width)) {
          // Rows broken into pieces by a web copy: rebuilt from the order of their cells.
          const rebuilt = rebuildBrokenPipeTable(lines, i, header, cells);
          const into = sections[sections.length - 1]; // the part just opened or found above
          for (const r of rebuilt.rows)
            into.tables.push({ cells: r.cells, columns: header, line: r.line, rebuilt: true });
          i = rebuilt.end - 1;
          table = null;
        }
        continue;
      }
      if (table && current) {
        const rows = (current as OutlineSection).tables;
        const last = rows[rows.length - 1];
        if (
          last &&
          last.columns === table &&
          last.cells.length < table.width &&
          ((last.cells.length + cells.length - 1 === table.width && lines[i - 1]?.cells) ||
            resumesRow(last, cells, table))
        ) {
          // A cell with a line break cut its row in two: the halves meet in that cell.
          last.cells[last.cells.length - 1] = `${last.cells[last.cells.length - 1]}\n${cells[0]}`.trim();
          last.cells.push(...cells.slice(1));
          continue;
        }
        rows.push({ cells, columns: table, line });
        continue;
      }
    } else if (table && current && (c.kind === 'part' || c.kind === 'upper') && lines[i + 1]?.cells) {
      // "I. TỰ KIỂM TRA VĂN BẢN" between rows of an open table: a group row copied without its cells.
      const group = new Array<string>(Math.max(table.width, 2)).fill('');
      group[table.stt >= 0 ? table.stt : 0] = c.number;
      group[table.content] = c.text;
      (current as OutlineSection).tables.push({ cells: group, columns: table, line });
      continue;
    } else if (table && current && c.kind === 'item' && opensCutRow(lines, i, table)) {
      const cut = new Array<string>(table.content + 1).fill('');
      cut[table.stt] = `${c.number}.`;
      cut[table.content] = c.text;
      (current as OutlineSection).tables.push({ cells: cut, columns: table, line });
      continue;
    } else if (table && current && continuesCell(lines, i, table, (current as OutlineSection).tables)) {
      // A cell with line breaks: its lines without a tab go on in the cell the row stopped in.
      const rows = (current as OutlineSection).tables;
      const last = rows[rows.length - 1];
      last.cells[last.cells.length - 1] = `${last.cells[last.cells.length - 1]}\n${c.raw}`.trim();
      continue;
    } else {
      table = null;
    }
    // A part heading after a closing block starts the body again (a decision's signature, then
    // the plan it issues); anything else there is recipients and signatures.
    if (inFooter && c.kind !== 'part' && c.kind !== 'upper') {
      footer.push(c);
      continue;
    }
    inFooter = false;
    if (c.kind === 'upper') {
      const id = upperId(c.number);
      const kind = explicitKind(c.text) ?? 'context';
      openSection(appendixCount > 0 ? `PL${appendixCount > 1 ? appendixCount : ''}.${id}` : id, c.text, kind);
      upper = { id: current!.section.id, kind };
      continue;
    }
    if (c.kind === 'part') {
      // A part headed by the body it addresses ("II. Các Liên đoàn Lao động tỉnh, thành phố:", as
      // directives are written) holds that body's tasks.
      const own = explicitKind(c.text) ?? (agencyFromHeading(c.text.split(';')[0]) ? 'tasks' : null);
      const base = upper ? `${upper.id}.${c.number}` : c.number;
      openSection(base, c.text, own ?? upper?.kind ?? 'context');
      continue;
    }
    if (current === null) {
      // Numbered items before any part heading: the part heading was lost in copying.
      if (c.kind === 'text' || c.kind === 'row') continue;
      const lostId = firstRoman === 'II' ? 'I' : 'S1';
      openSection(lostId, '', inferredKind(c.text));
    }
    const attribute = c.attribute ?? (c.kind === 'row' ? attributeOf((c.cells ?? []).join(' ')) : undefined);
    if (attribute) {
      // An attribute line belongs to the task above it at its own level: "- Cơ quan chủ trì: …"
      // under "a) Rà soát …" goes to a); "b) Cơ quan thực hiện:" beside "a) Nhiệm vụ:" goes to
      // their parent, and so do the "- Đơn vị chủ trì: …" lines under it.
      const marked = c.kind !== 'text' && c.kind !== 'row';
      if (marked) {
        while (stack.length > 1 && stack[stack.length - 1].rank >= c.rank) stack.pop();
      }
      const top = stack[stack.length - 1];
      let target = top.scope ? top.scope.target : top;
      if (marked && !top.scope) {
        // Right after a task of its own kind ("- Rà soát …" / "- Cơ quan chủ trì: …") it is that
        // task's; after a heading with its own tasks ("a) Nhiệm vụ:" …) it is the group's.
        const prev = target.children[target.children.length - 1];
        if (prev && prev.children.length === 0 && prev.kind === c.kind) target = prev;
      }
      let follows: OutlineNode | undefined;
      if (!marked && !top.scope && (top.kind === 'dash' || top.kind === 'plus') && stack.length > 2) {
        // An unmarked "Đơn vị chủ trì: …" after bullets speaks for the bullets' heading (unless
        // several bullets have lines of their own: see ownBulletAttributes).
        target = stack[stack.length - 2];
        follows = top;
      }
      // One literal shape for every attribute line (spreads made each a copy of a new shape).
      const located: LocatedAttribute = {
        kind: attribute.kind,
        value: attribute.value,
        line,
        raw: c.raw,
        follows,
      };
      target.attributes.push(located);
      if (c.kind !== 'text' && c.kind !== 'row') {
        const scope = newNode('attribute', c.rank, '', c.raw, line);
        scope.scope = { target, attribute: located };
        stack.push(scope);
      }
      continue;
    }
    const top = stack[stack.length - 1];
    if (top.scope && c.rank === top.rank && breaksAttribute(top.scope.attribute, c)) {
      // "- Đơn vị phối hợp: Văn phòng Bộ, Vụ Tổ chức" / "- cán bộ, Vụ Phổ biến …": the copy broke the
      // line and put a bullet before its lower-case rest.
      const a = top.scope.attribute;
      a.value = `${a.value} ${c.text}`;
      a.raw = `${a.raw} ${c.text}`;
      continue;
    }
    if (top.scope && (c.kind === 'text' || c.rank > top.rank)) {
      // A line under "b) Cơ quan thực hiện:" that is no attribute itself ("- Sở Nội vụ;") lists its value.
      const a = top.scope.attribute;
      a.value = a.value ? `${a.value}; ${c.text}` : c.text;
      a.raw = `${a.raw}\n${c.raw}`;
      continue;
    }
    if (c.kind === 'text' || c.kind === 'row') {
      top.extra.push({
        text: c.kind === 'row' ? (c.cells ?? []).join(' | ') : c.raw,
        line,
        joined: c.joined,
      });
      continue;
    }
    while (
      stack.length > 1 &&
      (stack[stack.length - 1].rank >= c.rank ||
        (c.kind === 'item' && !extendsNumber(stack[stack.length - 1], c.number)))
    ) {
      stack.pop();
    }
    const node = newNode(c.kind, c.rank, c.number, c.text, line, c.joined);
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  }
  for (const s of sections) ownBulletAttributes(s.root);
  return { sections, footer };
}

/** Attribute lines after two or more of a heading's bullets are the bullets' own: a block goes to
 * the bullet it follows and to the bullets before it that have no block of their own. */
function ownBulletAttributes(node: OutlineNode): void {
  for (let i = 0; i < node.children.length; i++) ownBulletAttributes(node.children[i]);
  // Fewer than two attribute lines cannot follow two bullets: most nodes stop here.
  if (node.attributes.length < 2) return;
  const followed = new Set(node.attributes.map((a) => a.follows).filter((f) => f !== undefined));
  if (followed.size < 2) return;
  const kept: LocatedAttribute[] = [];
  let from = 0;
  let block: OutlineNode | undefined;
  for (const a of node.attributes) {
    if (!a.follows) {
      kept.push(a);
      continue;
    }
    const at = node.children.indexOf(a.follows);
    if (a.follows !== block) {
      if (block) from = node.children.indexOf(block) + 1;
      block = a.follows;
    }
    for (let i = from; i <= at; i++) {
      const bullet = node.children[i];
      // The line stays in the text of the bullet it follows only.
      bullet.attributes.push(bullet === a.follows ? a : { ...a, raw: '' });
    }
  }
  node.attributes = kept;
}
