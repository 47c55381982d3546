import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AgencyAlias, AgencyListing, NearDuplicate, NearDuplicateReason } from '../../app/agencies';
import type { LoadedTracking, Workspace } from '../../app/workspace';
import { localize, type Msg } from '../../model/msg';
import { downloadBytes } from '../download';
import { useAsyncAction } from '../hooks/useAsyncAction';
import { useI18n, type MessageKey } from '../i18n';
import { masterFileName } from '../master-file-name';
import { ErrorNotice } from './ErrorNotice';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  groups: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // One spelling: its radio, then the plans it comes from, indented under the radio's label.
  spelling: { display: 'flex', flexDirection: 'column' },
  plans: {
    margin: 0,
    paddingLeft: '36px',
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  radio: { overflowWrap: 'anywhere' },
});

const WHY: Record<NearDuplicateReason, MessageKey> = {
  spelling: 'aliasWhySpelling',
  abbreviation: 'aliasWhyAbbreviation',
  words: 'aliasWhyWords',
};

export interface AgencyAliasPanelProps {
  tracking: LoadedTracking;
  onTracking: (tracking: LoadedTracking) => void;
  agencies: Workspace['agencies'];
  mergeInFile: Workspace['mergeAgenciesInFile'];
  fromFile: Workspace['trackingFromFile'];
  /** Inside Excel: reads the open workbook again once the merge is written into it. */
  reopen?: () => Promise<LoadedTracking>;
  explain: Workspace['explain'];
}

interface Merged {
  added: AgencyAlias[];
  historySheet: string;
  notes: Msg[];
  downloaded: string | null;
}

/**
 * The lead agencies the core takes for one body spelled differently (`Sở TT&TT`, `Sở Thông tin
 * và Truyền thông`): each group is merged once, under the spelling the user keeps, and the
 * workbook remembers it (aliases in its meta, a Lịch sử row), in Excel and in a downloaded master.
 */
export function AgencyAliasPanel(props: AgencyAliasPanelProps) {
  const { tracking, onTracking, explain } = props;
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [listing, setListing] = useState<AgencyListing | null>(null);
  const { agencies } = props;
  useEffect(() => {
    let live = true;
    setListing(null);
    // An agency copy is one agency's: nothing to merge there.
    if (!tracking.wb.meta || tracking.wb.meta.agencyKey) return;
    agencies(tracking.wb).then(
      (l) => live && setListing(l),
      () => live && setListing(null),
    );
    return () => {
      live = false;
    };
  }, [tracking, agencies]);
  // The spelling each group keeps, by the group's first name; the core's suggestion until chosen.
  const [kept, setKept] = useState<Record<string, string>>({});

  const action = useAsyncAction(async (group: NearDuplicate, keep: string): Promise<Merged> => {
    const merges = group.names.filter((n) => n !== keep).map((from) => ({ from, to: keep }));
    if (tracking.live?.mergeAgencies) {
      const r = await tracking.live.mergeAgencies(merges, lang);
      if (props.reopen) await props.reopen().then(onTracking, () => undefined);
      return { added: r.added, historySheet: r.historySheet, notes: r.notes, downloaded: null };
    }
    if (!tracking.file) throw new Error('No master file to merge the agencies in');
    const master = await tracking.file();
    const r = await props.mergeInFile(master, merges);
    const name = masterFileName(master.name, t('fileAliasWord'));
    downloadBytes(r.bytes, name);
    // The new master is the page's now: its summaries count the agencies as one.
    onTracking(await props.fromFile({ name, bytes: r.bytes }));
    return { added: r.added, historySheet: r.historySheet, notes: [], downloaded: name };
  });

  const groups = listing?.nearDuplicates ?? [];
  const done = action.result;
  if (groups.length === 0 && !done && action.error === null) return null;
  const spelling = (name: string) =>
    listing?.agencies.flatMap((a) => a.spellings).find((s) => s.name === name) ?? null;
  const canMerge = Boolean(tracking.live?.mergeAgencies || tracking.file);

  return (
    <section className={styles.block} aria-labelledby="alias-title" data-testid="agency-aliases">
      <Subtitle2 as="h2" id="alias-title" className={styles.heading}>
        {t('aliasTitle')}
      </Subtitle2>
      {groups.length > 0 && <Body1>{t('aliasIntro')}</Body1>}
      {done && (
        <MessageBar intent={done.notes.length ? 'warning' : 'success'} role="status">
          <MessageBarBody>
            {[
              t('aliasDone', {
                pairs: done.added.map((a) => `"${a.from}" → "${a.to}"`).join('; '),
                sheet: done.historySheet,
              }),
              done.downloaded ? t('masterDownloaded', { file: done.downloaded }) : t('masterInPlace'),
              ...done.notes.map((m) => localize(m, lang)),
            ].join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorNotice error={action.error} explain={explain} prefix="aliasFailed" />
      {groups.length > 0 && (
        <ul className={styles.groups}>
          {groups.map((g) => {
            const id = g.names[0];
            const keep = kept[id] ?? g.suggested;
            return (
              <li key={g.names.join('\u0000')} className={styles.group} data-testid="alias-group">
                <Caption1>{t('aliasGroup', { reason: t(WHY[g.reason]) })}</Caption1>
                <Field label={t('aliasKeep')}>
                  <RadioGroup value={keep} onChange={(_, d) => setKept((k) => ({ ...k, [id]: d.value }))}>
                    {g.names.map((name) => {
                      const s = spelling(name);
                      return (
                        <div key={name} className={styles.spelling}>
                          <Radio
                            className={styles.radio}
                            value={name}
                            label={t('aliasSpelling', { name, n: s?.tasks ?? 0 })}
                          />
                          {s && s.plans.length > 0 && (
                            <Caption1 as="p" className={styles.plans}>
                              {t('aliasPlans', { plans: s.plans.join('; ') })}
                            </Caption1>
                          )}
                        </div>
                      );
                    })}
                  </RadioGroup>
                </Field>
                <div className={styles.actions}>
                  <Button
                    appearance="primary"
                    disabled={action.busy || !canMerge}
                    onClick={() => void action.run(g, keep)}
                  >
                    {t('aliasMerge')}
                  </Button>
                  {action.busy && <Spinner size="tiny" label={t('aliasWorking')} />}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
