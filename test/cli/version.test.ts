import * as fs from 'fs';
import * as path from 'path';
import { bufferIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';

describe('plan-tracker --version', () => {
  it.each(['--version', '-V'])('%s prints the package version and exits 0', async (flag) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    const io = bufferIo(process.cwd());
    expect(await main([flag], io)).toBe(0);
    expect(io.stdout.trim()).toBe(`plan-tracker ${pkg.version}`);
    expect(io.stderr).toBe('');
  });
});
