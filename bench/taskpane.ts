/** What a user feels when the pane opens: bytes of the initial load and time to first render. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureBuild, launchBrowser, serveStatic } from '../test/e2e/harness';
import { median, Result } from './measure';

/** Scripts and styles the HTML loads up front (lazy chunks for ExcelJS and mammoth are not). */
function initialAssets(dist: string): string[] {
  const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
  // The production HTML is minified, so attribute quotes may be gone.
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="?([^"\s>]+\.(?:js|css))/g)].map(
    (m) => m[1],
  );
  return refs.filter((r) => !/^https?:/.test(r));
}

export async function taskpaneBenchmarks(root: string): Promise<Result[]> {
  ensureBuild();
  const dist = join(root, 'dist');
  const assets = initialAssets(dist);
  const gzip = assets.reduce((sum, a) => sum + gzipSync(readFileSync(join(dist, a)), { level: 9 }).length, 0);
  const raw = assets.reduce((sum, a) => sum + readFileSync(join(dist, a)).length, 0);
  const out: Result[] = [
    { name: 'taskpane.bundle.gzipBytes', size: 'initial', value: gzip, unit: 'bytes' },
    { name: 'taskpane.bundle.rawBytes', size: 'initial', value: raw, unit: 'bytes' },
  ];

  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}taskpane.html`);
      // The mode badge appears once React has rendered the shell and Office.onReady answered.
      await page.waitForSelector('[data-testid="mode"]:not([data-mode="detecting"])');
      const ms = await page.evaluate(() => performance.now());
      times.push(ms);
      await page.close();
    }
    out.push({
      name: 'taskpane.firstRender.ms',
      size: 'chromium',
      value: Math.round(median(times)),
      unit: 'ms',
    });
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
