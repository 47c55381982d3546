/**
 * Colour-vision simulation for the colour checks: colours compared (CIE76 ΔE in CIELAB) as seen
 * with normal vision and as simulated for protanopia and deuteranopia with the severity-1.0
 * matrices of Machado, Oliveira and Fernandes (2009), applied in linear sRGB.
 */
export type Rgb = [number, number, number];
export type Matrix = [Rgb, Rgb, Rgb];

export const PROTANOPIA: Matrix = [
  [0.152286, 1.052583, -0.204868],
  [0.114503, 0.786281, 0.099216],
  [-0.003882, -0.048116, 1.051998],
];
export const DEUTERANOPIA: Matrix = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.01182, 0.04294, 0.968881],
];
export const NORMAL: Matrix = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

export const VISIONS = [
  ['normal vision', NORMAL],
  ['protanopia', PROTANOPIA],
  ['deuteranopia', DEUTERANOPIA],
] as const;

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** "#RRGGBB" or "RRGGBB" → linear sRGB. */
export function linearRgb(hex: string): Rgb {
  const n = parseInt(hex.replace(/^#/, ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => toLinear(v / 255)) as Rgb;
}

export function apply(m: Matrix, c: Rgb): Rgb {
  return m.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2]))) as Rgb;
}

export function lab([r, g, b]: Rgb): Rgb {
  // Linear sRGB → XYZ (D65) → CIELAB.
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

export const deltaE = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The two closest of named colours as seen through `m`, and how far apart they are. */
export function closestPair(colors: Record<string, string>, m: Matrix): { pair: string; dE: number } {
  const names = Object.keys(colors);
  let best = { pair: '', dE: Infinity };
  names.forEach((a, i) =>
    names.slice(i + 1).forEach((b) => {
      const dE = deltaE(lab(apply(m, linearRgb(colors[a]))), lab(apply(m, linearRgb(colors[b]))));
      if (dE < best.dE) best = { pair: `${a}/${b}`, dE };
    }),
  );
  return best;
}
