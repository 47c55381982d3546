import {
  FluentProvider,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Header } from './components/Header';
import type { PlanDraft } from './draft';
import type { LoadedTracking, Workspace } from '../app/workspace';
import {
  I18nContext,
  langFromDisplayLanguage,
  translate,
  type I18n,
  type Lang,
  type MessageKey,
} from './i18n';
import { AddToMasterPanel } from './panels/AddToMasterPanel';
import { ImportStep } from './steps/ImportStep';

// The later steps carry the workbook builder, the checks and the summaries: they load when first
// opened, so the pane's first paint needs only the shell and the import step.
const BuildStep = lazy(() =>
  import(/* webpackChunkName: "step-build" */ './steps/BuildStep').then((m) => ({ default: m.BuildStep })),
);
const CheckStep = lazy(() =>
  import(/* webpackChunkName: "step-check" */ './steps/CheckStep').then((m) => ({ default: m.CheckStep })),
);
const SummaryStep = lazy(() =>
  import(/* webpackChunkName: "step-summary" */ './steps/SummaryStep').then((m) => ({
    default: m.SummaryStep,
  })),
);
const ShareStep = lazy(() =>
  import(/* webpackChunkName: "step-share" */ './steps/ShareStep').then((m) => ({ default: m.ShareStep })),
);

const LANG_STORAGE_KEY = 'plan-tracker.lang';

type StepId = 'import' | 'build' | 'check' | 'summary' | 'share';
const STEPS: { id: StepId; label: MessageKey }[] = [
  { id: 'import', label: 'stepImport' },
  { id: 'build', label: 'stepBuild' },
  { id: 'check', label: 'stepCheck' },
  { id: 'summary', label: 'stepSummary' },
  { id: 'share', label: 'stepShare' },
];

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  // A tidy grid: one row when the pane is wide, two columns at 320 px. Scrolling tabs would hide
  // steps 3–5 at the narrow width; freely wrapped tabs read as a jumble.
  tabs: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  tab: {
    justifyContent: 'flex-start',
    whiteSpace: 'nowrap',
    minWidth: 0,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  main: { padding: tokens.spacingHorizontalM, maxWidth: '960px' },
});

function storedLang(): Lang | null {
  try {
    const v = window.localStorage.getItem(LANG_STORAGE_KEY);
    return v === 'vi' || v === 'en' ? v : null;
  } catch {
    return null; // storage blocked (private mode, sandboxed frame)
  }
}

function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not remembering the choice is harmless.
  }
}

export interface AppProps {
  /** Where the page runs (Excel or standalone), with everything the steps can do there. */
  workspace: Workspace;
}

export function App({ workspace }: AppProps) {
  const styles = useStyles();
  const [chosenLang, setChosenLang] = useState<Lang | null>(storedLang);
  const lang: Lang = chosenLang ?? langFromDisplayLanguage(workspace.displayLanguage);
  const setLang = useCallback((l: Lang) => {
    setChosenLang(l);
    storeLang(l);
  }, []);
  const i18n = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  // Screen readers pick their voice from <html lang>; the window title follows too.
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'appTitle');
  }, [lang]);
  const [step, setStep] = useState<StepId>('import');
  // Panels stay mounted once opened, so switching tabs keeps each step's state.
  const [visited, setVisited] = useState<Set<StepId>>(() => new Set<StepId>(['import']));
  const open = (id: StepId) => {
    setStep(id);
    setVisited((v) => (v.has(id) ? v : new Set(v).add(id)));
  };
  const panel = (id: StepId, content: ReactNode) => (
    <section role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={step !== id}>
      {visited.has(id) && <Suspense fallback={<Spinner size="small" />}>{content}</Suspense>}
    </section>
  );
  const [draft, setDraft] = useState<PlanDraft | null>(null);
  // The draft last written into a workbook: leaving the page after that loses nothing.
  const [builtDraft, setBuiltDraft] = useState<PlanDraft | null>(null);
  const [tracking, setTracking] = useState<LoadedTracking | null>(null);
  const source = useMemo(
    () => ({
      open: workspace.openTracking,
      fromFile: workspace.trackingFromFile,
      explain: workspace.explain,
    }),
    [workspace],
  );
  // A different workspace (Office answered after the page came up) has another open workbook:
  // what was read from it is dropped; a workbook chosen as a file stays the same file anywhere.
  useEffect(() => setTracking((t) => (t?.live ? null : t)), [workspace]);

  return (
    <I18nContext.Provider value={i18n}>
      <FluentProvider
        theme={workspace.dark ? webDarkTheme : webLightTheme}
        className={styles.provider}
        lang={lang}
      >
        <Header workspace={workspace} />
        <TabList
          className={styles.tabs}
          selectedValue={step}
          onTabSelect={(_, data) => open(data.value as StepId)}
          aria-label={i18n.t('stepsLabel')}
          size="small"
        >
          {STEPS.map((s, i) => (
            <Tab
              key={s.id}
              className={styles.tab}
              value={s.id}
              id={`tab-${s.id}`}
              aria-controls={`panel-${s.id}`}
            >
              {`${i + 1}. ${i18n.t(s.label)}`}
            </Tab>
          ))}
        </TabList>
        <main className={styles.main}>
          {panel(
            'import',
            <ImportStep
              draft={draft}
              onDraft={setDraft}
              onNext={() => open('build')}
              readPlan={workspace.readPlan}
              explain={workspace.explain}
              built={draft !== null && draft === builtDraft}
              addToMaster={
                draft && (
                  <AddToMasterPanel
                    draft={draft}
                    tracking={tracking}
                    onTracking={setTracking}
                    addToFile={workspace.addToFile}
                    openHoldsTracking={workspace.openHoldsTracking}
                    addToOpenWorkbook={workspace.addToOpenWorkbook}
                    openTracking={workspace.openTracking}
                    trackingFromFile={workspace.trackingFromFile}
                    explain={workspace.explain}
                    onAdded={setBuiltDraft}
                  />
                )
              }
            />,
          )}
          {panel(
            'build',
            <BuildStep
              draft={draft}
              buildFile={workspace.buildFile}
              buildInWorkbook={workspace.buildInWorkbook}
              explain={workspace.explain}
              onBuilt={setBuiltDraft}
            />,
          )}
          {panel('check', <CheckStep tracking={tracking} onTracking={setTracking} source={source} />)}
          {panel(
            'summary',
            <SummaryStep
              tracking={tracking}
              onTracking={setTracking}
              source={source}
              summaryFile={workspace.summaryFile}
              reportFile={workspace.reportFile}
              agencies={workspace}
            />,
          )}
          {panel(
            'share',
            <ShareStep
              tracking={tracking}
              onTracking={setTracking}
              source={source}
              split={workspace.split}
              zip={workspace.zip}
              merge={workspace.merge}
            />,
          )}
        </main>
      </FluentProvider>
    </I18nContext.Provider>
  );
}
