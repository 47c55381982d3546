import { Button, Caption1, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ConflictDecision, MergeConflict } from '../../app/share';
import { serialToIso } from '../../model/dates';
import { columnHeader, isDateColumn } from '../../model/columns';
import type { RawCell } from '../../model/table';
import { formatDate, useI18n, type Lang } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteMarigoldBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  file: {
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: 'anywhere',
  },
  values: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  chosen: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteGreenForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  choice: { marginTop: tokens.spacingVerticalXS, flexWrap: 'wrap' },
  settled: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** A cell value as staff wrote it: dates as dates, progress with its percent sign. */
export function showCell(lang: Lang, column: string, raw: RawCell, blank: string): string {
  if (raw === null || raw === '') return blank;
  if (isDateColumn(column) && typeof raw === 'number') return formatDate(lang, serialToIso(raw));
  // The column holds the percentage itself (0–100), as staff type it.
  if (column === 'progress' && typeof raw === 'number') return `${raw}%`;
  return String(raw);
}

export type Side = 'return' | 'master';

/** One conflict's identity across re-plans of the same returns: the return, the task, the column. */
export function conflictKey(c: Pick<MergeConflict, 'file' | 'taskId' | 'column'>): string {
  return `${c.file}\u0000${c.taskId}\u0000${c.column}`;
}

function choicesOf(conflicts: readonly MergeConflict[]): Record<string, Side> {
  const out: Record<string, Side> = {};
  for (const c of conflicts) if (c.resolution) out[conflictKey(c)] = c.resolution;
  return out;
}

export interface MergeConflictViewProps {
  conflicts: MergeConflict[];
  /** Every conflict settled the same way. */
  onResolve: (prefer: Side) => void;
  /** Conflicts settled one by one: a decision for each conflict given a choice. */
  onDecide?: (decisions: ConflictDecision[]) => void;
  busy?: boolean;
}

/**
 * Cells both the master and an agency changed: the three values side by side and, for each, the
 * choice (a radio group: arrow keys move within it, Tab to the next); applied together, or all
 * conflicts settled one way. Once every conflict is settled the prompt gives way to a line saying
 * how, with the choices listed and a way back to change them.
 */
export function MergeConflictView({ conflicts, onResolve, onDecide, busy }: MergeConflictViewProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const blank = t('mergeBlank');
  const settled = conflicts.length > 0 && conflicts.every((c) => c.resolution !== null);
  const [choices, setChoices] = useState<Record<string, Side>>(() => choicesOf(conflicts));
  const [editing, setEditing] = useState(false);
  const settledLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // A new plan: its resolutions are the choices now, and a settled plan closes the prompt.
    setChoices(choicesOf(conflicts));
    setEditing(false);
  }, [conflicts]);
  useEffect(() => {
    // Settled only ever follows a choice, whose buttons are now gone: the line replacing them takes focus.
    if (settled && !editing) settledLine.current?.focus();
  }, [settled, editing]);

  const chosen = conflicts.filter((c) => choices[conflictKey(c)] !== undefined).length;
  const apply = () =>
    onDecide?.(
      conflicts.flatMap((c) => {
        const take = choices[conflictKey(c)];
        return take ? [{ file: c.file, taskId: c.taskId, column: c.column, take }] : [];
      }),
    );
  const prompting = !settled || editing;
  const taken = conflicts.filter((c) => c.resolution === 'return').length;

  const list = (
    <ul className={styles.list}>
      {conflicts.map((c, i) => {
        const key = conflictKey(c);
        const side = prompting ? choices[key] : (c.resolution ?? undefined);
        const groupLabel = t('conflictTake', { task: c.taskId, column: columnHeader(c.column, lang) });
        return (
          <li
            key={`${key}-${i}`}
            className={styles.item}
            data-task-id={c.taskId}
            data-column={c.column}
            data-choice={side ?? ''}
          >
            <div className={styles.head}>
              <span>{`${columnHeader('taskId', lang)} ${c.taskId}`}</span>
              <span>{`${t('conflictColumn')}: ${columnHeader(c.column, lang)}`}</span>
              <span className={styles.file}>{c.file}</span>
            </div>
            <dl className={styles.values}>
              <dt className={styles.term}>{t('conflictBase')}</dt>
              <dd className={styles.value}>{showCell(lang, c.column, c.base, blank)}</dd>
              <dt className={styles.term}>{t('conflictMaster')}</dt>
              <dd
                className={side === 'master' ? `${styles.value} ${styles.chosen}` : styles.value}
                data-side="master"
              >
                {showCell(lang, c.column, c.master, blank)}
              </dd>
              <dt className={styles.term}>{t('conflictReturn')}</dt>
              <dd
                className={side === 'return' ? `${styles.value} ${styles.chosen}` : styles.value}
                data-side="return"
              >
                {showCell(lang, c.column, c.return, blank)}
              </dd>
            </dl>
            {prompting && onDecide && (
              <RadioGroup
                layout="horizontal"
                aria-label={groupLabel}
                className={styles.choice}
                value={choices[key] ?? ''}
                disabled={busy}
                onChange={(_e, data) => setChoices((prev) => ({ ...prev, [key]: data.value as Side }))}
              >
                <Radio value="master" label={t('takeMaster')} />
                <Radio value="return" label={t('takeReturn')} />
              </RadioGroup>
            )}
          </li>
        );
      })}
    </ul>
  );

  if (!prompting)
    return (
      <section
        className={styles.root}
        aria-label={t('mergeConflicts', { n: conflicts.length })}
        data-testid="merge-conflicts"
        data-settled="true"
      >
        <p className={styles.settled} ref={settledLine} tabIndex={-1} role="status">
          {t('conflictsSettled', { n: conflicts.length, r: taken, m: conflicts.length - taken })}
        </p>
        <details>
          <summary>{t('conflictsSettledList', { n: conflicts.length })}</summary>
          {list}
        </details>
        {onDecide && (
          <div className={styles.actions}>
            <Button onClick={() => setEditing(true)} disabled={busy}>
              {t('conflictChange')}
            </Button>
          </div>
        )}
      </section>
    );

  return (
    <section
      className={styles.root}
      aria-label={t('mergeConflicts', { n: conflicts.length })}
      data-testid="merge-conflicts"
    >
      <Caption1>{t('mergeConflictHelp')}</Caption1>
      {list}
      <div className={styles.actions}>
        {onDecide && (
          <Button
            appearance="primary"
            onClick={apply}
            disabled={busy || chosen === 0}
            data-testid="conflict-apply"
          >
            {t('conflictApply', { n: chosen, total: conflicts.length })}
          </Button>
        )}
        <Button onClick={() => onResolve('return')} disabled={busy}>
          {t('preferReturn')}
        </Button>
        <Button onClick={() => onResolve('master')} disabled={busy}>
          {t('preferMaster')}
        </Button>
      </div>
    </section>
  );
}
