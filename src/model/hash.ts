/**
 * Two hashes, for two jobs:
 * - FNV-1a (64-bit) for what must be fast and synchronous: a fingerprint of every task row, which
 *   only has to notice an edit made by accident (not resist an attacker), computed for every task
 *   at every build and revision;
 * - SHA-256 through Web Crypto (browsers, Office and Node 20 all have `crypto.subtle`) for the
 *   plan's fingerprint. It is asynchronous and missing on plain-http pages, so it answers null
 *   there and the caller falls back to FNV-1a, saying so in the workbook's meta.
 */

const encoder = new TextEncoder();

function hex16(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** FNV-1a 64 of the UTF-8 bytes, as 16 lowercase hex digits. */
export function fnv1a64Hex(text: string): string {
  const bytes = encoder.encode(text);
  // The 64-bit state as four 16-bit limbs (low first), so every product stays an exact double.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i];
    // × 0x100000001b3 = × 0x1b3 + × 2^40 (mod 2^64): the shifted part lands in limbs 2 and 3.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return hex16(h3) + hex16(h2) + hex16(h1) + hex16(h0);
}

interface Subtle {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

function subtle(): Subtle | null {
  const c = (globalThis as { crypto?: { subtle?: Subtle } }).crypto;
  return c?.subtle && typeof c.subtle.digest === 'function' ? c.subtle : null;
}

/** SHA-256 of the UTF-8 bytes as lowercase hex, or null where Web Crypto is not available. */
export async function sha256Hex(text: string): Promise<string | null> {
  const s = subtle();
  if (!s) return null;
  const digest = new Uint8Array(await s.digest('SHA-256', encoder.encode(text)));
  let out = '';
  for (let i = 0; i < digest.length; i++) out += digest[i].toString(16).padStart(2, '0');
  return out;
}
