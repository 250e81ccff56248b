import type { ChalkInstance } from 'chalk';
import type { SingleReport } from '../../core/report/single/schema.js';

// What the terminal renderers share: cli-table3 without borders, and the colour of a band.

export const BORDERLESS = {
  chars: {
    top: '',
    'top-mid': '',
    'top-left': '',
    'top-right': '',
    bottom: '',
    'bottom-mid': '',
    'bottom-left': '',
    'bottom-right': '',
    left: '  ',
    'left-mid': '',
    mid: '',
    'mid-mid': '',
    right: '',
    'right-mid': '',
    middle: '  ',
  },
  style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
};

export function right(content: string): { hAlign: 'right'; content: string } {
  return { hAlign: 'right', content };
}

/** Lowest band red, highest green, the rest yellow: the band label is always printed too, so colour is never the only signal. */
export function bandColour(c: ChalkInstance, report: Pick<SingleReport, 'bands'>, bandId: string | undefined): ChalkInstance {
  const index = report.bands.findIndex((b) => b.id === bandId);
  if (index === 0) return c.red;
  if (index === report.bands.length - 1) return c.green;
  return c.yellow;
}
