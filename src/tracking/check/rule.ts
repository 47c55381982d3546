import type { RuleInfo, Severity } from './types';

/** A rule's identity; its title in Vietnamese and English. */
export function rule(code: string, severity: Severity, vi: string, en: string): RuleInfo {
  return { code, severity, title: { vi, en } };
}
