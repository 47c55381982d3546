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
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { agencyKey, planFromText } from '../../app/plan-file';
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
  draftWarnings,
  markReviewed,
  toReview,
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
  previewHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    scrollMarginTop: tokens.spacingVerticalM,
  },
});

export interface ImportStepProps {
  draft: PlanDraft | null;
  onDraft: (draft: PlanDraft | null) => void;
  onNext: () => void;
  readPlan: Workspace['readPlan'];
  explain: Workspace['explain'];
  /** True once the current draft has gone into a workbook: leaving then loses nothing. */
  built?: boolean;
  /** Shown under the preview: adding the plan to the master already open, instead of a new one. */
  addToMaster?: ReactNode;
}

/** How long typing may go on before the work is written to storage. */
const SAVE_DELAY_MS = 400;

export function ImportStep({
  draft,
  onDraft,
  onNext,
  readPlan,
  explain,
  built = false,
  addToMaster,
}: ImportStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [text, setText] = useState(draft?.sourceText ?? '');
  // Work kept from an earlier visit, offered back until the user takes it, drops it or starts anew.
  const [offer, setOffer] = useState<StoredWork | null>(() => (draft ? null : loadWork()));
  const [confirmClear, setConfirmClear] = useState(false);
  const clearButton = useRef<HTMLButtonElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);

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
  // The task in the edit dialog; `queue` lists the tasks of a review, in order, when in one.
  const [editing, setEditing] = useState<{ id: string; queue: string[] | null } | null>(null);
  const [reviewStarted, setReviewStarted] = useState(false);
  // After Phân tích the preview is brought into view and focused, so it is seen and announced.
  const [focusPreview, setFocusPreview] = useState(false);
  useEffect(() => {
    if (!focusPreview || !previewHeading.current) return;
    setFocusPreview(false);
    previewHeading.current.focus({ preventScroll: true });
    previewHeading.current.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  });
  const previewHeading = useRef<HTMLHeadingElement>(null);
  // Where the focus was when a dialog opened: it goes back there when the dialog closes.
  const returnFocus = useRef<HTMLElement | null>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (!editing && wasEditing.current) {
      const back = returnFocus.current;
      // The review button goes away when nothing is left to review: then the preview takes the focus.
      (back && back.isConnected ? back : previewHeading.current)?.focus();
    }
    wasEditing.current = Boolean(editing);
  }, [editing]);
  const openEditor = (state: { id: string; queue: string[] | null }) => {
    // Taken now: once the dialog is up, the focus is inside it.
    returnFocus.current = document.activeElement as HTMLElement | null;
    setEditing(state);
  };
  const editingTask = editing && draft ? (draft.plan.tasks.find((x) => x.id === editing.id) ?? null) : null;
  const reviewCount = draft ? toReview(draft).length : 0;

  const startReview = () => {
    if (!draft) return;
    const queue = toReview(draft).map((x) => x.id);
    if (queue.length === 0) return;
    setReviewStarted(true);
    openEditor({ id: queue[0], queue });
  };

  /** Next task of the review after this one, or the end of the review. */
  const moveOn = (next: PlanDraft) => {
    onDraft(next);
    const queue = editing?.queue;
    if (!queue || !editing) return setEditing(null);
    const after = queue.slice(queue.indexOf(editing.id) + 1);
    setEditing(after.length ? { id: after[0], queue } : null);
  };
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
      // Phân tích again on the box keeps the corrections; a file chosen is a fresh import.
      const next = draft && !loadedFrom ? carryOver(draft, fresh) : fresh;
      onDraft(next);
      setOffer(null);
      setFocusPreview(true);
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
            ref={textArea}
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
            // The Xóa button is gone with the text: the empty box is where to go on.
            window.setTimeout(() => textArea.current?.focus());
          }}
          onCancel={() => {
            setConfirmClear(false);
            window.setTimeout(() => clearButton.current?.focus());
          }}
        />
      )}

      <NoticeBar notice={notice} explain={explain} />

      {draft && included && (
        <>
          <h2
            ref={previewHeading}
            tabIndex={-1}
            className={styles.previewHeading}
            data-testid="preview-heading"
          >
            {t('previewTitle')}
          </h2>
          <PlanSummary plan={draft.plan} included={included} />
          {reviewCount > 0 ? (
            <MessageBar intent="warning" data-testid="review-bar">
              <MessageBarBody>{t('reviewIntro', { n: reviewCount })}</MessageBarBody>
              <Button appearance="primary" size="small" onClick={startReview}>
                {t('reviewButton', { n: reviewCount })}
              </Button>
            </MessageBar>
          ) : (
            reviewStarted && (
              <MessageBar intent="success" role="status">
                <MessageBarBody>{t('reviewAllDone')}</MessageBarBody>
              </MessageBar>
            )
          )}
          <WarningsList warnings={draftWarnings(draft)} />
          <PreviewTree
            plan={{ ...draft.plan, agencies: [...draft.plan.agencies, ...draft.extraAgencies] }}
            excluded={draft.excluded}
            edits={draft.edits}
            onToggleSection={(id, on) => onDraft(setIncluded(draft, id, on))}
            onEditTask={(task) => openEditor({ id: task.id, queue: null })}
          />
          <div className={styles.actions}>
            <Button appearance="primary" onClick={onNext} disabled={included.tasks.length === 0}>
              {t('next')}
            </Button>
          </div>
          {addToMaster}
        </>
      )}

      {draft && editingTask && editing && (
        <TaskEditDialog
          key={editingTask.id}
          task={applyEdit(editingTask, draft.edits[editingTask.id])}
          agencies={[...draft.plan.agencies, ...draft.extraAgencies]}
          review={
            editing.queue
              ? {
                  index: editing.queue.indexOf(editingTask.id),
                  total: editing.queue.length,
                  onSkip: () => moveOn(markReviewed(draft, editingTask.id)),
                }
              : undefined
          }
          onClose={() => setEditing(null)}
          onSave={(edit, typedName) => {
            const agency = typedName ? { key: agencyKey(typedName), name: typedName } : undefined;
            const next = editTask(
              draft,
              editingTask.id,
              agency ? { ...edit, lead: agency.key } : edit,
              agency,
            );
            if (editing.queue) moveOn(markReviewed(next, editingTask.id));
            else {
              onDraft(next);
              setEditing(null);
            }
          }}
        />
      )}
    </div>
  );
}
