import {
  Button,
  Caption1,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Option,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Agency, Task } from '../../app/plan-file';
import { columnHeader } from '../../model/columns';
import { CATEGORY_LABELS } from '../../model/labels';
import { localize } from '../../model/msg';
import type { DeadlineCategory } from '../../model/vocabulary';
import { primaryCategory, type TaskEdit } from '../draft';
import { useI18n } from '../i18n';
import { DateField } from './DateField';

const CATEGORIES: DeadlineCategory[] = ['ongoing', 'periodic', 'due', 'external', 'none'];

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  reasons: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  raw: { color: tokens.colorNeutralForeground3 },
  position: { color: tokens.colorNeutralForeground3 },
});

export interface TaskEditDialogProps {
  /** The task as it stands (earlier edits applied). */
  task: Task;
  agencies: Agency[];
  onSave: (edit: TaskEdit, typedAgencyName: string | null) => void;
  onClose: () => void;
  /** Going through the tasks to review: where this one is, and how to move on without saving. */
  review?: { index: number; total: number; onSkip: () => void };
}

/**
 * Everything the parser can read wrong in a task: its text, lead agency (one the plan names, or
 * typed), partners, the kind of deadline and its date. The reasons the parser was unsure of it
 * come first, so the user knows what to look at.
 */
export function TaskEditDialog({ task, agencies, onSave, onClose, review }: TaskEditDialogProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const current = agencies.find((a) => a.key === task.lead) ?? null;
  const [text, setText] = useState(task.text);
  const [leadText, setLeadText] = useState(current?.name ?? '');
  const [leadKey, setLeadKey] = useState<string | null>(current?.key ?? null);
  const [partners, setPartners] = useState<string[]>(task.partners);
  const [category, setCategory] = useState<DeadlineCategory>(primaryCategory(task));
  const [dueIso, setDueIso] = useState<string | null>(
    task.deadlines.find((d) => d.category === 'due')?.due ?? null,
  );
  const [dueValid, setDueValid] = useState(true);
  const needsDate = category === 'due' && !dueIso;
  const valid = dueValid && !needsDate && text.trim() !== '';
  const nameOf = (key: string) => agencies.find((a) => a.key === key)?.name ?? key;
  const raw = task.deadlines.map((d) => d.raw).filter(Boolean);

  const save = () => {
    const typed = leadText.trim();
    const picked =
      agencies.find((a) => a.key === leadKey && a.name === typed) ?? agencies.find((a) => a.name === typed);
    const edit: TaskEdit = { category };
    if (category === 'due') edit.due = dueIso;
    if (text.trim() !== task.text) edit.text = text.trim();
    if (partners.join('\n') !== task.partners.join('\n')) edit.partners = partners;
    if (!typed) edit.lead = null;
    else if (picked) edit.lead = picked.key;
    onSave(edit, typed && !picked ? typed : null);
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('editTaskTitle', { id: task.id })}</DialogTitle>
            <DialogContent className={styles.content}>
              {review && (
                <Caption1 className={styles.position} role="status">
                  {t('reviewPosition', { i: review.index + 1, n: review.total })}
                </Caption1>
              )}
              {task.reasons && task.reasons.length > 0 && (
                <ul className={styles.reasons} aria-label={t('reviewReasons')} data-testid="task-reasons">
                  {task.reasons.map((r) => (
                    <li key={r.code}>{localize(r.msg, lang)}</li>
                  ))}
                </ul>
              )}
              <Field label={t('taskTextLabel')} validationState={text.trim() ? 'none' : 'error'}>
                <Textarea
                  value={text}
                  onChange={(_, data) => setText(data.value)}
                  rows={5}
                  resize="vertical"
                  lang="vi"
                />
              </Field>
              <Field label={columnHeader('lead', lang)}>
                <Combobox
                  freeform
                  value={leadText}
                  selectedOptions={leadKey ? [leadKey] : []}
                  onChange={(e) => {
                    setLeadText(e.target.value);
                    setLeadKey(null);
                  }}
                  onOptionSelect={(_, data) => {
                    setLeadKey(data.optionValue ?? null);
                    setLeadText(data.optionText ?? '');
                  }}
                >
                  {agencies.map((a) => (
                    <Option key={a.key} value={a.key} lang="vi">
                      {a.name}
                    </Option>
                  ))}
                </Combobox>
              </Field>
              <Field label={columnHeader('partners', lang)} hint={t('partnersHint')}>
                <Combobox
                  multiselect
                  value={partners.map(nameOf).join(', ')}
                  selectedOptions={partners}
                  onOptionSelect={(_, data) => setPartners(data.selectedOptions)}
                >
                  {agencies
                    .filter((a) => a.key !== leadKey)
                    .map((a) => (
                      <Option key={a.key} value={a.key} lang="vi">
                        {a.name}
                      </Option>
                    ))}
                </Combobox>
              </Field>
              <Field
                label={t('categoryLabel')}
                hint={raw.length ? t('rawDeadline', { raw: raw.join('; ') }) : undefined}
              >
                <Dropdown
                  value={localize(CATEGORY_LABELS[category], lang)}
                  selectedOptions={[category]}
                  onOptionSelect={(_, data) =>
                    data.optionValue && setCategory(data.optionValue as DeadlineCategory)
                  }
                  data-testid="category"
                >
                  {CATEGORIES.map((c) => (
                    <Option key={c} value={c}>
                      {localize(CATEGORY_LABELS[c], lang)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              {category === 'due' && (
                <DateField
                  label={t('dueLabel')}
                  hint={t('dueHint')}
                  value={dueIso}
                  required
                  onChange={(iso, ok) => {
                    setDueValid(ok);
                    if (ok) setDueIso(iso);
                  }}
                />
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={!valid}>
                {review ? t('saveNext') : t('save')}
              </Button>
              {review && (
                <Button appearance="secondary" onClick={review.onSkip}>
                  {t('reviewSkip')}
                </Button>
              )}
              <Button appearance="secondary" onClick={onClose}>
                {review ? t('reviewStop') : t('cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
