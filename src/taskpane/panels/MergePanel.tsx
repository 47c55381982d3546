import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { NamedFile } from '../../app/files';
import type { OpenMergeOutcome } from '../../app/merge-open';
import { changeLine, type ConflictDecision, type MergePlan } from '../../app/share';
import type { LiveWorkbook, Workspace } from '../../app/workspace';
import { localize } from '../../model/msg';
import { MergeConflictView } from '../components/MergeConflictView';
import { downloadBytes } from '../download';
import { useAsyncAction } from '../hooks/useAsyncAction';
import { useI18n } from '../i18n';
import { ErrorNotice } from './ErrorNotice';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hiddenInput: { display: 'none' },
});

export interface MergePanelProps {
  /** The master as a file; absent until a tracking workbook is loaded. */
  master?: () => Promise<NamedFile>;
  merge: Workspace['merge'];
  explain: Workspace['explain'];
  /** The merged master, to become the current one (returns arrive one at a time). */
  onMerged?: (file: NamedFile) => Promise<void>;
  /**
   * Inside Excel: merge into the open workbook instead of a downloaded copy. The plan is shown
   * first; on confirmation it is made again against the workbook as it is then, and written.
   */
  intoOpen?: LiveWorkbook['merge'];
  /** After a merge was written into the open workbook (to read it again). */
  onWritten?: () => Promise<void>;
}

type Prefer = 'return' | 'master' | null;

/** What the last run showed: a file merge (with the merged copy) or a merge into the open workbook. */
type MergeShown =
  | { kind: 'file'; plan: MergePlan; merged: NamedFile | null }
  | {
      kind: 'open';
      plan: MergePlan;
      prefer: Prefer;
      decisions: ConflictDecision[];
      written: OpenMergeOutcome['written'];
    };

/** A plan the open workbook can take: every return accepted, every conflict decided, something to write. */
const writable = (plan: MergePlan) => plan.ok && (plan.changes.length > 0 || plan.sync.length > 0);

const pad = (n: number) => String(n).padStart(2, '0');

