import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n, type Lang } from '../i18n';

const useStyles = makeStyles({
  group: { display: 'inline-flex', gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  option: { minWidth: '36px' },
});

/** Two pressed/unpressed buttons, each named in its own language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const styles = useStyles();
  // The visible word is the button's whole name: a short "VI" read out as "Tiếng Việt" would
  // not match what a voice-control user says.
  const option = (value: Lang, label: string) => (
    <Button
      size="small"
      className={styles.option}
      appearance={lang === value ? 'primary' : 'subtle'}
      aria-pressed={lang === value}
      lang={value}
      onClick={() => setLang(value)}
    >
      {label}
    </Button>
  );
  return (
    <div role="group" aria-label={t('language')} className={styles.group}>
      {option('vi', t('langVi'))}
      {option('en', t('langEn'))}
    </div>
  );
}
