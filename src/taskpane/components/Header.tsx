import { Caption1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { Workspace } from '../../app/workspace';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { ModeBadge } from './ModeBadge';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  top: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
});

export function Header({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.top}>
        <div className={styles.titles}>
          <Subtitle1 as="h1" className={styles.title}>
            {t('appTitle')}
          </Subtitle1>
          <Caption1 className={styles.subtitle}>{t('appSubtitle')}</Caption1>
        </div>
        <LanguageSwitch />
      </div>
      <ModeBadge workspace={workspace} />
    </header>
  );
}
