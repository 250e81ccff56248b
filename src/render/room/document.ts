import { createHash } from 'node:crypto';
import type { Page } from '../../server/room-api.js';
import { html, trusted, type SafeHtml } from '../shared/html/html.js';

// A room page: one self-contained document whose Content-Security-Policy allows its own inline style and
// script (by hash), requests to its own origin and nothing else.

export interface RoomDocument {
  title: string;
  css: string;
  script: string;
  /** Data for the script, in a JSON block the browser never executes. */
  data: unknown;
  body: SafeHtml;
}

export function roomDocument({ title, css, script, data, body }: RoomDocument): Page {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const csp = `default-src 'none'; script-src ${hash(script)}; style-src ${hash(css)}; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${trusted(css)}</style>
</head>
<body>
${body}
<script type="application/json" id="room-data">${trusted(jsonInHtml(data))}</script>
<script>${trusted(script)}</script>
</body>
</html>
`;
  return { html: page.markup, csp };
}

/** JSON that cannot end its script element or start a comment, whatever the strings inside hold. */
function jsonInHtml(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
