import { createHash } from 'crypto';
import fc from 'fast-check';
import { sha256Bytes, sha256Hex } from '../../src/workbook/hash';

const nodeSha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('sha256 (pure TS)', () => {
  it('matches Node for the padding edge lengths', () => {
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 1000]) {
      const s = 'a'.repeat(n);
      expect(sha256Hex(s)).toBe(nodeSha(s));
    }
  });

  it('hashes the UTF-8 bytes of Vietnamese text', () => {
    const s = 'Ban Thường vụ Tỉnh ủy khóa XX — Tỉnh uỷ';
    expect(sha256Hex(s)).toBe(nodeSha(Buffer.from(s, 'utf8')));
  });

  it('matches Node on random strings and bytes', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => sha256Hex(s) === nodeSha(s)));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const hex = Buffer.from(sha256Bytes(bytes)).toString('hex');
        return hex === nodeSha(bytes);
      }),
    );
  });
});
