import { BROWSER_HOST, detectHost, excelApiAtLeast, isDarkColor } from '../../src/excel/host';

type FakeOffice = {
  HostType: { Excel: string };
  onReady: () => Promise<{ host: string | null }>;
  context: {
    displayLanguage: string;
    officeTheme?: { bodyBackgroundColor: string };
    requirements: { isSetSupported: (name: string, version: string) => boolean };
  };
};

function installOffice(office: FakeOffice | undefined): void {
  (globalThis as unknown as { Office?: FakeOffice }).Office = office;
  if (!office) delete (globalThis as unknown as { Office?: FakeOffice }).Office;
}

function fakeOffice(
  host: string | null,
  maxMinor: number,
  opts: { bg?: string; lang?: string; ready?: Promise<never> } = {},
): FakeOffice {
  return {
    HostType: { Excel: 'Excel' },
    onReady: () => opts.ready ?? Promise.resolve({ host }),
    context: {
      displayLanguage: opts.lang ?? 'vi-VN',
      officeTheme: opts.bg ? { bodyBackgroundColor: opts.bg } : undefined,
      requirements: {
        isSetSupported: (name, v) => name === 'ExcelApi' && Number(v.split('.')[1]) <= maxMinor,
      },
    },
  };
}

afterEach(() => installOffice(undefined));

describe('detectHost', () => {
  it('is a standalone page when office.js never loaded', async () => {
    installOffice(undefined);
    await expect(detectHost()).resolves.toEqual(BROWSER_HOST);
  });

  it('is a standalone page when office.js reports no host', async () => {
    installOffice(fakeOffice(null, 0));
    await expect(detectHost()).resolves.toEqual(BROWSER_HOST);
  });

  it('reports Excel with the highest supported ExcelApi, the UI language and a dark theme', async () => {
    installOffice(fakeOffice('Excel', 12, { bg: '#1f1f1f', lang: 'en-US' }));
    await expect(detectHost()).resolves.toEqual({
      mode: 'excel',
      excelApi: '1.12',
      displayLanguage: 'en-US',
      dark: true,
    });
  });

  it('reports an old Excel as such (the pane then offers the .xlsx path)', async () => {
    installOffice(fakeOffice('Excel', 7, { bg: '#ffffff' }));
    const host = await detectHost();
    expect(host.excelApi).toBe('1.7');
    expect(host.dark).toBe(false);
    expect(excelApiAtLeast(host.excelApi, '1.8')).toBe(false);
  });

  it('gives up waiting and treats the page as standalone when onReady never settles', async () => {
    installOffice(fakeOffice('Excel', 17, { ready: new Promise<never>(() => undefined) }));
    await expect(detectHost(20)).resolves.toEqual(BROWSER_HOST);
  });
});

describe('helpers', () => {
  it('compares ExcelApi versions numerically, not as text', () => {
    expect(excelApiAtLeast('1.10', '1.8')).toBe(true);
    expect(excelApiAtLeast('1.8', '1.8')).toBe(true);
    expect(excelApiAtLeast('1.7', '1.8')).toBe(false);
    expect(excelApiAtLeast(null, '1.1')).toBe(false);
  });

  it('tells dark backgrounds from light ones', () => {
    expect(isDarkColor('#000000')).toBe(true);
    expect(isDarkColor('#2b2b2b')).toBe(true);
    expect(isDarkColor('#FFFFFF')).toBe(false);
    expect(isDarkColor('#f3f2f1')).toBe(false);
    expect(isDarkColor('not a colour')).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
  });
});
