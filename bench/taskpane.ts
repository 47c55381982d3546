/** What a user feels when the pane opens: bytes of the initial load and time to first render. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, ensureBuild, launchBrowser, serveStatic } from '../test/e2e/harness';
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

  if (!existsSync(CHROMIUM)) {
    // The bundle's size needs no browser; the times do. `npm run test:all` installs Chromium.
    process.stderr.write(`taskpane: no browser at ${CHROMIUM}, first-render times not measured\n`);
    return out;
  }
  const server = await serveStatic(dist);
  try {
    // Cold: a browser just started, with an empty profile, opening the pane for the first time.
    // Warm: further openings in the same browser (its compiled-code caches filled). Routing
    // requests (office.js is answered from node_modules) turns the HTTP cache off, so every
    // opening downloads everything; the bytes below are what the pane loads before it answers,
    // office.js and what it fetches included.
    const cold: number[] = [];
    const warm: number[] = [];
    let loaded = 0;
    let officeBytes = 0;
    for (let i = 0; i < 3; i++) {
      const browser = await launchBrowser();
      try {
        for (let j = 0; j < 4; j++) {
          const page = await browser.context.newPage();
          const bodies: Promise<number>[] = [];
          let office = 0;
          page.on('response', (r) => {
            const size = r.body().then(
              (b) => b.length,
              () => 0,
            );
            if (r.url().includes('appsforoffice.microsoft.com')) void size.then((n) => (office += n));
            bodies.push(size);
          });
          await page.goto(`${server.url}taskpane.html`);
          // The mode badge appears once React has rendered the shell and Office.onReady answered.
          await page.waitForSelector('[data-testid="mode"]:not([data-mode="detecting"])');
          const ms = await page.evaluate(() => performance.now());
          (j === 0 ? cold : warm).push(ms);
          loaded = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
          officeBytes = office;
          await page.close();
        }
      } finally {
        await browser.close();
      }
    }
    out.push(
      { name: 'taskpane.firstRender.cold.ms', size: 'chromium', value: Math.round(median(cold)), unit: 'ms' },
      { name: 'taskpane.firstRender.ms', size: 'chromium', value: Math.round(median(warm)), unit: 'ms' },
      { name: 'taskpane.load.bytes', size: 'initial+office.js', value: loaded, unit: 'bytes' },
      { name: 'taskpane.load.officeJsBytes', size: 'office.js', value: officeBytes, unit: 'bytes' },
    );
  } finally {
    await server.close();
  }
  return out;
}
