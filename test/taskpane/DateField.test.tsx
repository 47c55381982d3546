/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { DateField } from '../../src/taskpane/components/DateField';
import { withProviders } from './fixtures';
import './jsdom-polyfills';

function Harness({
  initial,
  onValue,
}: {
  initial: string | null;
  onValue: (iso: string | null, ok: boolean) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <DateField
      label="Ngày báo cáo"
      value={value}
      onChange={(iso, ok) => {
        onValue(iso, ok);
        if (ok) setValue(iso);
      }}
    />
  );
}

function setup(lang: 'vi' | 'en' = 'vi', initial: string | null = '2024-06-14') {
  const onValue = jest.fn();
  render(withProviders(<Harness initial={initial} onValue={onValue} />, lang));
  const box = screen.getByTestId('date-field') as HTMLInputElement;
  const type = (v: string) => {
    fireEvent.change(box, { target: { value: v } });
    fireEvent.blur(box);
  };
  return { box, type, onValue };
}

describe('the dd/mm/yyyy date field', () => {
  it('shows the date day first and reads eight digits typed together as dd/mm/yyyy', () => {
    const { box, type, onValue } = setup();
    expect(box.value).toBe('14/06/2024');
    type('30092024');
    expect(onValue).toHaveBeenLastCalledWith('2024-09-30', true);
    expect(box.value).toBe('30/09/2024');
  });

  it('refuses an impossible date with a message and keeps the last good value', () => {
    const { box, type, onValue } = setup();
    type('31/02/2024');
    expect(onValue).toHaveBeenLastCalledWith('2024-06-14', false);
    expect(box.value).toBe('31/02/2024');
    expect(screen.getByText('Không có ngày 31/02/2024: hãy kiểm tra ngày và tháng.')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });

  it('asks for dd/mm/yyyy when what was typed is no date, in the screen’s language', () => {
    const { type } = setup('en');
    type('June 14');
    expect(screen.getByText('Type the date as dd/mm/yyyy, e.g. 30/09/2024.')).toBeTruthy();
  });

  it('writes dd/mm/yyyy in English too', () => {
    const { box } = setup('en', '2024-12-01');
    expect(box.value).toBe('01/12/2024');
  });
});