/** `Theo dõi.xlsx` → `Theo dõi - gộp 2024-06-14 10.32.xlsx`; an earlier stamp is replaced. */
export function mergedFileName(master: string, word: string, at: Date): string {
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}.${pad(at.getMinutes())}`;
  const base = master
    .replace(/\.xlsx$/i, '')
    .replace(/ - \S+ \d{4}-\d{2}-\d{2} \d{2}\.\d{2}(?: \(\d+\))?$/, '');
  return `${base} - ${word} ${stamp}.xlsx`;
}

/** Merging the copies agencies sent back: refusals, conflicts to decide, then the merged master. */
export function MergePanel({ master, merge, explain, onMerged, intoOpen, onWritten }: MergePanelProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [returns, setReturns] = useState<NamedFile[]>([]);
  const action = useAsyncAction(
    async (
      files: NamedFile[],
      prefer: Prefer,
      write: boolean,
      decisions: ConflictDecision[] = [],
    ): Promise<MergeShown> => {
      if (intoOpen) {
        // Planned again against the workbook as it is now, with the same choices.
        const r = await intoOpen(files, { prefer, decisions, write, lang });
        if (r.written) await onWritten?.();
        return { kind: 'open', plan: r.plan, prefer, decisions, written: r.written };
      }
      const file = await (master as () => Promise<NamedFile>)();
      const result = await merge(file, files, { prefer, decisions });
      let merged: NamedFile | null = null;
      if (result.output) {
        // A minute-stamped name per download; two merges in one minute still differ.
        let name = mergedFileName(file.name, t('fileMergedAt'), new Date());
        if (name === file.name) name = name.replace(/\.xlsx$/i, ' (2).xlsx');
        merged = { name, bytes: result.output };
        await onMerged?.(merged);
      }
      return { kind: 'file', plan: result.plan, merged };
    },
  );
  const done = action.result;
  const plan = done?.plan;

  const pickReturns = async (list: FileList) => {
    const files = await Promise.all(
      [...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    setReturns(files);
    await action.run(files, null, false);
  };

  const summary = () => {
    if (!plan) return null;
    if (done?.kind === 'open' && done.written)
      return {
        intent: 'success' as const,
        text: t('mergeWritten', {
          cells: done.written.cells,
          rows: done.written.historyRows,
          sheet: done.written.historySheet,
        }),
      };
    const changes = plan.changes.length;
    if (plan.refused.length) return { intent: 'error' as const, text: t('mergeRefused') };
    if (!plan.ok)
      return { intent: 'warning' as const, text: t('mergeConflicts', { n: plan.conflicts.length }) };
    return {
      intent: 'success' as const,
      text: changes ? t('mergeSummary', { changes, files: plan.files.length }) : t('mergeNoChange'),
    };
  };
  const notice = summary();

  return (
    <section className={styles.block} aria-labelledby="merge-title">
      <Subtitle2 as="h2" id="merge-title" className={styles.heading}>
        {t('mergeTitle')}
      </Subtitle2>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => input.current?.click()}
          disabled={(!master && !intoOpen) || action.busy}
        >
          {t('mergeChoose')}
        </Button>
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t('mergeChoose')}
          data-testid="merge-files"
          onChange={(e) => {
            const list = e.target.files;
            if (list && list.length) void pickReturns(list).finally(() => (e.target.value = ''));
          }}
        />
        {action.busy && <Spinner size="tiny" label={t('mergeWorking')} />}
      </div>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorNotice error={action.error} explain={explain} prefix="mergeFailed" />
      {plan && plan.refused.length > 0 && (
        <ul className={styles.list} aria-label={t('mergeRefused')}>
          {plan.refused.map((r, i) => (
            <li key={i}>{localize(r.message, lang)}</li>
          ))}
        </ul>
      )}
      {plan && plan.conflicts.length > 0 && plan.refused.length === 0 && (
        <MergeConflictView
          conflicts={plan.conflicts}
          busy={action.busy}
          onResolve={(prefer) => void action.run(returns, prefer, false)}
          onDecide={(decisions) => void action.run(returns, null, false, decisions)}
        />
      )}
      {plan && plan.changes.length > 0 && (
        <details data-testid="merge-changes">
          <summary>{t('mergeChanges', { n: plan.changes.length })}</summary>
          <ul className={styles.list}>
            {plan.changes.map((c, i) => (
              <li key={i}>{changeLine(c, lang)}</li>
            ))}
          </ul>
        </details>
      )}
      {plan && plan.notices.length > 0 && (
        <details>
          <summary>{`${t('mergeNotices')} (${plan.notices.length})`}</summary>
          <ul className={styles.list}>
            {plan.notices.map((n, i) => (
              <li key={i}>{localize(n.message, lang)}</li>
            ))}
          </ul>
        </details>
      )}
      {plan && plan.skipped.length > 0 && (
        <details open data-testid="merge-skipped">
          <summary>{t('mergeSkipped', { n: plan.skipped.length })}</summary>
          <ul className={styles.list}>
            {plan.skipped.map((k, i) => (
              <li key={i}>{localize(k.message, lang)}</li>
            ))}
          </ul>
        </details>
      )}
      {done?.kind === 'open' && !done.written && writable(done.plan) && (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={action.busy}
            onClick={() => void action.run(returns, done.prefer, true, done.decisions)}
            data-testid="merge-write"
          >
            {t('mergeWrite')}
          </Button>
          <Caption1>{t('mergeReview')}</Caption1>
        </div>
      )}
      {done?.kind === 'file' && done.merged && (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={() => downloadBytes(done.merged!.bytes, done.merged!.name)}
            data-testid="merge-download"
            data-file-name={done.merged.name}
          >
            {t('mergeDownload')}
          </Button>
          {onMerged && <Caption1>{t('mergeCurrent')}</Caption1>}
        </div>
      )}
    </section>
  );
}
