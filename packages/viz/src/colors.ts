/** An RGBA colour, 0–255 per channel. */
export type Rgba = readonly [number, number, number, number]

/** Colour-blind-friendly categorical palette (Okabe–Ito, plus two darker tones). */
export const PALETTE: readonly Rgba[] = Object.freeze([
  [0, 114, 178, 255],
  [213, 94, 0, 255],
  [0, 158, 115, 255],
  [204, 121, 167, 255],
  [230, 159, 0, 255],
  [86, 180, 233, 255],
  [120, 94, 240, 255],
  [60, 60, 60, 255],
] as const)

/** The colour of the i-th series (numbers in a selection keep their colour across map, chart and timeline). */
export const seriesColor = (index: number): Rgba =>
  PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length]!

export const withAlpha = (c: Rgba, alpha: number): Rgba => [c[0], c[1], c[2], Math.round(alpha)]

export const toCss = (c: Rgba): string => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] / 255).toFixed(3)})`

export const toHex = (c: Rgba): string =>
  `#${[c[0], c[1], c[2]].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`

/** Role colours for the link chart; unknown roles fall back to the neutral grey. */
export const ROLE_COLORS: Readonly<Record<string, Rgba>> = Object.freeze({
  'deal-line': [213, 94, 0, 255],
  line: [213, 94, 0, 255],
  holder: [204, 121, 167, 255],
  runner: [230, 159, 0, 255],
  customer: [0, 114, 178, 255],
  target: [0, 158, 115, 255],
  handset: [120, 94, 240, 255],
  sim: [86, 180, 233, 255],
  person: [40, 40, 40, 255],
  other: [150, 150, 150, 255],
})

export const roleColor = (role: string | null | undefined): Rgba =>
  ROLE_COLORS[role ?? 'other'] ?? ROLE_COLORS['other']!
