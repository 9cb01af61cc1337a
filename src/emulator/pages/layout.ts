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

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f4f7; color: #1d1d27; }
  main { max-width: 30rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 12px;
         box-shadow: 0 1px 3px rgb(0 0 0 / 12%); }
  h1 { font-size: 1.4rem; margin-top: 0; }
  .banner { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: #6363f1; }
  ul.choices { list-style: none; padding: 0; }
  ul.choices li { margin: .5rem 0; }
  ul.choices button { width: 100%; text-align: left; }
  button { font: inherit; padding: .6rem .9rem; border-radius: 8px; border: 1px solid #c9c9d6;
           background: #fff; cursor: pointer; }
  button.primary { background: #6363f1; color: #fff; border-color: #6363f1; }
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
