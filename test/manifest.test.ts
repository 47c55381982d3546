import { MIN_EXCEL_API } from '../src/excel/host';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { checkManifest, OFFICEAPP_ORDER, pngSize } from './helpers/manifest-check';

const ROOT = path.join(__dirname, '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

function problemsOf(xml: string, rootDir = ROOT) {
  return checkManifest(xml, { rootDir });
}

describe('manifest.xml', () => {
  it('passes every offline check', () => {
    expect(problemsOf(MANIFEST)).toEqual([]);
  });

  it('lists OfficeApp children in the order of the TaskPaneApp schema', () => {
    const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(MANIFEST) as Record<
      string,
      unknown
    >[];
    const root = doc.find((n) => 'OfficeApp' in n) as { OfficeApp: Record<string, unknown>[] };
    const names = root.OfficeApp.map((c) => Object.keys(c).find((k) => k !== ':@')!);
    const positions = names.map((n) => OFFICEAPP_ORDER.indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(names.slice(0, 4)).toEqual(['Id', 'Version', 'ProviderName', 'DefaultLocale']);
    expect(names[names.length - 1]).toBe('VersionOverrides');
  });

  it('asks for ExcelApi 1.7, ReadWriteDocument, the Workbook host and vi-VN with en-US overrides', () => {
    // The code's own minimum: hosts below it never load the add-in, so no "too old" path exists.
    expect(MIN_EXCEL_API).toBe('1.7');
    expect(MANIFEST).toMatch(/<Set Name="ExcelApi" MinVersion="1\.7"\/>/);
    expect(MANIFEST).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(MANIFEST).toMatch(/<Host Name="Workbook"\/>/);
    expect(MANIFEST).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
    expect(MANIFEST).toMatch(/<Override Locale="en-US" Value="Plan Tracker"\/>/);
  });

  it('puts a ShowTaskpane button on the Home tab', () => {
    expect(MANIFEST).toMatch(/<OfficeTab id="TabHome">/);
    expect(MANIFEST).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });

  it('ships an icon of every stated size as a real PNG', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const bytes = fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`));
      expect(pngSize(bytes)).toEqual({ width: size, height: size });
    }
  });
});

describe('the manifest checker catches broken manifests', () => {
  it('reports two OfficeApp elements swapped', () => {
    const swapped = MANIFEST.replace(
      /(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/,
      '$3$2$1',
    );
    expect(swapped).not.toBe(MANIFEST);
    const problems = problemsOf(swapped);
    expect(problems.map((p) => p.code)).toContain('order');
    expect(problems.find((p) => p.code === 'order')!.message).toMatch(/Version|ProviderName/);
  });

  it('reports Permissions moved after VersionOverrides', () => {
    const moved = MANIFEST.replace(/\s*<Permissions>ReadWriteDocument<\/Permissions>/, '').replace(
      '</VersionOverrides>',
      '</VersionOverrides>\n  <Permissions>ReadWriteDocument</Permissions>',
    );
    expect(problemsOf(moved).some((p) => p.code === 'order' && /Permissions/.test(p.message))).toBe(true);
  });

  it('reports swapped resource collections inside VersionOverrides', () => {
    const images = /<bt:Images>[\s\S]*?<\/bt:Images>/.exec(MANIFEST)![0];
    const urls = /<bt:Urls>[\s\S]*?<\/bt:Urls>/.exec(MANIFEST)![0];
    const swapped = MANIFEST.replace(images, '@@IMAGES@@').replace(urls, images).replace('@@IMAGES@@', urls);
    expect(problemsOf(swapped).some((p) => p.code === 'order' && /bt:Images/.test(p.message))).toBe(true);
  });

  it('reports an icon whose file is gone', () => {
    // Copy the project's assets to a temp root, then remove one icon.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    try {
      fs.cpSync(path.join(ROOT, 'assets'), path.join(tmp, 'assets'), { recursive: true });
      expect(problemsOf(MANIFEST, tmp)).toEqual([]);
      fs.rmSync(path.join(tmp, 'assets', 'icon-80.png'));
      const problems = problemsOf(MANIFEST, tmp);
      expect(problems).toHaveLength(1);
      expect(problems[0].code).toBe('icon-missing');
      expect(problems[0].message).toMatch(/icon-80\.png/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('reports an icon file of the wrong size or format', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    try {
      fs.cpSync(path.join(ROOT, 'assets'), path.join(tmp, 'assets'), { recursive: true });
      fs.copyFileSync(path.join(ROOT, 'assets', 'icon-16.png'), path.join(tmp, 'assets', 'icon-32.png'));
      fs.writeFileSync(path.join(tmp, 'assets', 'icon-64.png'), 'not a png');
      const codes = problemsOf(MANIFEST, tmp).map((p) => p.code);
      expect(codes).toContain('icon-size');
      expect(codes).toContain('icon-not-png');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('reports a resid with no resource, and one of the wrong kind', () => {
    const dangling = MANIFEST.replace('<bt:Url id="Taskpane.Url"', '<bt:Url id="Taskpane.Other"');
    expect(problemsOf(dangling).some((p) => p.code === 'resid' && /Taskpane\.Url/.test(p.message))).toBe(
      true,
    );
    const wrongKind = MANIFEST.replace('<Label resid="Group.Label"/>', '<Label resid="OpenPane.Tooltip"/>');
    expect(problemsOf(wrongKind).some((p) => p.code === 'resid-kind')).toBe(true);
  });

  it('reports plain HTTP, a lower requirement and a wider permission', () => {
    const http = MANIFEST.replace('<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://');
    expect(problemsOf(http).map((p) => p.code)).toContain('https');
    const lower = MANIFEST.replace('MinVersion="1.7"', 'MinVersion="1.1"');
    expect(problemsOf(lower).map((p) => p.code)).toContain('requirement');
    const wider = MANIFEST.replace('ReadWriteDocument</Permissions>', 'WriteDocument</Permissions>');
    expect(problemsOf(wider).map((p) => p.code)).toContain('permission');
  });

  it('reports XML that is not well-formed', () => {
    expect(problemsOf(MANIFEST.replace('</Hosts>', '')).map((p) => p.code)).toContain('parse');
  });
});

describe('the production build’s manifest rewrite', () => {
  // webpack.config.js is CommonJS; it exports the rewrite so the build and this test share it.
  const config = require('../webpack.config.js') as {
    rewriteManifest: (xml: string, url: string) => string;
    DEFAULT_ADDIN_URL: string;
  };

  it('points every dev-server URL at the published address, and the result still passes the checks', () => {
    const url = 'https://addins.example.gov.vn/plan-tracker/';
    const out = config.rewriteManifest(MANIFEST, url);
    expect(out).not.toContain('localhost:3000');
    expect(out.split(url).length - 1).toBe(MANIFEST.split('https://localhost:3000/').length - 1);
    expect(out).toContain('<AppDomain>https://addins.example.gov.vn</AppDomain>');
    expect(checkManifest(out, { rootDir: ROOT, baseUrl: url })).toEqual([]);
  });

  it('has an HTTPS default address', () => {
    expect(config.DEFAULT_ADDIN_URL).toMatch(/^https:\/\/[^/]+\/$/);
  });
});
