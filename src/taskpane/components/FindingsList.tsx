import { Badge, type BadgeProps, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../app/check';
import { groupFindings, SEVERITY_LABEL, SEVERITY_ORDER } from '../findings';
import { localize } from '../../model/msg';
import type { AgencyAlias } from '../../model/workbook-meta';
import { useI18n } from '../i18n';
const SEVERITY_COLOR: Record<Severity, BadgeProps['color']> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
  },
  agency: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    marginRight: 'auto',
  },
  list: { listStyleType: 'none', margin: `${tokens.spacingVerticalXS} 0 0 0`, padding: 0 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  where: { color: tokens.colorNeutralForeground3 },
  message: { fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere' },
  suggestion: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export interface FindingsListProps {
  findings: readonly Finding[];
  /** The workbook's agency aliases: merged spellings are listed as one agency. */
  aliases?: readonly AgencyAlias[];
  /** Present in Excel: each finding becomes a button that selects its cell. */
  onSelect?: (finding: Finding) => void;
}

/** Findings grouped by agency, errors first; in Excel a click goes to the cell. */
export function FindingsList({ findings, aliases, onSelect }: FindingsListProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const groups = groupFindings(findings, aliases);
  return (
    <div className={styles.root} data-testid="findings">
      {groups.map((g) => {
        const name = g.agency ?? t('agencyUnknown');
        return (
          <section key={name} className={styles.group} aria-label={name} data-agency={g.agency ?? ''}>
            <div className={styles.head}>
              <h3 className={styles.agency} lang={g.agency ? 'vi' : undefined}>
                {name}
              </h3>
              {SEVERITY_ORDER.filter((s) => g.counts[s] > 0).map((s) => (
                <Badge key={s} appearance="tint" color={SEVERITY_COLOR[s]} data-severity={s}>
                  {`${t(SEVERITY_LABEL[s])}: ${g.counts[s]}`}
                </Badge>
              ))}
            </div>
            <ul className={styles.list}>
              {g.findings.map((f, i) => (
                <li
                  key={`${f.cell}-${f.code}-${i}`}
                  className={styles.item}
                  data-cell={f.cell}
                  data-code={f.code}
                  data-severity={f.severity}
                >
                  <div className={styles.line}>
                    <Badge appearance="filled" color={SEVERITY_COLOR[f.severity]} size="small">
                      {t(SEVERITY_LABEL[f.severity])}
                    </Badge>
                    {onSelect ? (
                      <Button
                        size="small"
                        appearance="transparent"
                        onClick={() => onSelect(f)}
                        aria-label={t('goToCell', { cell: f.cell })}
                      >
                        {f.cell}
                      </Button>
                    ) : (
                      <Caption1 className={styles.where}>{f.cell}</Caption1>
                    )}
                    {f.taskId && <Caption1 className={styles.where}>{f.taskId}</Caption1>}
                  </div>
                  <span className={styles.message}>{localize(f.message, lang)}</span>
                  {f.suggestion && (
                    <Caption1 className={styles.suggestion} data-testid="suggestion">
                      {t('suggestion', { value: localize(f.suggestion.label, lang) })}
                    </Caption1>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
