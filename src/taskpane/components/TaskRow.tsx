import { Badge, Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
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
  full: { lineHeight: tokens.lineHeightBase300, fontSize: tokens.fontSizeBase300, whiteSpace: 'pre-wrap' },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, color: 'inherit', padding: '0 2px' },
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

/** The text with each deadline phrase the parser read marked, so the user sees what it understood. */
function withDeadlines(text: string, phrases: string[], markClass: string): ReactNode[] {
  const found = phrases
    .filter(Boolean)
    .map((p) => ({ p, at: text.indexOf(p) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at);
  const out: ReactNode[] = [];
  let pos = 0;
  for (const { p, at } of found) {
    if (at < pos) continue;
    out.push(
      text.slice(pos, at),
      <mark key={at} className={markClass} data-testid="deadline-phrase">
        {p}
      </mark>,
    );
    pos = at + p.length;
  }
  out.push(text.slice(pos));
  return out;
}

/** A task in the preview: number and text (all of it on demand), lead agency, deadline chips, an edit button. */
export function TaskRow({ task, leadName, partnerNames = [], edited, included, onEdit }: TaskRowProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [full, setFull] = useState(false);
  const textId = `task-text-${task.id}`;
  return (
    <li className={mergeClasses(styles.row, !included && styles.excluded)} data-task-id={task.id}>
      <div className={full ? styles.full : styles.text} id={textId} lang="vi" data-testid="task-text">
        <span className={styles.number}>{task.number}.</span>
        {full
          ? withDeadlines(
              task.text,
              task.deadlines.map((d) => d.raw),
              styles.mark,
            )
          : task.text}
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
        {task.confidence === 'low' && !edited && (
          <Badge appearance="tint" color="danger" size="small" data-testid="to-review">
            {t('confidenceLow')}
          </Badge>
        )}
        {edited && (
          <Badge appearance="outline" color="brand" size="small">
            {t('edited')}
          </Badge>
        )}
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={full}
          aria-controls={textId}
          aria-label={full ? t('hideFullText', { id: task.id }) : t('showFullText', { id: task.id })}
          onClick={() => setFull((f) => !f)}
          className={styles.edit}
        >
          {full ? t('hideFullShort') : t('showFullShort')}
        </Button>
        <Button
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
