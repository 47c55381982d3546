import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { SummaryRow } from '../../app/summary';
import { DEADLINE_STATES, type DeadlineState } from '../../model/vocabulary';
import { STATE_LABELS } from '../../model/labels';
import { localizeAll } from '../../model/msg';
import { useI18n } from '../i18n';
import { STATE_HEX } from '../state-colors';

/** Colours distinct for colour-blind readers too (../state-colors.ts, checked by simulation). */
export const STATE_COLORS: Record<DeadlineState, string> = STATE_HEX;

const useStyles = makeStyles({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  legendItem: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
  },
  swatch: { width: '10px', height: '10px', borderRadius: '2px', flexShrink: 0 },
  rows: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  head: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  rate: { whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2 },
  bar: {
    display: 'flex',
    height: '12px',
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  counts: { color: tokens.colorNeutralForeground3 },
});

function percent(lang: 'vi' | 'en', rate: number): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(rate);
}

/**
 * One stacked bar per agency (the "small bar chart"), with the numbers written out beside it so
 * the chart is never the only way to read them.
 */
export function AgencySummary({ rows }: { rows: SummaryRow[] }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const labels = localizeAll(STATE_LABELS, lang);
  return (
    <div>
      <ul className={styles.legend} aria-hidden="true">
        {DEADLINE_STATES.map((s) => (
          <li key={s} className={styles.legendItem}>
            <span className={styles.swatch} style={{ backgroundColor: STATE_COLORS[s] }} />
            {labels[s]}
          </li>
        ))}
      </ul>
      <ul className={styles.rows} aria-label={t('summaryChart')} data-testid="agency-summary">
        {rows.map((r) => {
          const described = DEADLINE_STATES.filter((s) => r.counts[s] > 0)
            .map((s) => `${labels[s]}: ${r.counts[s]}`)
            .join('; ');
          return (
            <li key={r.key || '-'} className={styles.row} data-agency={r.key}>
              <div className={styles.head}>
                <span className={styles.name}>{r.label || t('noAgency')}</span>
                <span className={styles.rate}>
                  {r.completionRate !== null
                    ? percent(lang, r.completionRate)
                    : r.counts.in_progress_on_time > 0
                      ? t('summaryRateNone')
                      : t('summaryRateNoDeadline')}
                </span>
              </div>
              {/* An agency with nothing in the period has an empty bar: it is still named. */}
              <div className={styles.bar} role="img" aria-label={described || `${t('summaryTotal')}: 0`}>
                {DEADLINE_STATES.filter((s) => r.counts[s] > 0).map((s) => (
                  <span
                    key={s}
                    title={`${labels[s]}: ${r.counts[s]}`}
                    style={{ width: `${(100 * r.counts[s]) / r.total}%`, backgroundColor: STATE_COLORS[s] }}
                  />
                ))}
              </div>
              <Caption1
                className={styles.counts}
              >{`${t('summaryTotal')}: ${r.total}${described ? ` · ${described}` : ''}`}</Caption1>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
