// Checks on generated HTML pages shared by the renderer tests.

/** Every element a report page may contain: anything else in the output was smuggled in by input. */
export const ELEMENTS = new Set(
  'html head meta title style body main header section footer h1 h2 h3 p ul ol li strong small span code div figure figcaption table caption thead tbody tr th td article svg g defs title desc text tspan line polygon polyline rect circle path pattern linearGradient stop marker'.split(
    ' ',
  ),
);

export function tags(page: string): { name: string; attributes: string[] }[] {
  return [...page.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({
    name: m[1] as string,
    attributes: [...(m[2] as string).matchAll(/\s([\w:-]+)(?:="[^"]*")?/g)].map((a) => a[1] as string),
  }));
}

/** A hostile field as the fixture bank writes it, and as it must appear once escaped. */
export function hostileEscaped(field: string): string {
  return `${field} &lt;script&gt;window.__pwned=&#39;${field}&#39;&lt;/script&gt;`;
}
