import { readTypedDate } from '../../src/model/dates';

describe('a date typed the Vietnamese way', () => {
  it.each([
    ['30/09/2024', '2024-09-30'],
    ['30092024', '2024-09-30'],
    ['1/6/2024', '2024-06-01'],
    ['14.06.2024', '2024-06-14'],
    ['14-06-2024', '2024-06-14'],
    [' 29/02/2024 ', '2024-02-29'],
    ['14/06/24', '2024-06-14'],
    ['2024-06-14', '2024-06-14'],
  ])('reads %s as %s', (typed, iso) => {
    expect(readTypedDate(typed)).toEqual({ iso });
  });

  it.each(['31/02/2024', '29/02/2023', '00/01/2024', '32/01/2024', '15/13/2024', '31092024', '2024-02-30'])(
    'refuses the impossible date %s',
    (typed) => {
      expect(readTypedDate(typed)).toEqual({ problem: 'impossible' });
    },
  );

  it.each(['', '3009202', '300920245', 'hôm nay', '30/09', '2024/09/30 10:00'])(
    'refuses %p as not a date',
    (typed) => {
      expect(readTypedDate(typed)).toEqual({ problem: 'format' });
    },
  );
});
