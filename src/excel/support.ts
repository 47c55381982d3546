/** Asks whether the host implements an API set, e.g. ('ExcelApi', '1.8'). */
export type SupportCheck = (set: string, version: string) => boolean;

/**
 * The real check, through Office.context.requirements. Outside Office (tests, the CLI) there is
 * no `Office` global; everything is then taken as supported and the caller's fake decides.
 */
export const defaultSupport: SupportCheck = (set, version) => {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  if (!requirements) return true;
  return requirements.isSetSupported(set, version);
};
