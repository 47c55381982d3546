import { LocalizedError } from '../model/msg';

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

/** The host's Excel API is too old for drawing the workbook live: the .xlsx file is the way. */
export class UnsupportedHostError extends LocalizedError {
  constructor(readonly needed: string) {
    super({
      vi:
        `Phiên bản Excel này chưa đủ (cần ExcelApi ${needed}; Excel 2016 và Office 2019 bản quyền số lượng lớn không có). ` +
        `Hãy tải tệp .xlsx đã tạo sẵn và mở bằng Excel.`,
      en:
        `This Excel version is too old (ExcelApi ${needed} needed; Excel 2016 and volume-licensed Office 2019 lack it). ` +
        `Download the ready-made .xlsx file and open it in Excel instead.`,
    });
    this.name = 'UnsupportedHostError';
  }
}

/** Freeze panes, tab colours and reading names' formulas need 1.7; everything else degrades. */
export const MIN_RENDER_API = '1.7';

export function requireApi(support: SupportCheck, version: string): void {
  if (!support('ExcelApi', version)) throw new UnsupportedHostError(version);
}
