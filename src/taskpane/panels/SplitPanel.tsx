import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { NamedFile } from '../../app/files';
import type { SplitWorkbookResult } from '../../app/share';
import type { Workspace } from '../../app/workspace';
import { downloadBytes } from '../download';
import { useAsyncAction } from '../hooks/useAsyncAction';
import { useI18n } from '../i18n';
import { ErrorNotice } from './ErrorNotice';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  files: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  file: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    // A rule under each agency ties its button to its name when the name wraps.
    paddingBottom: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  fileName: { overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase300 },
  // At 350 px a long agency name squeezed "Tải xuống" onto two lines, each button its own width:
  // the name wraps instead, and every button keeps its label on one line.
  fileButton: { flexShrink: 0, whiteSpace: 'nowrap' },
  action: { whiteSpace: 'nowrap' },
});

export interface SplitPanelProps {
  /** The master as a file; absent until a tracking workbook is loaded. */
  master?: () => Promise<NamedFile>;
  split: Workspace['split'];
  zip: Workspace['zip'];
  explain: Workspace['explain'];
}

/** One workbook per lead agency, each to download, or all in one .zip. */
export function SplitPanel({ master, split, zip, explain }: SplitPanelProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const action = useAsyncAction(async (): Promise<{ master: NamedFile; result: SplitWorkbookResult }> => {
    const file = await (master as () => Promise<NamedFile>)();
    return { master: file, result: await split(file) };
  });
  const done = action.result;

  const downloadAll = async () => {
    if (!done) return;
    const base = done.master.name.replace(/\.xlsx$/i, '');
    downloadBytes(await zip(done.result.files), `${base} - ${t('fileAgencies')}.zip`, 'application/zip');
  };

  const unassigned = done?.result.unassigned.length ?? 0;
  return (
    <section className={styles.block} aria-labelledby="split-title">
      <Subtitle2 as="h2" id="split-title" className={styles.heading}>
        {t('splitTitle')}
      </Subtitle2>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          className={styles.action}
          onClick={() => void action.run()}
          disabled={!master || action.busy}
        >
          {t('splitRun')}
        </Button>
        {done && done.result.files.length > 0 && (
          <Button className={styles.action} onClick={() => void downloadAll()}>
            {t('splitDownloadAll')}
          </Button>
        )}
        {action.busy && <Spinner size="tiny" label={t('splitWorking')} />}
      </div>
      {done && (
        <MessageBar intent={unassigned ? 'warning' : 'success'} role="status">
          <MessageBarBody>
            {t('splitDone', { n: done.result.files.length }) +
              (unassigned ? ` ${t('splitUnassigned', { n: unassigned })}` : '')}
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorNotice error={action.error} explain={explain} prefix="splitFailed" />
      {done && (
        <ul className={styles.files} data-testid="split-files">
          {done.result.files.map((f) => (
            <li key={f.fileName} className={styles.file} data-agency={f.agencyKey}>
              <span className={styles.fileName}>
                <span lang="vi">{f.agencyName}</span> {`(${t('sourceTasks', { n: f.taskIds.length })})`}
              </span>
              <Button
                size="small"
                className={styles.fileButton}
                onClick={() => downloadBytes(f.bytes, f.fileName)}
                aria-label={t('splitDownloadOne', { name: f.agencyName })}
              >
                {t('splitDownloadShort')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
