import {
  choiceFlag,
  commandArgs,
  COMMON_FLAGS,
  officePeriod,
  parseArgs,
  type ArgSpec,
  type FlagSpecs,
  UsageError,
} from '../../src/cli/args';
import { bufferIo } from '../../src/cli/io';
import type { Msg } from '../../src/model/msg';

const SPEC = {
  flags: {
    output: { names: ['-o', '--output'], kind: 'string' },
    reportDate: { names: ['--report-date'], kind: 'date', label: ['Ngày báo cáo', 'report date'] },
    lang: { names: ['--lang'], kind: 'lang' },
    json: { names: ['--json'], kind: 'bool' },
    prefer: { names: ['--prefer'], kind: 'choice', choices: ['return', 'master'] },
  },
  positional: {
    min: 1,
    max: 2,
    tooFew: { vi: 'Thiếu tệp.', en: 'Missing the file.' },
  },
} as const;

function ok<F extends FlagSpecs>(args: string[], spec: ArgSpec<F>) {
  const parsed = parseArgs(args, spec);
  if ('error' in parsed) throw new Error(`unexpected usage error: ${parsed.error.en}`);
  return parsed;
}

/** The usage error, both languages side by side so one pattern can check the pair. */
function error(args: string[], spec: ArgSpec<FlagSpecs> = SPEC): string {
  const parsed = parseArgs(args, spec);
  if (!('error' in parsed)) throw new Error(`expected a usage error for ${JSON.stringify(args)}`);
  return `${parsed.error.vi} | ${parsed.error.en}`;
}

describe('parseArgs', () => {
  it('gives every flag its default when only positionals are given', () => {
    expect(ok(['a.xlsx'], SPEC)).toEqual({
      flags: { output: undefined, reportDate: undefined, lang: 'vi', json: false, prefer: undefined },
      positional: ['a.xlsx'],
    });
  });

  it('reads values after the flag and after "=", for every spelling, in any order', () => {
    const parsed = ok(
      [
        '--json',
        'a.xlsx',
        '-o',
        'out.xlsx',
        '--report-date=2024-06-30',
        '--lang',
        'en',
        'b.txt',
        '--prefer=master',
      ],
      SPEC,
    );
    expect(parsed).toEqual({
      flags: { output: 'out.xlsx', reportDate: '2024-06-30', lang: 'en', json: true, prefer: 'master' },
      positional: ['a.xlsx', 'b.txt'],
    });
    expect(ok(['a', '--output=x.xlsx'], SPEC).flags.output).toBe('x.xlsx');
    // Dates as the office writes them reach the command as ISO.
    expect(ok(['a', '--report-date', '14/06/2024'], SPEC).flags.reportDate).toBe('2024-06-14');
    expect(ok(['a', '--report-date=1/6/2024'], SPEC).flags.reportDate).toBe('2024-06-01');
    expect(ok(['a', '--output', 'x.xlsx'], SPEC).flags.output).toBe('x.xlsx');
  });

  it('lets the last repetition of a flag win', () => {
    expect(ok(['a', '--lang', 'en', '--lang=vi'], SPEC).flags.lang).toBe('vi');
  });

  it('takes the next argument as the value whatever it looks like, unless it is one of the options', () => {
    expect(ok(['a', '-o', '-x.xlsx'], SPEC).flags).toMatchObject({ output: '-x.xlsx', json: false });
    // `-o --json` is a forgotten value, not a file called "--json" (issue 19).
    expect(error(['a', '-o', '--json'])).toContain('-o');
    expect(error(['a', '--lang', '--json=x'])).toContain('--lang');
  });

  it('keeps "=" inside a value and only splits long flags on it', () => {
    expect(ok(['a', '--output=x=y.xlsx'], SPEC).flags.output).toBe('x=y.xlsx');
    expect(error(['a', '-o=x.xlsx'])).toContain('"-o=x.xlsx"');
  });

  it('treats a lone "-" as a positional argument', () => {
    expect(ok(['-'], SPEC).positional).toEqual(['-']);
  });

  it.each([
    [['a', '--bogus'], /^Tuỳ chọn không hợp lệ: "--bogus"\. \| Unknown option: "--bogus"\.$/],
    [['a', '--bogus=1'], /Unknown option: "--bogus=1"/],
    [['a', '--'], /Unknown option: "--"/],
    [['a', '-o'], /^Thiếu giá trị sau -o\. \| Missing value after -o\.$/],
    [['a', '--output='], /Thiếu giá trị sau --output.*Missing value after --output/],
    [['a', '-o', ''], /Missing value after -o/],
    [['a', '--lang'], /Missing value after --lang/],
    [['a', '--json=yes'], /--json không nhận giá trị.*--json takes no value/],
    [
      ['a', '--lang', 'fr'],
      /^Ngôn ngữ không hợp lệ: "fr" \(vi \| en\)\. \| Invalid language: "fr" \(vi \| en\)\.$/,
    ],
    [['a', '--report-date', '2024-02-30'], /Ngày báo cáo không hợp lệ: "2024-02-30".*Invalid report date/],
    [
      ['a', '--report-date', '30-06'],
      /cần dd\/mm\/yyyy hoặc YYYY-MM-DD.*expected dd\/mm\/yyyy or YYYY-MM-DD/,
    ],
    [['a', '--report-date', '31/06/2024'], /"31\/06\/2024" \(không có ngày này\).*\(no such date\)/],
    [
      ['a', '--prefer', 'mine'],
      /Giá trị của --prefer không hợp lệ: "mine".*Invalid value of --prefer.*return \| master/,
    ],
    [[], /^Thiếu tệp\. \| Missing the file\.$/],
    [['a', 'b', 'c'], /^Thừa tham số: "c"\. \| Unexpected argument: "c"\.$/],
  ])('rejects %j with a message in each language', (args, message) => {
    expect(error(args)).toMatch(message);
  });

  it('reports the first problem, in argument order', () => {
    expect(error(['a', '--bogus', '--lang', 'fr'])).toMatch(/Unknown option/);
    expect(error(['a', '--lang', 'fr', '--bogus'])).toMatch(/Invalid language/);
  });

  it('uses the command’s own wording for too many positionals, naming the extra one', () => {
    const spec = {
      flags: {},
      positional: {
        min: 1,
        max: 1,
        tooFew: { vi: 'Thiếu.', en: 'Missing.' },
        tooMany: (arg: string) => ({ vi: `Một tệp thôi: "${arg}".`, en: `One file only: "${arg}".` }),
      },
    };
    expect(error(['a', 'b'], spec)).toBe('Một tệp thôi: "b". | One file only: "b".');
  });

  it('accepts any number of positionals up to Infinity', () => {
    const spec = { flags: {}, positional: { min: 2, max: Infinity, tooFew: { vi: 'Ít.', en: 'Few.' } } };
    expect(ok(['a', 'b', 'c', 'd'], spec).positional).toEqual(['a', 'b', 'c', 'd']);
    expect(error(['a'], spec)).toBe('Ít. | Few.');
  });

  it('reads the shared flags and labelled choices the commands declare', () => {
    const spec = {
      flags: {
        reportDate: COMMON_FLAGS.reportDate,
        dryRun: COMMON_FLAGS.dryRun,
        period: choiceFlag('--update-period', ['month', 'quarter'], ['Kỳ cập nhật', 'update period']),
      },
      positional: { min: 0, max: 0, tooFew: { vi: '', en: '' } },
    };
    const parsed = ok(['--dry-run', '--update-period=month', '--report-date', '2024-02-29'], spec);
    const period: 'month' | 'quarter' | undefined = parsed.flags.period;
    expect([period, parsed.flags.dryRun, parsed.flags.reportDate]).toEqual(['month', true, '2024-02-29']);
    expect(error(['--update-period', 'week'], spec)).toBe(
      'Kỳ cập nhật không hợp lệ: "week" (month | quarter). | Invalid update period: "week" (month | quarter).',
    );
    expect(error(['--report-date', '2023-02-29'], spec)).toMatch(/^Ngày báo cáo không hợp lệ/);
  });

  it('does not change the argument array', () => {
    const args = ['a', '--lang=en', '-o', 'x.xlsx'];
    const copy = [...args];
    ok(args, SPEC);
    expect(args).toEqual(copy);
  });
});

