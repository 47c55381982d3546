import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Radar, RadarItem } from '../../app/report';
import { formatDate, useI18n } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `4px solid ${tokens.colorPaletteBlueBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  overdue: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  text: { overflow: 'hidden', textOverflow: 'ellipsis' },
  days: { fontVariantNumeric: 'tabular-nums', textAlign: 'right' },
});

export interface RadarViewProps {
  radar: Radar;
  /** Selects the task's row in the open workbook; absent outside Excel. */
  onGo?: (item: RadarItem) => void;
  /** How many items to show before the rest is summed up. */
  limit?: number;
}

/** What is overdue and what falls due in the next days: agency, task, due date, days left. */
export function RadarView({ radar, onGo, limit = 50 }: RadarViewProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const shown = radar.items.slice(0, limit);
  return (
    <section className={styles.root} aria-label={t('radarTitle')} data-testid="radar">
      <Caption1 className={styles.head}>
        {t('radarTitle')} — {t('radarWindow', { days: radar.days, until: formatDate(lang, radar.until) })}
      </Caption1>
      <Caption1>{t('radarCounts', { overdue: radar.overdue, soon: radar.dueSoon })}</Caption1>
      {radar.items.length === 0 ? (
        <Caption1>{t('radarNone')}</Caption1>
      ) : (
        <ul className={styles.list}>
          {shown.map((item) => (
            <li
              key={`${item.rowIndex}`}
              className={`${styles.item} ${item.kind === 'overdue' ? styles.overdue : ''}`}
              data-kind={item.kind}
            >
              <div className={styles.text}>
                <Caption1 block>
                  <strong>{item.taskId}</strong> · {item.lead || t('radarNoLead')}
                </Caption1>
                <Caption1 block>{item.text}</Caption1>
              </div>
              <div className={styles.days}>
                <Caption1 block>{formatDate(lang, item.due)}</Caption1>
                <Caption1 block>
                  {item.daysLeft < 0
                    ? t('radarDaysLate', { n: -item.daysLeft })
                    : t('radarDaysLeft', { n: item.daysLeft })}
                </Caption1>
                {onGo && (
                  <Button size="small" appearance="transparent" onClick={() => onGo(item)}>
                    {t('radarGo')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {radar.items.length > shown.length && (
        <Caption1>{t('radarMore', { n: radar.items.length - shown.length })}</Caption1>
      )}
    </section>
  );
}
