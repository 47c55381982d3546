import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { readTypedDate } from '../../model/dates';
import { formatDate, useI18n } from '../i18n';

export interface DateFieldProps {
  label: string;
  /** ISO date, or null for empty. */
  value: string | null;
  /**
   * Called on every keystroke: the ISO date typed (null when the box is empty) and whether it is
   * a date at all. Invalid input never becomes a value: the caller keeps its last good one.
   */
  onChange: (iso: string | null, valid: boolean) => void;
  /** An empty box is refused with a message. */
  required?: boolean;
  hint?: string;
  disabled?: boolean;
  className?: string;
}

/**
 * A date read and written dd/mm/yyyy whatever the browser's locale (a native date input follows
 * the browser: mm/dd in an English Chrome, and "30092024" typed into it gives 03/01/92024). The
 * box keeps exactly what was typed until it loses focus, then shows the date it understood.
 */
export function DateField({ label, value, onChange, required, hint, disabled, className }: DateFieldProps) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(() => formatDate('vi', value));
  const [touched, setTouched] = useState(false);
  // A value set from outside (restored work, another step) replaces what the box shows.
  useEffect(() => {
    setText((shown) => {
      const read = readTypedDate(shown);
      return 'iso' in read && read.iso === value ? shown : formatDate('vi', value);
    });
  }, [value]);

  const read = text.trim() ? readTypedDate(text) : null;
  const problem = read
    ? 'problem' in read
      ? read.problem === 'impossible'
        ? t('dateImpossible', { text: text.trim() })
        : t('dateBadFormat')
      : null
    : required
      ? t('dateRequired')
      : null;
  const showProblem = problem && (touched || (read && 'problem' in read && read.problem === 'impossible'));

  return (
    <Field
      label={label}
      className={className}
      hint={showProblem ? undefined : (hint ?? t('dateHint'))}
      validationState={showProblem ? 'error' : 'none'}
      validationMessage={showProblem ? problem : undefined}
    >
      <Input
        value={text}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('datePlaceholder')}
        disabled={disabled}
        lang={lang}
        data-testid="date-field"
        onChange={(_, data) => {
          setText(data.value);
          const r = data.value.trim() ? readTypedDate(data.value) : null;
          if (!r) onChange(null, !required);
          else if ('iso' in r) onChange(r.iso, true);
          else onChange(value, false);
        }}
        onBlur={() => {
          setTouched(true);
          const r = text.trim() ? readTypedDate(text) : null;
          if (r && 'iso' in r) setText(formatDate('vi', r.iso));
        }}
      />
    </Field>
  );
}
