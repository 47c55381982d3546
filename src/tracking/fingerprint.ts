/**
 * The fingerprint of the plan a workbook was built from. Merge compares the master's with the
 * one an agency copy carries (the copy gets the master's value verbatim), so the algorithm only
 * has to be the same within one master's family; it is recorded beside the value all the same.
 */
import { fnv1a64Hex, sha256Hex } from '../model/hash';
import { normalizeText } from '../plan/normalize';
import type { Plan } from '../plan/types';

export interface Fingerprint {
  value: string;
  /** "sha-256", or "fnv1a-64" where Web Crypto is not available (a page served over plain http). */
  algorithm: string;
}

function fingerprintSource(plan: Plan, sourceText?: string): string {
  return sourceText !== undefined
    ? normalizeText(sourceText)
    : JSON.stringify([plan.title, plan.number, plan.tasks.map((t) => [t.id, t.text])]);
}

/** SHA-256 of the normalised plan text (Web Crypto), or FNV-1a where there is none. */
export async function planFingerprint(plan: Plan, sourceText?: string): Promise<Fingerprint> {
  const source = fingerprintSource(plan, sourceText);
  const sha = await sha256Hex(source);
  return sha !== null ? { value: sha, algorithm: 'sha-256' } : quickFingerprintOf(source);
}

/** The synchronous fingerprint, for a description built without waiting for Web Crypto. */
export function quickFingerprint(plan: Plan, sourceText?: string): Fingerprint {
  return quickFingerprintOf(fingerprintSource(plan, sourceText));
}

function quickFingerprintOf(source: string): Fingerprint {
  return { value: fnv1a64Hex(source), algorithm: 'fnv1a-64' };
}
