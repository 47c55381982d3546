import { Badge, Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Task } from '../../app/plan-file';
import { useI18n } from '../i18n';
import { DeadlineChip } from './DeadlineChip';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  excluded: { opacity: 0.55 },
  text: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    lineHeight: tokens.lineHeightBase300,
    fontSize: tokens.fontSizeBase300,
  },
  number: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  lead: { color: tokens.colorNeutralForeground2 },
  noLead: { color: tokens.colorPaletteRedForeground1 },
  edit: { marginLeft: 'auto' },
});

export interface TaskRowProps {
  task: Task;
  leadName: string | null;
  /** Partner agencies' names, as the plan writes them. */
  partnerNames?: string[];
  edited: boolean;
  included: boolean;
  onEdit: (task: Task) => void;
}

/** A task in the preview: number and text, lead agency, deadline chips, an edit button. */
export function TaskRow({ task, leadName, partnerNames = [], edited, included, onEdit }: TaskRowProps) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <li className={mergeClasses(styles.row, !included && styles.excluded)} data-task-id={task.id}>
      <div className={styles.text} title={task.text} lang="vi">
        <span className={styles.number}>{task.number}.</span>
        {task.text}
      </div>
      <div className={styles.meta}>
        <Caption1 className={leadName ? styles.lead : styles.noLead} data-testid="task-lead">
          {leadName ? <span lang="vi">{leadName}</span> : t('noLead')}
        </Caption1>
        {partnerNames.length > 0 && (
          <Caption1 className={styles.lead} data-testid="task-partners">
            {t('partnersShort')} <span lang="vi">{partnerNames.join(', ')}</span>
          </Caption1>
        )}
        {task.deadlines.map((d, i) => (
          <DeadlineChip key={i} deadline={d} />
        ))}
        {edited && (
          <Badge appearance="outline" color="brand" size="small">
            {t('edited')}
          </Badge>
        )}
        <Button
          className={styles.edit}
          size="small"
          appearance="subtle"
          aria-label={t('editTask', { id: task.id })}
          onClick={() => onEdit(task)}
        >
          {t('editTaskShort')}
        </Button>
      </div>
    </li>
  );
}
