import { createHash } from 'crypto';
import fc from 'fast-check';
import { fnv1a64Hex, sha256Hex } from '../../src/model/hash';

/** FNV-1a 64 written the obvious way with BigInt, to check the four-limb version against. */
function fnvReference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(text, 'utf8')) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

describe('FNV-1a 64', () => {
  it('gives the published values', () => {
    // Test vectors of the FNV reference (draft-eastlake-fnv, "FNV-1a 64").
    expect(fnv1a64Hex('')).toBe('cbf29ce484222325');
    expect(fnv1a64Hex('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64Hex('foobar')).toBe('85944171f73967e8');
  });

  it('matches a BigInt reference on Vietnamese text and random strings', () => {
    expect(fnv1a64Hex('Ban Thường vụ Tỉnh ủy khóa XX — Tỉnh uỷ')).toBe(
      fnvReference('Ban Thường vụ Tỉnh ủy khóa XX — Tỉnh uỷ'),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => fnv1a64Hex(s) === fnvReference(s)),
    );
  });
});

describe('SHA-256 through Web Crypto', () => {
  const nodeSha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

  it('matches Node for the padding edge lengths and Vietnamese text', async () => {
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 1000]) {
      const s = 'a'.repeat(n);
      expect(await sha256Hex(s)).toBe(nodeSha(s));
    }
    const vi = 'Ban Thường vụ Tỉnh ủy khóa XX — Tỉnh uỷ';
    expect(await sha256Hex(vi)).toBe(nodeSha(vi));
  });

  it('answers null where there is no Web Crypto (a page served over plain http)', async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      expect(await sha256Hex('x')).toBeNull();
    } finally {
      if (saved) Object.defineProperty(globalThis, 'crypto', saved);
    }
  });
});
