import type { RuleInfo, Severity } from './types';

export function rule(code: string, severity: Severity, title: string, titleEn: string): RuleInfo {
  return { code, severity, title, titleEn };
}
