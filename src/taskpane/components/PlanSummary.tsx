import { Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Plan } from '../../app/plan-file';
import type { DeadlineCategory } from '../../model/vocabulary';
import { CATEGORY_LABELS } from '../../model/labels';
import { agenciesInvolved, countByCategory } from '../draft';
import { formatDate, useI18n } from '../i18n';

const CATEGORIES: DeadlineCategory[] = ['due', 'ongoing', 'periodic', 'external', 'none'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Plan titles run to several lines; four are enough to recognise it, the rest is in the tooltip.
  title: {
    overflowWrap: 'anywhere',
    display: '-webkit-box',
    WebkitLineClamp: 4,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  meta: { color: tokens.colorNeutralForeground3 },
  stats: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(84px, 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  stat: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  statValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  statLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  cats: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  cat: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** Title, number and date of the plan, and the counts the user checks before building. */
export function PlanSummary({ plan, included }: { plan: Plan; included: Plan }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const byCat = countByCategory(included.tasks);
  const stat = (id: string, label: string, value: number) => (
    <div className={styles.stat} data-testid={id}>
      <dd className={styles.statValue}>{value}</dd>
      <dt className={styles.statLabel}>{label}</dt>
    </div>
  );
  return (
    <div className={styles.root} data-testid="plan-summary">
      <Subtitle2 as="h2" className={styles.title} title={plan.title} lang="vi">
        {plan.title}
      </Subtitle2>
      <Caption1 className={styles.meta}>
        {[
          plan.number && `${t('planNumber')}: ${plan.number}`,
          plan.issuedOn && `${t('planDate')}: ${formatDate(lang, plan.issuedOn)}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Caption1>
      <dl className={styles.stats}>
        {stat('count-tasks', t('countTasks'), plan.tasks.length)}
        {stat('count-agencies', t('countAgencies'), agenciesInvolved(plan.tasks))}
        {stat('count-included', t('countIncluded'), included.tasks.length)}
      </dl>
      <ul className={styles.cats} aria-label={t('byCategory')}>
        {CATEGORIES.filter((c) => byCat[c] > 0).map((c) => (
          <li key={c} className={styles.cat} data-category={c}>
            {CATEGORY_LABELS[c][lang]}: <strong>{byCat[c]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
