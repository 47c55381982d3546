import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { AddOutcome } from '../../app/add-open';
import type { NamedFile } from '../../app/files';
import type { LoadedTracking, Workspace } from '../../app/workspace';
import { localize, type Msg } from '../../model/msg';
import { effectivePlan, type PlanDraft } from '../draft';
import { downloadBytes } from '../download';
import { useAsyncAction } from '../hooks/useAsyncAction';
import { useI18n } from '../i18n';
import { addedFileName } from '../master-file-name';
import { ErrorNotice } from './ErrorNotice';

const useStyles = makeStyles({
  block: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { overflowWrap: 'anywhere' },
});

export interface AddToMasterPanelProps {
  draft: PlanDraft;
  /** The tracking workbook the page has loaded (the other steps' source), if any. */
  tracking: LoadedTracking | null;
  onTracking: (tracking: LoadedTracking) => void;
  addToFile: Workspace['addToFile'];
  /** Inside Excel: whether the open workbook is a tracking workbook, and the addition into it. */
  openHoldsTracking?: Workspace['openHoldsTracking'];
  addToOpenWorkbook?: Workspace['addToOpenWorkbook'];
  /** Reads the open workbook again (the other steps then see the plan added). */
  openTracking?: Workspace['openTracking'];
  trackingFromFile: Workspace['trackingFromFile'];
  explain: Workspace['explain'];
  /** Told once the draft went into a master (leaving the page then loses nothing). */
  onAdded?: (draft: PlanDraft) => void;
}

type Target = { kind: 'open' } | { kind: 'file'; tracking: LoadedTracking; file: () => Promise<NamedFile> };

type Done = AddOutcome & { skipped: Msg[]; downloaded: string | null };

/**
 * "Thêm vào sổ đang mở": when a master is open (the workbook open in Excel tracks plans, or a
 * master .xlsx was loaded in the page), the parsed plan can join it instead of making a new
 * workbook. The core decides and refuses (a plan already in the master, an agency's copy).
 */
export function AddToMasterPanel(props: AddToMasterPanelProps) {
  const { draft, tracking, onTracking, explain } = props;
  const { t, lang } = useI18n();
  const styles = useStyles();
  const plan = useMemo(() => effectivePlan(draft), [draft]);

  // Inside Excel the open workbook is asked (one sync) whenever a new plan is parsed or the
  // pane has read the workbook again: a build in between makes it a master.
  const [openIsMaster, setOpenIsMaster] = useState(false);
  const { openHoldsTracking } = props;
  useEffect(() => {
    if (!openHoldsTracking) return;
    let live = true;
    openHoldsTracking().then(
      (yes) => live && setOpenIsMaster(yes),
      () => live && setOpenIsMaster(false),
    );
    return () => {
      live = false;
    };
  }, [openHoldsTracking, draft.plan, tracking?.loadedAt]);

  const target: Target | null =
    props.addToOpenWorkbook && openIsMaster
      ? { kind: 'open' }
      : tracking && !tracking.live && tracking.file && tracking.wb.meta && !tracking.wb.meta.agencyKey
        ? { kind: 'file', tracking, file: tracking.file }
        : null;

  const action = useAsyncAction(async (to: Target): Promise<Done> => {
    const req = { plan, sourceText: draft.sourceText };
    if (to.kind === 'open') {
      const r = await props.addToOpenWorkbook!(req);
      props.onAdded?.(draft);
      // The other steps work on what the workbook now holds; a failed re-read leaves them as they were.
      if (props.openTracking) await props.openTracking().then(onTracking, () => undefined);
      return { ...r, downloaded: null };
    }
    const master = await to.file();
    const r = await props.addToFile(master, req);
    const name = addedFileName(master.name, t('fileAddedWord'), r.prefix);
    downloadBytes(r.bytes, name);
    props.onAdded?.(draft);
    // Outside Excel the new master becomes the one the page works on (a further plan joins it).
    onTracking(await props.trackingFromFile({ name, bytes: r.bytes }));
    return { ...r, skipped: [], downloaded: name };
  });

  // A result belongs to the plan it was made for: a new plan starts clean.
  const { reset } = action;
  useEffect(() => reset(), [draft.plan, reset]);

  const done = action.result;
  if (!target && !done) return null;
  const plans = target?.kind === 'file' ? (target.tracking.wb.meta?.plans?.length ?? 1) : 0;
  const tasks =
    target?.kind === 'file'
      ? target.tracking.wb.snapshot.rows.filter((r) => r.some((c) => c !== null && c !== '')).length
      : 0;

  return (
    <section className={styles.block} aria-labelledby="add-master-title" data-testid="add-master">
      <Subtitle2 as="h2" id="add-master-title" className={styles.heading}>
        {t('addTitle')}
      </Subtitle2>
      {target && (
        <Body1 className={styles.name}>
          {target.kind === 'open'
            ? t('addIntroOpen', { n: plan.tasks.length })
            : t('addIntroFile', {
                file: target.tracking.fileName ?? '',
                plans,
                tasks,
                n: plan.tasks.length,
              })}
        </Body1>
      )}
      {target && (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={() => void action.run(target)}
            disabled={action.busy || plan.tasks.length === 0}
            data-testid="add-master-button"
          >
            {t('addButton')}
          </Button>
          {action.busy && <Spinner size="tiny" label={t('addWorking')} />}
        </div>
      )}
      {done && (
        <MessageBar intent={done.skipped.length ? 'warning' : 'success'} role="status">
          <MessageBarBody>
            {[
              t('addDone', {
                ref: done.ref,
                added: done.added,
                prefix: done.prefix,
                kept: done.kept,
                sheet: done.historySheet,
              }),
              done.downloaded ? t('masterDownloaded', { file: done.downloaded }) : t('masterInPlace'),
              ...done.skipped.map((m) => localize(m, lang)),
            ].join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorNotice error={action.error} explain={explain} prefix="addFailed" />
    </section>
  );
}
