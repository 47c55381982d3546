/**
 * The pane's state colours stay distinct for colour-blind readers: each pair is compared (CIE76
 * ΔE in CIELAB) as seen with normal vision and as simulated for protanopia and deuteranopia with
 * the severity-1.0 matrices of Machado, Oliveira and Fernandes (2009), applied in linear sRGB.
 */
import { webLightTheme } from '@fluentui/react-components';
import { DEADLINE_STATES } from '../../src/model/vocabulary';
import { STATE_HEX } from '../../src/taskpane/state-colors';

import {
  apply,
  deltaE,
  DEUTERANOPIA,
  lab,
  linearRgb,
  NORMAL,
  PROTANOPIA,
  type Matrix,
} from '../support/color-vision';

/** The smallest ΔE between two state colours under a vision matrix. */
function closestPair(m: Matrix): { pair: string; dE: number } {
  let best = { pair: '', dE: Infinity };
  DEADLINE_STATES.forEach((a, i) =>
    DEADLINE_STATES.slice(i + 1).forEach((b) => {
      const dE = deltaE(lab(apply(m, linearRgb(STATE_HEX[a]))), lab(apply(m, linearRgb(STATE_HEX[b]))));
      if (dE < best.dE) best = { pair: `${a}/${b}`, dE };
    }),
  );
  return best;
}

describe('state colours for colour-blind readers', () => {
  it('has one colour per state', () => {
    expect(Object.keys(STATE_HEX).sort()).toEqual([...DEADLINE_STATES].sort());
  });

  it.each([
    ['normal vision', NORMAL],
    ['protanopia', PROTANOPIA],
    ['deuteranopia', DEUTERANOPIA],
  ] as const)('keeps every pair apart (ΔE ≥ 12) with %s', (_name, m) => {
    const { pair, dE } = closestPair(m as Matrix);
    expect({ pair, apart: dE >= 12 }).toEqual({ pair, apart: true });
  });

  it('would have failed the theme colours the pane used before', () => {
    const t = webLightTheme;
    const before = [
      t.colorPaletteGreenBackground3,
      t.colorPaletteLightGreenBackground2,
      t.colorPaletteBlueBackground2,
      t.colorPaletteRedBackground3,
      t.colorPaletteTealBackground2,
      t.colorNeutralForeground4,
    ].map((h) => lab(apply(DEUTERANOPIA, linearRgb(h))));
    let min = Infinity;
    before.forEach((a, i) => before.slice(i + 1).forEach((b) => (min = Math.min(min, deltaE(a, b)))));
    expect(min).toBeLessThan(12);
  });
});
