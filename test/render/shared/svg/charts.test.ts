import { describe, expect, it } from 'vitest';
import { barChart } from '../../../../src/render/shared/svg/bars.js';
import { beforeAfterChart } from '../../../../src/render/shared/svg/before-after.js';
import { heatMap } from '../../../../src/render/shared/svg/heat-map.js';
import { radarChart } from '../../../../src/render/shared/svg/radar.js';

const bands = [
  { label: 'Misaligned', min: 0 },
  { label: 'Partly aligned', min: 40 },
  { label: 'Aligned', min: 70 },
];
const HOSTILE = `<script>x()</script><img src=x onerror="y()"> 'q' </style></title>]]>`;

const count = (svg: string, pattern: RegExp) => [...svg.matchAll(new RegExp(pattern, 'g'))].length;
const axes = (n: number) => Array.from({ length: n }, (_, i) => `Pillar ${i + 1}`);

/** Markup from input never survives as markup: no element, attribute or CDATA end appears raw. */
function expectInert(svg: string): void {
  expect(svg).not.toMatch(/<script|<img|<\/style>|]]>/);
  const attributes = [...svg.matchAll(/<[a-z][^>]*>/gi)].flatMap((tag) => [...tag[0].matchAll(/\s([\w:-]+)="[^"]*"/g)].map((a) => a[1]));
  expect(attributes.filter((name) => /^on/i.test(name ?? ''))).toEqual([]);
  expect(count(svg, /<title>/)).toBe(1);
}

describe('radarChart', () => {
  it.each([3, 4, 5, 8, 12])('draws %i axes as spokes and labels', (n) => {
    const svg = radarChart({ id: 'r', title: 'T', axes: axes(n), series: [{ name: 'You', values: axes(n).map(() => 50) }], bands, nullLabel: 'n/a' });
    expect(count(svg, /class="spoke"/)).toBe(n);
    expect(count(svg, /class="axis-label"/)).toBe(n);
  });

  it('overlays every series as its own closed shape, with a legend naming each', () => {
    const series = [
      { name: 'Sales', values: [20, 40, 60, 80] },
      { name: 'Marketing', values: [80, 60, 40, 20] },
      { name: 'Leadership', values: [50, 50, 50, 50] },
    ];
    const svg = radarChart({ id: 'r', title: 'T', axes: axes(4), series, bands, nullLabel: 'n/a' });
    expect(count(svg, /class="series"/)).toBe(3);
    expect(count(svg, /class="legend-item"/)).toBe(3);
    expect(count(svg, /fill-opacity=/)).toBe(3);
    expect(new Set([...svg.matchAll(/stroke-dasharray="([^"]+)"/g)].map((m) => m[1])).size).toBeGreaterThanOrEqual(3);
  });

  it('has no legend for a single series, which shows its values at the axes', () => {
    const svg = radarChart({ id: 'r', title: 'T', axes: axes(3), series: [{ name: 'You', values: [12, 34.6, 78] }], bands, nullLabel: 'n/a' });
    expect(svg).not.toContain('class="legend-item"');
    for (const value of ['>12<', '>34<', '>78<']) expect(svg).toContain(value);
  });

  it('breaks the outline at a missing value instead of closing the shape', () => {
    const svg = radarChart({
      id: 'r',
      title: 'T',
      axes: axes(5),
      series: [{ name: 'S', values: [50, null, 50, 50, 50] }],
      bands,
      nullLabel: 'not enough answers',
    });
    expect(svg).not.toContain('fill-opacity');
    expect(count(svg, /<polyline/)).toBe(1);
    expect(svg).toContain('Pillar 2 not enough answers');
  });

  it.each([1, 2])('becomes a bar chart with %i axes', (n) => {
    const svg = radarChart({
      id: 'r',
      title: 'T',
      axes: axes(n),
      series: [
        { name: 'S', values: axes(n).map(() => 60) },
        { name: 'M', values: axes(n).map(() => 30) },
      ],
      bands,
      nullLabel: 'n/a',
    });
    expect(svg).not.toContain('class="spoke"');
    expect(count(svg, /class="bar-row"/)).toBe(n);
    expect(count(svg, /class="bar"/)).toBe(2 * n);
    expect(count(svg, /class="legend-item"/)).toBe(2);
  });

  it('says every figure in its aria-label', () => {
    const svg = radarChart({
      id: 'r',
      title: 'Scores',
      axes: ['A', 'B', 'C'],
      series: [
        { name: 'Sales', values: [10, 20, null] },
        { name: 'Marketing', values: [30, 40, 50] },
      ],
      bands,
      nullLabel: 'n/a',
    });
    const label = /aria-label="([^"]*)"/.exec(svg)?.[1];
    expect(label).toBe(
      'Scores. Sales: A 10, B 20, C n/a. Marketing: A 30, B 40, C 50. Bands: Misaligned from 0 to below 40, Partly aligned from 40 to below 70, Aligned from 70 to 100.',
    );
  });

  it('keeps hostile axis and series names as text', () => {
    const svg = radarChart({
      id: 'r',
      title: HOSTILE,
      axes: [HOSTILE, HOSTILE, HOSTILE],
      series: [
        { name: HOSTILE, values: [1, 2, 3] },
        { name: HOSTILE, values: [3, 2, 1] },
      ],
      bands: [{ label: HOSTILE, min: 0 }],
      nullLabel: HOSTILE,
    });
    expectInert(svg);
  });
});

describe('barChart', () => {
  it('marks each band threshold with a dashed line and a tick', () => {
    const svg = barChart({ id: 'b', title: 'T', series: ['Score'], rows: [{ label: 'A', values: [55] }], bands, nullLabel: 'n/a' });
    expect(count(svg, /stroke-dasharray="4 3"/)).toBe(2);
    for (const tick of ['>0<', '>40<', '>70<', '>100<']) expect(svg).toContain(tick);
    for (const band of ['Misaligned', 'Partly aligned', 'Aligned']) expect(svg).toContain(`>${band}<`);
  });

  it('writes the null label where there is no value, and a whisker for a range', () => {
    const svg = barChart({
      id: 'b',
      title: 'T',
      series: ['Score'],
      rows: [
        { label: 'A', values: [null] },
        { label: 'B', values: [62], range: { min: 20, max: 90 } },
      ],
      bands,
      nullLabel: 'not enough answers',
    });
    expect(count(svg, /class="bar"/)).toBe(1);
    expect(svg).toContain('>not enough answers<');
    expect(count(svg, /class="range"/)).toBe(1);
    expect(svg).toContain('A not enough answers, B 62 (range 20 to 90)');
  });

  it('keeps hostile labels as text', () => {
    expectInert(
      barChart({
        id: 'b',
        title: HOSTILE,
        series: [HOSTILE, HOSTILE],
        rows: [{ label: HOSTILE, values: [1, null] }],
        bands: [{ label: HOSTILE, min: 0 }],
        nullLabel: HOSTILE,
      }),
    );
  });
});

describe('heatMap', () => {
  const input = {
    id: 'h',
    title: 'T',
    rowHeader: 'Statement',
    columns: ['Sales', 'Marketing', 'Leadership'],
    rows: ['C1 first', 'C2 second'],
    cells: [
      [10, 90, null],
      [50.4, 0, 100],
    ],
    nullLabel: 'group too small',
  };

  it('draws one cell per row and column with its number, null cells hatched', () => {
    const svg = heatMap(input);
    expect(count(svg, /class="cell[ "]/)).toBe(6);
    expect(count(svg, /class="cell cell-none"/)).toBe(1);
    expect(count(svg, /fill="url\(#h-none\)"/)).toBe(2);
    for (const value of ['>10<', '>90<', '>50<', '>0<', '>100<']) expect(svg).toContain(value);
    expect(svg).toContain('C1 first: Sales 10, Marketing 90, Leadership group too small');
  });

  it('keeps hostile rows and columns as text', () => {
    expectInert(heatMap({ ...input, title: HOSTILE, rowHeader: HOSTILE, columns: [HOSTILE], rows: [HOSTILE], cells: [[null]], nullLabel: HOSTILE }));
  });
});

