/**
 * `Lịch sử` times: the writer's local wall-clock time, dd/mm/yyyy hh:mm, with the offset (issue
 * 19: a clerk in Hà Nội reads 15:00, not 08:00Z). Old rows (ISO text) and typed text stay as they are.
 */
import { historyTime, historyTimeOf } from '../../src/model/dates';

describe('historyTime', () => {
  const at = new Date('2024-06-21T08:00:00Z');

  it('shows Vietnam time (UTC+7) as dd/mm/yyyy hh:mm with its offset', () => {
    expect(historyTime(at, 7 * 60)).toBe('21/06/2024 15:00 (UTC+7)');
  });

  it('rolls the date over where local midnight has passed', () => {
    expect(historyTime(new Date('2024-12-31T18:05:00Z'), 7 * 60)).toBe('01/01/2025 01:05 (UTC+7)');
  });

  it('names zones west of UTC, half-hour zones and UTC itself', () => {
    expect(historyTime(at, -(3 * 60 + 30))).toBe('21/06/2024 04:30 (UTC-3:30)');
    expect(historyTime(at, 5 * 60 + 45)).toBe('21/06/2024 13:45 (UTC+5:45)');
    expect(historyTime(at, 0)).toBe('21/06/2024 08:00 (UTC)');
  });

  it('defaults to the zone the process runs in (the CLI test runs it under TZ=Asia/Ho_Chi_Minh)', () => {
    expect(historyTime(at)).toBe(historyTime(at, -at.getTimezoneOffset()));
    expect(historyTimeOf(at.toISOString())).toBe(historyTime(at));
  });

  it('gives the same time for an instant asked again, between other instants and text', () => {
    const other = new Date('2024-12-31T18:05:00Z');
    for (const asked of [at, at, other, at])
      expect(historyTimeOf(asked.toISOString())).toBe(historyTime(asked));
    expect(historyTimeOf('sáng thứ Hai')).toBe('sáng thứ Hai');
    expect(historyTimeOf(at.toISOString())).toBe(historyTime(at));
  });

  it('keeps text that is no ISO instant as it is', () => {
    expect(historyTimeOf('21/06/2024 15:00 (UTC+7)')).toBe('21/06/2024 15:00 (UTC+7)');
    expect(historyTimeOf('sáng thứ Hai')).toBe('sáng thứ Hai');
    expect(historyTimeOf('2024-13-45T99:99')).toBe('2024-13-45T99:99');
  });
});
