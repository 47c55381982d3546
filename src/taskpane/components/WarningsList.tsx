import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { localize } from '../../model/msg';
import type { ParseWarning } from '../../app/plan-file';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  details: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXXS },
  line: { color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalXS },
});

/** The parser's warnings in the current language, each with the line it comes from. */
export function WarningsList({ warnings }: { warnings: ParseWarning[] }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  if (warnings.length === 0) return <Caption1>{t('noWarnings')}</Caption1>;
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>
        {t('warnings')} ({warnings.length})
      </summary>
      <ul className={styles.list}>
        {warnings.map((w, i) => (
          <li key={i} className={styles.item} data-code={w.code}>
            {w.line > 0 && <Caption1 className={styles.line}>{t('warningLine', { line: w.line })}</Caption1>}
            {localize(w.msg, lang)}
          </li>
        ))}
      </ul>
    </details>
  );
}
