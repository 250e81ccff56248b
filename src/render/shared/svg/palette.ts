// Okabe & Ito's colour-blind-safe palette. Colour never carries meaning alone: series also differ by
// dash pattern and marker shape, and every value is also written as a number.

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'plus' | 'cross';

export interface SeriesStyle {
  color: string;
  dash: string;
  marker: MarkerShape;
}

const SERIES_STYLES: readonly SeriesStyle[] = [
  { color: '#0072B2', dash: '', marker: 'circle' },
  { color: '#D55E00', dash: '7 4', marker: 'square' },
  { color: '#009E73', dash: '2 3', marker: 'triangle' },
  { color: '#CC79A7', dash: '9 3 2 3', marker: 'diamond' },
  { color: '#56B4E9', dash: '12 5', marker: 'triangle-down' },
  { color: '#E69F00', dash: '4 2', marker: 'plus' },
  { color: '#000000', dash: '1 4', marker: 'cross' },
];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length] as SeriesStyle;
}

export const INK = '#1f2933';
export const MUTED = '#5f6b76';
export const GRID = '#c3cad1';

type Rgb = readonly [number, number, number];

function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function mix(a: string, b: string, t: number): string {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  return rgbToHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** Piecewise-linear colour scale over stops at evenly spaced positions of 0..1. */
function scale(stops: readonly string[], t: number): string {
  const clamped = Math.max(0, Math.min(1, t));
  const position = clamped * (stops.length - 1);
  const i = Math.min(Math.floor(position), stops.length - 2);
  return mix(stops[i] as string, stops[i + 1] as string, position - i);
}

// Vermillion - orange - blue: ordered from worst to best, distinguishable without red-green vision.
const BAND_STOPS = ['#D55E00', '#E69F00', '#0072B2'];

/** The colour of band `index` of `count` bands, lowest band first. */
export function bandColor(index: number, count: number): string {
  return count <= 1 ? (BAND_STOPS.at(-1) as string) : scale(BAND_STOPS, index / (count - 1));
}

/** A pale, opaque tint of a colour, for backgrounds that text sits on. */
export function tint(color: string, strength = 0.14): string {
  return mix('#ffffff', color, strength);
}

// A diverging orange-blue scale (ColorBrewer PuOr/RdBu family), centred on the neutral middle of the scale.
const HEAT_STOPS = ['#b35806', '#f1a340', '#f7f7f7', '#92c5de', '#2166ac'];

export function heatColor(score: number): string {
  return scale(HEAT_STOPS, score / 100);
}

function luminance(color: string): number {
  const [r, g, b] = hexToRgb(color).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Black or white text, whichever has the higher WCAG contrast on `background`: with pure black that is
 * at least 4.58:1 on any colour, which a softer dark grey cannot promise for mid-tones.
 */
export function textOn(background: string): string {
  return contrast(background, '#ffffff') > contrast(background, '#000000') ? '#ffffff' : '#000000';
}
