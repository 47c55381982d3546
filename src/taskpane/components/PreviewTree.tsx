import { Button, Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Plan, Task } from '../../app/plan-file';
import { applyEdit, groupTasks, type TaskEdit } from '../draft';
import { useI18n } from '../i18n';
import { TaskRow } from './TaskRow';

const useStyles = makeStyles({
  tree: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  part: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  partHead: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  partLabel: { flexGrow: 1, minWidth: 0 },
  partHeading: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  partMeta: { display: 'block', color: tokens.colorNeutralForeground3 },
  toggle: { flexShrink: 0, minWidth: '32px' },
  groups: { listStyleType: 'none', margin: 0, padding: `0 0 0 ${tokens.spacingHorizontalS}` },
  group: { marginTop: tokens.spacingVerticalS },
  groupHeading: {
    margin: `0 0 ${tokens.spacingVerticalXXS} 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  tasks: { listStyleType: 'none', margin: 0, padding: 0 },
});

export interface PreviewTreeProps {
  plan: Plan;
  excluded: string[];
  edits: Record<string, TaskEdit>;
  onToggleSection: (sectionId: string, included: boolean) => void;
  onEditTask: (task: Task) => void;
}

/** Part → group (usually the agency heading) → task, with a checkbox per part. */
export function PreviewTree({ plan, excluded, edits, onToggleSection, onEditTask }: PreviewTreeProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const agencyName = new Map(plan.agencies.map((a) => [a.key, a.name]));
  const firstWithTasks = plan.sections.find((s) => plan.tasks.some((task) => task.section === s.id))?.id;
  const [open, setOpen] = useState<Record<string, boolean>>(firstWithTasks ? { [firstWithTasks]: true } : {});

  return (
    <ul className={styles.tree} aria-label={t('previewTitle')}>
      {plan.sections.map((section) => {
        const tasks = plan.tasks
          .filter((task) => task.section === section.id)
          .map((task) => applyEdit(task, edits[task.id]));
        const included = !excluded.includes(section.id);
        const expanded = Boolean(open[section.id]) && tasks.length > 0;
        const listId = `part-${section.id}-tasks`;
        return (
          <li
            key={section.id}
            className={styles.part}
            data-section={section.id}
            aria-label={`${section.id}. ${section.heading}`}
          >
            <div className={styles.partHead}>
              <Checkbox
                checked={included}
                disabled={tasks.length === 0}
                onChange={(_, data) => onToggleSection(section.id, Boolean(data.checked))}
                aria-label={t('partInclude', { id: section.id })}
              />
              <div className={styles.partLabel}>
                <span className={styles.partHeading}>
                  {section.id}. <span lang="vi">{section.heading}</span>
                </span>
                <Caption1 className={styles.partMeta}>
                  {tasks.length ? t('partTasks', { n: tasks.length }) : t('partContext')}
                </Caption1>
              </div>
              {tasks.length > 0 && (
                <Button
                  className={styles.toggle}
                  size="small"
                  appearance="subtle"
                  aria-expanded={expanded}
                  aria-controls={listId}
                  aria-label={
                    expanded ? t('collapsePart', { id: section.id }) : t('expandPart', { id: section.id })
                  }
                  onClick={() => setOpen((o) => ({ ...o, [section.id]: !expanded }))}
                >
                  {expanded ? '▾' : '▸'}
                </Button>
              )}
            </div>
            {expanded && (
              <ul className={styles.groups} id={listId}>
                {groupTasks(tasks).map((g, gi) => (
                  <li key={gi} className={styles.group}>
                    {g.group && (
                      <h3 className={styles.groupHeading} lang="vi">
                        {g.group}
                      </h3>
                    )}
                    <ul className={styles.tasks}>
                      {g.tasks.map((task) => (
                        <TaskRow
                          key={task.id}
                          task={task}
                          leadName={task.lead ? (agencyName.get(task.lead) ?? task.lead) : null}
                          partnerNames={task.partners.map((p) => agencyName.get(p) ?? p)}
                          edited={Boolean(edits[task.id])}
                          included={included}
                          onEdit={onEditTask}
                        />
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
