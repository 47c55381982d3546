import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n, type Lang } from '../i18n';

const useStyles = makeStyles({
  group: { display: 'inline-flex', gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  option: { minWidth: '36px' },
});

/** Two pressed/unpressed buttons: both names stay visible in their own language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const styles = useStyles();
  const option = (value: Lang, label: string, short: string) => (
    <Button
      size="small"
      className={styles.option}
      appearance={lang === value ? 'primary' : 'subtle'}
      aria-pressed={lang === value}
      aria-label={label}
      title={label}
      lang={value}
      onClick={() => setLang(value)}
    >
      {short}
    </Button>
  );
  return (
    <div role="group" aria-label={t('language')} className={styles.group}>
      {option('vi', t('langVi'), 'VI')}
      {option('en', t('langEn'), 'EN')}
    </div>
  );
}
