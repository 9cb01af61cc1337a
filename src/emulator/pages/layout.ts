/**
 * The shared shell of the emulator's HTML pages: plain server-rendered forms that work without
 * JavaScript. Every interpolated value goes through `escapeHtml`.
 */
import { CSRF_FIELD } from '../csrf.js';

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A small SVG icon (served at /favicon.ico too, so no browser logs a 404 for it). */
export const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#6363f1"/>' +
  '<path d="M7 10l3.5 12L14 13h4l3.5 9L25 10" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></svg>';
export const FAVICON_TYPE = 'image/svg+xml';

/** A right chevron drawn by CSS, so it is not part of the button's text or accessible name. */
const CHEVRON =
  "url(\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='10' height='16'%3E%3Cpath d='M2 2l6 6-6 6' " +
  "fill='none' stroke='white' stroke-width='2.2' stroke-linecap='round'/%3E%3C/svg%3E\")";

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f4f7; color: #1d1d27; }
  main { max-width: 30rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 12px;
         box-shadow: 0 1px 3px rgb(0 0 0 / 12%); }
  h1 { font-size: 1.4rem; margin-top: 0; }
  .banner { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: #6363f1; }
  ul.choices { list-style: none; padding: 0; }
  ul.choices li { margin: .6rem 0; }
  ul.choices button { display: block; width: 100%; text-align: left; font-weight: 600; color: #fff;
                      background: #6363f1 ${CHEVRON} no-repeat right .9rem center; border-color: #5050d6;
                      padding-right: 2.4rem; box-shadow: 0 1px 2px rgb(0 0 0 / 15%); }
  ul.choices button:hover { background-color: #4f4fe0; }
  button { font: inherit; padding: .6rem .9rem; border-radius: 8px; border: 1px solid #c9c9d6;
           background: #fff; cursor: pointer; }
  button:hover { border-color: #8b8b9e; }
  button:focus-visible { outline: 3px solid #a5a5f7; outline-offset: 2px; }
  button.primary { background: #6363f1; color: #fff; border-color: #6363f1; }
  .notice { background: #eef0ff; color: #2f2f6e; padding: .6rem .9rem; border-radius: 8px; border-left: 4px solid #6363f1; }
  .hint { color: #5c5c6e; font-size: .85rem; }
  .error { background: #fdecec; color: #8a1c1c; padding: .6rem .9rem; border-radius: 8px; }
  label { display: block; margin: .8rem 0; }
  input, select { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem; margin-top: .2rem; }
  code { background: #f0f0f5; padding: 0 .25rem; border-radius: 4px; }
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<title>${escapeHtml(title)} · WorkOS emulator</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="banner">Local WorkOS emulator</p>
${body}
</main>
</body>
</html>
`;
}

/** Hidden inputs carrying the authorize parameters through a form post. */
export function hiddenFields(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
}

/** The CSRF token every emulator form carries (checked by the server before the handler runs). */
export function csrfField(token: string): string {
  return `<input type="hidden" name="${CSRF_FIELD}" value="${escapeHtml(token)}">`;
}

export function errorBlock(message: string | undefined): string {
  return message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : '';
}

/** A standalone error page (bad client, bad redirect URI): shown instead of redirecting anywhere. */
export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p class="error" role="alert">${escapeHtml(message)}</p>`);
}
