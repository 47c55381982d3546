import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Workspace } from '../../app/workspace';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Says whether the pane runs in Excel (and which API level) or as a standalone page. */
export function ModeBadge({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (workspace.kind === 'detecting') {
    return (
      <div className={styles.root} data-testid="mode" data-mode="detecting">
        <Caption1 className={styles.hint}>{t('modeDetecting')}</Caption1>
      </div>
    );
  }
  if (workspace.kind === 'excel') {
    // The manifest admits ExcelApi 1.7 and up; below 1.8 some features are missing, not the add-in.
    const old = workspace.excelNoDropdowns;
    return (
      <div className={styles.root} data-testid="mode" data-mode="excel">
        <Badge appearance="filled" color="success">
          {t('modeExcel')}
        </Badge>
        {workspace.excelApi && (
          <Badge appearance="outline" color={old ? 'warning' : 'informative'}>
            {t('modeExcelApi', { version: workspace.excelApi })}
          </Badge>
        )}
        {old && (
          <Caption1 className={styles.hint}>
            {t('modeExcelNoDropdowns', { version: workspace.excelApi ?? '1.7' })}
          </Caption1>
        )}
      </div>
    );
  }
  return (
    <div className={styles.root} data-testid="mode" data-mode="browser">
      <Badge appearance="tint" color="brand">
        {t('modeBrowser')}
      </Badge>
      <Caption1 className={styles.hint}>{t('modeBrowserHint')}</Caption1>
    </div>
  );
}
