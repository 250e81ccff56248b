import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/render/shared/escape-html.js';

describe('escapeHtml', () => {
  it.each([
    ['plain', 'plain'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror="a()">', '&lt;img src=x onerror=&quot;a()&quot;&gt;'],
    [`it's "quoted"`, 'it&#39;s &quot;quoted&quot;'],
    ['AT&T &amp;', 'AT&amp;T &amp;amp;'],
    ['</style></title>]]>', '&lt;/style&gt;&lt;/title&gt;]]&gt;'],
    ['line\nbreak', 'line break'],
    ['\u001b[31mred\u001b[0m', 'red'],
    ['\u202eevil', 'evil'],
  ])('%j -> %j', (input, want) => {
    expect(escapeHtml(input)).toBe(want);
  });
});
