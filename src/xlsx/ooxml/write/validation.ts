import { escapeAttr, escapeXml } from '../xml';
import type { ValidationModel } from './model';

/** Data validations: one element per rule and range, never one per cell. */

// Longer texts make Excel report the file as damaged.
const LIMITS = { title: 32, prompt: 255, error: 225 };

export function checkValidation(v: ValidationModel): void {
  const tooLong = (what: string, text: string | undefined, max: number) => {
    if (text !== undefined && text.length > max)
      throw new RangeError(`data validation ${what} over ${max} characters on ${v.sqref}`);
  };
  tooLong('prompt title', v.prompt?.title, LIMITS.title);
  tooLong('prompt', v.prompt?.text, LIMITS.prompt);
  tooLong('error title', v.error?.title, LIMITS.title);
  tooLong('error message', v.error?.text, LIMITS.error);
  if (v.type !== 'list' && v.type !== 'custom' && v.formula1 === undefined)
    throw new RangeError(`data validation on ${v.sqref} has no bound`);
}

export function validationsXml(list: readonly ValidationModel[]): string {
  if (!list.length) return '';
  let s = `<dataValidations count="${list.length}">`;
  for (const v of list) {
    s += `<dataValidation type="${v.type}"`;
    if (v.error?.style && v.error.style !== 'stop') s += ` errorStyle="${v.error.style}"`;
    if (v.operator && v.operator !== 'between') s += ` operator="${v.operator}"`;
    if (v.allowBlank) s += ' allowBlank="1"';
    if (v.prompt) s += ' showInputMessage="1"';
    s += ' showErrorMessage="1"';
    if (v.error?.title) s += ` errorTitle="${escapeAttr(v.error.title)}"`;
    if (v.error) s += ` error="${escapeAttr(v.error.text)}"`;
    if (v.prompt?.title) s += ` promptTitle="${escapeAttr(v.prompt.title)}"`;
    if (v.prompt) s += ` prompt="${escapeAttr(v.prompt.text)}"`;
    s += ` sqref="${escapeAttr(v.sqref)}">`;
    if (v.formula1 !== undefined) s += `<formula1>${escapeXml(v.formula1)}</formula1>`;
    if (v.formula2 !== undefined) s += `<formula2>${escapeXml(v.formula2)}</formula2>`;
    s += '</dataValidation>';
  }
  return s + '</dataValidations>';
}