describe('beforeAfterChart', () => {
  const chart = (rows: { label: string; before: number | null; after: number | null }[]) =>
    beforeAfterChart({ id: 'c', title: 'T', rows, bands, beforeName: 'March', afterName: 'June', nullLabel: 'n/a' });

  it.each([
    [40, 62, '+22', 1],
    [62, 40, '−22', 1],
    [50, 53, '+3', 0],
    [50.2, 49.8, '±0', 0],
    [null, 40, 'n/a', 0],
  ])('%j -> %j: change %s, %i arrow', (before, after, change, arrows) => {
    const svg = chart([{ label: 'A', before, after }]);
    expect(svg).toContain(`>${change}<`);
    expect(count(svg, /class="arrow"/)).toBe(arrows);
  });

  it('says both values and the change of each row', () => {
    expect(chart([{ label: 'Overall', before: 48, after: 61 }])).toContain('Overall: 48 to 61 (+13). March first, then June');
  });

  it('keeps hostile labels as text', () => {
    expectInert(
      beforeAfterChart({
        id: 'c',
        title: HOSTILE,
        rows: [{ label: HOSTILE, before: null, after: 3 }],
        bands: [{ label: HOSTILE, min: 0 }],
        beforeName: HOSTILE,
        afterName: HOSTILE,
        nullLabel: HOSTILE,
      }),
    );
  });
});
