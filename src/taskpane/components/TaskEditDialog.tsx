import {
  Button,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Option,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Agency, Task } from '../../app/plan-file';
import { columnHeader } from '../../model/columns';
import type { TaskEdit } from '../draft';
import { DateField } from './DateField';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  text: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    maxHeight: '6em',
    overflowY: 'auto',
  },
});

export interface TaskEditDialogProps {
  task: Task;
  agencies: Agency[];
  /** The task's current due date (after earlier edits), ISO or null. */
  due: string | null;
  onSave: (edit: TaskEdit, typedAgencyName: string | null) => void;
  onClose: () => void;
}

/** Fix a task's lead agency (pick one the plan names, or type another) and its due date. */
export function TaskEditDialog({ task, agencies, due, onSave, onClose }: TaskEditDialogProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const current = agencies.find((a) => a.key === task.lead) ?? null;
  const [leadText, setLeadText] = useState(current?.name ?? '');
  const [leadKey, setLeadKey] = useState<string | null>(current?.key ?? null);
  const [dueIso, setDueIso] = useState<string | null>(due);
  const [dueValid, setDueValid] = useState(true);

  const save = () => {
    const typed = leadText.trim();
    const picked =
      agencies.find((a) => a.key === leadKey && a.name === typed) ?? agencies.find((a) => a.name === typed);
    const edit: TaskEdit = { due: dueIso };
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
            if (dueValid) save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('editTaskTitle', { id: task.id })}</DialogTitle>
            <DialogContent className={styles.content}>
              <div className={styles.text} lang="vi">
                {task.text}
              </div>
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
              <DateField
                label={t('dueLabel')}
                hint={t('dueHint')}
                value={dueIso}
                onChange={(iso, valid) => {
                  setDueValid(valid);
                  if (valid) setDueIso(iso);
                }}
              />
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={!dueValid}>
                {t('save')}
              </Button>
              <Button appearance="secondary" onClick={onClose}>
                {t('cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
