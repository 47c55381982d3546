import {
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { agencyKey, planFromText, type Task } from '../../app/plan-file';
import { errorText } from '../../app/errors';
import type { Workspace } from '../../app/workspace';
import { PlanSummary } from '../components/PlanSummary';
import { PreviewTree } from '../components/PreviewTree';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { NoticeBar, noticeOf, type Notice } from '../components/NoticeBar';
import { TaskEditDialog } from '../components/TaskEditDialog';
import { WarningsList } from '../components/WarningsList';
import {
  applyEdit,
  carryOver,
  editedCount,
  editTask,
  effectivePlan,
  newDraft,
  setIncluded,
  type PlanDraft,
} from '../draft';
import { forgetWork, loadWork, saveWork, type StoredWork } from '../draft-store';
import { formatDateTime, useI18n } from '../i18n';
import { planFileKind } from '../plan-io';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dropActive: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  hiddenInput: { display: 'none' },
  textarea: { width: '100%' },
});

export interface ImportStepProps {
  draft: PlanDraft | null;
  onDraft: (draft: PlanDraft | null) => void;
  onNext: () => void;
  readPlan: Workspace['readPlan'];
  explain: Workspace['explain'];
  /** True once the current draft has gone into a workbook: leaving then loses nothing. */
  built?: boolean;
}

/** How long typing may go on before the work is written to storage. */
const SAVE_DELAY_MS = 400;

export function ImportStep({ draft, onDraft, onNext, readPlan, explain, built = false }: ImportStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [text, setText] = useState(draft?.sourceText ?? '');
  // Work kept from an earlier visit, offered back until the user takes it, drops it or starts anew.
  const [offer, setOffer] = useState<StoredWork | null>(() => (draft ? null : loadWork()));
  const [confirmClear, setConfirmClear] = useState(false);
  const clearButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (offer) return; // nothing is overwritten before the user has answered the offer
    const timer = window.setTimeout(() => saveWork(text, draft), SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, draft, offer]);

  const unsaved = Boolean(text.trim()) && !built;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ''; // older browsers need it set to show their prompt
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [editing, setEditing] = useState<Task | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const included = useMemo(() => (draft ? effectivePlan(draft) : null), [draft]);

  const analyse = (
    source: string,
    loadedFrom: string | null = null,
    parsed?: ReturnType<typeof planFromText>,
  ) => {
    if (!source.trim()) {
      setNotice(noticeOf('error', 'errEmpty'));
      return;
    }
    try {
      const plan = parsed ?? planFromText(source);
      if (plan.tasks.length === 0) {
        setNotice(noticeOf('error', 'errNoTasks'));
        onDraft(null);
        return;
      }
      const fresh = newDraft(plan, source);
      const next = draft ? carryOver(draft, fresh) : fresh;
      onDraft(next);
      setOffer(null);
      const kept = editedCount(next);
      setNotice(
        loadedFrom || kept
          ? {
              intent: loadedFrom ? 'success' : 'info',
              say: (tr) =>
                [loadedFrom && tr('fileLoaded', { name: loadedFrom }), kept && tr('editsKept', { n: kept })]
                  .filter(Boolean)
                  .join(' '),
            }
          : null,
      );
    } catch (e) {
      setNotice({ intent: 'error', say: (tr, l) => tr('errParse', { detail: errorText(e, l) }) });
    }
  };

  const loadFile = async (file: File) => {
    if (!planFileKind(file.name)) {
      setNotice(noticeOf('error', 'errUnsupportedFile', { name: file.name }));
      return;
    }
    setBusy(true);
    setNotice(noticeOf('info', 'reading'));
    try {
      const loaded = await readPlan({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      setText(loaded.text);
      // The plan as read from the file, decoding warnings (legacy encodings…) in its list.
      analyse(loaded.text, file.name, loaded.plan);
    } catch (e) {
      setNotice({ intent: 'error', error: e, prefix: 'errReadFile', params: { name: file.name } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <div
        className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) void loadFile(file);
        }}
        data-testid="drop-zone"
      >
        <Body1>{t('importIntro')}</Body1>
        <Field label={t('pasteLabel')}>
          <Textarea
            className={styles.textarea}
            value={text}
            onChange={(_, data) => setText(data.value)}
            placeholder={t('pastePlaceholder')}
            lang="vi"
            rows={6}
            resize="vertical"
          />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => analyse(text)} disabled={busy}>
            {t('analyse')}
          </Button>
          <Button onClick={() => fileInput.current?.click()} disabled={busy}>
            {t('chooseFile')}
          </Button>
          <input
            ref={fileInput}
            className={styles.hiddenInput}
            type="file"
            accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-label={t('chooseFile')}
            data-testid="plan-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void loadFile(file);
            }}
          />
          {(text || draft) && (
            <Button ref={clearButton} appearance="subtle" onClick={() => setConfirmClear(true)}>
              {t('clear')}
            </Button>
          )}
          {busy && <Spinner size="tiny" />}
        </div>
        <span className={styles.hint}>{t('dropHint')}</span>
      </div>

      {offer && (
        <MessageBar intent="info" data-testid="restore-offer">
          <MessageBarBody>
            {t('restoreOffer', {
              when: formatDateTime(lang, offer.savedAt),
              n: offer.draft ? editedCount(offer.draft) : 0,
            })}
          </MessageBarBody>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              size="small"
              onClick={() => {
                setText(offer.text);
                onDraft(offer.draft);
                setOffer(null);
                setNotice(noticeOf('success', 'restored'));
              }}
            >
              {t('restore')}
            </Button>
            <Button
              size="small"
              onClick={() => {
                forgetWork();
                setOffer(null);
              }}
            >
              {t('restoreDiscard')}
            </Button>
          </div>
        </MessageBar>
      )}

      {confirmClear && (
        <ConfirmDialog
          title={t('clearConfirmTitle')}
          body={
            draft && editedCount(draft)
              ? t('clearConfirmEdits', { n: editedCount(draft) })
              : t('clearConfirm')
          }
          confirm={t('clear')}
          onConfirm={() => {
            setConfirmClear(false);
            setText('');
            onDraft(null);
            setNotice(null);
            forgetWork();
          }}
          onCancel={() => setConfirmClear(false)}
        />
      )}

      <NoticeBar notice={notice} explain={explain} />

      {draft && included && (
        <>
          <PlanSummary plan={draft.plan} included={included} />
          <WarningsList warnings={draft.plan.warnings} />
          <PreviewTree
            plan={{ ...draft.plan, agencies: [...draft.plan.agencies, ...draft.extraAgencies] }}
            excluded={draft.excluded}
            edits={draft.edits}
            onToggleSection={(id, on) => onDraft(setIncluded(draft, id, on))}
            onEditTask={setEditing}
          />
          <div className={styles.actions}>
            <Button appearance="primary" onClick={onNext} disabled={included.tasks.length === 0}>
              {t('next')}
            </Button>
          </div>
        </>
      )}

      {draft && editing && (
        <TaskEditDialog
          task={applyEdit(editing, draft.edits[editing.id])}
          agencies={[...draft.plan.agencies, ...draft.extraAgencies]}
          due={
            applyEdit(editing, draft.edits[editing.id]).deadlines.find((d) => d.category === 'due')?.due ??
            null
          }
          onClose={() => setEditing(null)}
          onSave={(edit, typedName) => {
            const agency = typedName ? { key: agencyKey(typedName), name: typedName } : undefined;
            onDraft(editTask(draft, editing.id, agency ? { ...edit, lead: agency.key } : edit, agency));
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