describe('commandArgs', () => {
  const USAGE: Msg = { vi: 'Cách dùng: thử', en: 'Usage: try' };

  it('prints the usage on stdout, in the language asked for, for --help / -h when help is on', () => {
    for (const flag of ['--help', '-h']) {
      const io = bufferIo();
      expect(commandArgs(['a', '--bogus', flag], { ...SPEC, help: true }, USAGE, io)).toBeNull();
      expect(io.stderr).toBe('');
      expect(io.stdout.startsWith(`${USAGE.vi}\n`)).toBe(true);
      expect(io.stdout).toContain('Tuỳ chọn:');
    }
    const io = bufferIo();
    commandArgs(['-h', '--lang', 'en'], { ...SPEC, help: true }, USAGE, io);
    expect(io.stdout.startsWith(`${USAGE.en}\n`)).toBe(true);
    expect(io.stdout).toContain('Options:');
  });

  it('treats --help as an unknown option when help is off', () => {
    const io = bufferIo();
    expect(() => commandArgs(['a', '--help'], SPEC, USAGE, io)).toThrow(UsageError);
    expect(io.stdout + io.stderr).toBe('');
  });

  it('throws a usage error followed by the usage, exit code 2, printing nothing itself', () => {
    const io = bufferIo();
    let thrown: unknown = null;
    try {
      commandArgs([], SPEC, USAGE, io);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).msg).toEqual({
      vi: `Thiếu tệp.\n${USAGE.vi}`,
      en: `Missing the file.\n${USAGE.en}`,
    });
    expect((thrown as UsageError).exitCode).toBe(2);
    expect(io.stdout + io.stderr).toBe('');
  });

  it('hands back the parsed arguments, printing nothing', () => {
    const io = bufferIo();
    const parsed = commandArgs(['a', '--json'], SPEC, USAGE, io);
    expect(parsed?.flags.json).toBe(true);
    expect(io.stdout + io.stderr).toBe('');
  });
});

describe('officePeriod', () => {
  it.each([
    ['Quý II-2024', '2024-Q2'],
    ['quý IV/2023', '2023-Q4'],
    ['Q2-2024', '2024-Q2'],
    ['q3 2024', '2024-Q3'],
    ['6T-2024', '2024-H1'],
    ['6 tháng đầu năm 2024', '2024-H1'],
    ['2024-Q2', '2024-Q2'],
    ['Quý V-2024', 'Quý V-2024'],
  ])('reads %s as %s (issue 19: summary --period the way the office writes it)', (text, iso) => {
    expect(officePeriod(text)).toBe(iso);
  });
});
