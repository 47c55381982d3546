import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { MergeConflict } from '../../app/share';
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
});

/** A cell value as staff wrote it: dates as dates, progress with its percent sign. */
export function showCell(lang: Lang, column: string, raw: RawCell, blank: string): string {
  if (raw === null || raw === '') return blank;
  if (isDateColumn(column) && typeof raw === 'number') return formatDate(lang, serialToIso(raw));
  // The column holds the percentage itself (0–100), as staff type it.
  if (column === 'progress' && typeof raw === 'number') return `${raw}%`;
  return String(raw);
}

export interface MergeConflictViewProps {
  conflicts: MergeConflict[];
  onResolve: (prefer: 'return' | 'master') => void;
  busy?: boolean;
}

/** Cells both the master and an agency changed: the three values side by side, and the choice. */
export function MergeConflictView({ conflicts, onResolve, busy }: MergeConflictViewProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const blank = t('mergeBlank');
  return (
    <section
      className={styles.root}
      aria-label={t('mergeConflicts', { n: conflicts.length })}
      data-testid="merge-conflicts"
    >
      <Caption1>{t('mergeConflictHelp')}</Caption1>
      <ul className={styles.list}>
        {conflicts.map((c, i) => (
          <li
            key={`${c.file}-${c.taskId}-${c.column}-${i}`}
            className={styles.item}
            data-task-id={c.taskId}
            data-column={c.column}
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
                className={c.resolution === 'master' ? `${styles.value} ${styles.chosen}` : styles.value}
                data-side="master"
              >
                {showCell(lang, c.column, c.master, blank)}
              </dd>
              <dt className={styles.term}>{t('conflictReturn')}</dt>
              <dd
                className={c.resolution === 'return' ? `${styles.value} ${styles.chosen}` : styles.value}
                data-side="return"
              >
                {showCell(lang, c.column, c.return, blank)}
              </dd>
            </dl>
          </li>
        ))}
      </ul>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => onResolve('return')} disabled={busy}>
          {t('preferReturn')}
        </Button>
        <Button onClick={() => onResolve('master')} disabled={busy}>
          {t('preferMaster')}
        </Button>
      </div>
    </section>
  );
}
