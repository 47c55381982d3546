/**
 * The pane's state colours stay distinct for colour-blind readers: each pair is compared (CIE76
 * ΔE in CIELAB) as seen with normal vision and as simulated for protanopia and deuteranopia with
 * the severity-1.0 matrices of Machado, Oliveira and Fernandes (2009), applied in linear sRGB.
 */
import { webLightTheme } from '@fluentui/react-components';
import { DEADLINE_STATES } from '../../src/model/vocabulary';
import { STATE_HEX } from '../../src/taskpane/state-colors';

type Rgb = [number, number, number];
type Matrix = [Rgb, Rgb, Rgb];

const PROTANOPIA: Matrix = [
  [0.152286, 1.052583, -0.204868],
  [0.114503, 0.786281, 0.099216],
  [-0.003882, -0.048116, 1.051998],
];
const DEUTERANOPIA: Matrix = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.01182, 0.04294, 0.968881],
];
const NORMAL: Matrix = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function linearRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => toLinear(v / 255)) as Rgb;
}

function apply(m: Matrix, c: Rgb): Rgb {
  return m.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2]))) as Rgb;
}

function lab([r, g, b]: Rgb): Rgb {
  // Linear sRGB → XYZ (D65) → CIELAB.
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

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
