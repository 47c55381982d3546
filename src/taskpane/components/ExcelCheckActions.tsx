import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Finding } from '../../app/check';
import type { LiveWorkbook } from '../../app/workspace';
import type { Lang } from '../../model/lang';
import { localize } from '../../model/msg';
import { useI18n } from '../i18n';
import { NoticeBar, noticeOf, type Notice } from './NoticeBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ExcelCheckActionsProps {
  /** The findings the list shows: all of them, or those the filters keep. */
  findings: readonly Finding[];
  /** True when the check step's filters narrow the list: the buttons then say they act on it. */
  filtered?: boolean;
  /** The open workbook the findings were read from. */
  live: LiveWorkbook;
  explain: (error: unknown, lang: Lang) => Promise<string>;
}

/**
 * What the checker can leave in the open workbook: a removable highlight of the cells concerned
 * and the `Kiểm tra` sheet listing the findings with links, both for the findings the list shows
 * (filtered or not). With none shown, only the clearing of an earlier highlight remains.
 */
export function ExcelCheckActions({ findings, filtered = false, live, explain }: ExcelCheckActionsProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  // The workbook side holds the fills to restore; a highlight made before this pane re-rendered still counts.
  const [highlighted, setHighlighted] = useState(() => live.hasHighlight());
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  /** One Excel action at a time: the highlight record must not be read while it is rewritten. */
  const run = async (action: () => Promise<Notice>) => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (e) {
      setNotice({ intent: 'error', error: e, prefix: 'checkActionFailed' });
    } finally {
      setBusy(false);
    }
  };

  const highlight = () =>
    run(async () => {
      const n = await live.highlight(findings.map((f) => ({ sheet: f.sheet, address: f.cell })));
      setHighlighted(true);
      return noticeOf('success', 'checkHighlighted', { n });
    });

  const clear = () =>
    run(async () => {
      await live.clearHighlight();
      setHighlighted(false);
      return noticeOf('success', 'checkHighlightCleared');
    });

  const writeSheet = () =>
    run(async () => {
      const report = await live.writeCheckSheet(findings, lang);
      const n = findings.length;
      return {
        intent: report.skipped.length ? 'warning' : 'success',
        say: (tr, l) =>
          [
            tr('checkSheetWritten', { sheet: report.sheet, n }),
            ...report.skipped.map((s) => localize(s, l)),
          ].join(' '),
      };
    });

  // disabledFocusable, not disabled: a button clicked from the keyboard keeps the focus while it waits.
  return (
    <div className={styles.root}>
      <div className={styles.buttons} role="group" aria-label={t('checkExcelActions')} aria-busy={busy}>
        {findings.length > 0 && (
          <Button appearance="primary" disabledFocusable={busy} onClick={() => void highlight()}>
            {filtered ? t('checkHighlightFiltered', { n: findings.length }) : t('checkHighlight')}
          </Button>
        )}
        <Button disabledFocusable={busy || !highlighted} onClick={() => void clear()}>
          {t('checkClearHighlight')}
        </Button>
        {findings.length > 0 && (
          <Button disabledFocusable={busy} onClick={() => void writeSheet()}>
            {filtered ? t('checkWriteSheetFiltered', { n: findings.length }) : t('checkWriteSheet')}
          </Button>
        )}
      </div>
      <NoticeBar notice={notice} explain={explain} />
    </div>
  );
}
