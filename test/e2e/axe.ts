/** axe-core in the page under test: the serious and critical violations, each with where it is. */
import * as fs from 'fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the whole page. It is evaluated through the debugging protocol, which the
 * page's Content-Security-Policy (scripts from 'self' only) does not apply to.
 */
export async function seriousViolations(page: Page): Promise<AxeProblem[]> {
  // Colours are judged once Fluent's transitions have ended: mid-fade, a button's text and
  // background are neither the old nor the new colours.
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running'),
    undefined,
    {
      timeout: 10_000,
    },
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: object,
            opts: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string;
              help: string;
              nodes: { target: string[]; html: string; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    // Fluent's focus manager (tabster) puts <i tabindex=0 aria-hidden data-tabster-dummy> sentinels
    // at the edges of focus groups; one that receives focus hands it on at once, so no keyboard user
    // stops there and no screen reader sees it. Everything else on the page is audited.
    const r = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map(
          (n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`,
        ),
      }));
  });
}
