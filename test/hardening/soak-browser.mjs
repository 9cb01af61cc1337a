// A scripted browser for the soak (test/hardening/soak.mjs): one cookie jar per simulated user,
// shared by every port on localhost as a real browser shares it, manual redirects, the emulator's
// hosted sign-in page and the app's no-JavaScript forms (server actions posted as multipart).

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decode = (text) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_m, name) => ENTITIES[name]);

/** `<form>`s of a page: action, method, named inputs, buttons. */
export function parseForms(html) {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map(([, open, inner]) => {
    const attr = (tag, name) => {
      const match = new RegExp(`\\s${name}="([^"]*)"`).exec(` ${tag}`);
      return match ? decode(match[1]) : undefined;
    };
    return {
      label: attr(open, 'aria-label') ?? '',
      action: attr(open, 'action') ?? '',
      method: (attr(open, 'method') ?? 'get').toUpperCase(),
      multipart: /multipart\/form-data/i.test(open),
      fields: [...inner.matchAll(/<input\b([^>]*)>/g)]
        .map(([, tag]) => [attr(tag, 'name'), attr(tag, 'value') ?? ''])
        .filter(([name]) => name !== undefined),
      buttons: [...inner.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/g)].map(([, tag, text]) => ({
        name: attr(tag, 'name') ?? '',
        value: attr(tag, 'value') ?? '',
        text: decode(text.replace(/<[^>]+>/g, '').trim()),
      })),
    };
  });
}

const isRedirect = (page) => page.status >= 300 && page.status < 400;

/**
 * A redirect thrown after the page started streaming (a page with a static shell: the response is
 * already a 200): Next writes `<meta id="__next-page-redirect" http-equiv="refresh" content="1;url=…">`,
 * which a browser follows, with or without JavaScript. So does this one.
 */
function streamedRedirect(page) {
  if (page.status !== 200) return undefined;
  const url = /<meta id="__next-page-redirect" http-equiv="refresh" content="\d+;url=([^"]+)"/.exec(page.text ?? '')?.[1];
  return url?.replaceAll('&amp;', '&');
}

export class SoakBrowser {
  /** @param {(event: object) => void} record called for every response */
  constructor(record) {
    this.jar = new Map();
    this.record = record;
  }

  cookieHeader() {
    return [...this.jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
  }

  receive(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      let value = pair.slice(at + 1);
      try {
        value = decodeURIComponent(value);
      } catch {
        // keep it as sent
      }
      const expired = attributes.some((attribute) => /^max-age=0$/i.test(attribute) || /^expires=thu, 01 jan 1970/i.test(attribute));
      if (expired || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  /** One request, no redirects followed; cookies sent and stored; recorded. */
  async request(url, { method = 'GET', kind = 'document', headers = {}, body, tag } = {}) {
    const started = performance.now();
    const init = {
      method,
      redirect: 'manual',
      body,
      headers: {
        ...(kind === 'document' ? { accept: 'text/html', 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' } : { accept: 'application/json', 'sec-fetch-dest': 'empty' }),
        ...(this.jar.size > 0 ? { cookie: this.cookieHeader() } : {}),
        ...headers,
      },
      signal: AbortSignal.timeout(30_000),
    };
    let response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      this.record({ url, method, tag, status: 0, error: error.cause?.code ?? error.name, ms: performance.now() - started });
      throw error;
    }
    this.receive(response);
    const text = await response.text();
    this.record({ url, method, tag, status: response.status, text, headers: response.headers, ms: performance.now() - started });
    return { status: response.status, headers: response.headers, text, url };
  }

  /** A navigation: follows redirects (within loopback) like a browser, up to `hops`. */
  async navigate(url, options = {}, hops = 8) {
    let current = await this.request(url, options);
    for (let hop = 0; hop < hops && (isRedirect(current) || streamedRedirect(current)); hop += 1) {
      const next = new URL(isRedirect(current) ? current.headers.get('location') : streamedRedirect(current), current.url);
      if (next.hostname !== 'localhost' && next.hostname !== '127.0.0.1') throw new Error(`redirect off loopback: ${next.origin}`);
      const method = isRedirect(current) && (current.status === 307 || current.status === 308) ? options.method ?? 'GET' : 'GET';
      current = await this.request(next.href, { kind: 'document', method, body: method === 'GET' ? undefined : options.body, tag: options.tag });
    }
    return current;
  }

  /** Submits a page's form as a browser without JavaScript would (a server action: multipart POST). */
  async submit(pageUrl, form, extra = {}, tag) {
    const target = new URL(form.action || pageUrl, pageUrl).href;
    const data = new FormData();
    for (const [name, value] of form.fields) data.append(name, value);
    for (const [name, value] of Object.entries(extra)) data.append(name, value);
    return this.navigate(target, { method: form.method, body: data, headers: { origin: new URL(pageUrl).origin }, tag });
  }

  /**
   * Signs in through the app's auth route and the emulator's hosted page (one button per user;
   * an organisation choice for users with several). Returns the final page.
   */
  async signIn(authRouteUrl, email, organizationId) {
    let page = await this.request(authRouteUrl, { tag: 'sign-in' });
    let url = authRouteUrl;
    for (let step = 0; step < 6; step += 1) {
      if (page.status >= 300 && page.status < 400) {
        const next = new URL(page.headers.get('location'), url);
        url = next.href;
        page = await this.request(url, { tag: 'sign-in' });
        continue;
      }
      if (page.status !== 200) return page;
      const forms = parseForms(page.text);
      const orgForm = forms.find((form) => form.buttons.some((button) => button.name === 'organization_id'));
      if (orgForm) {
        const button = orgForm.buttons.find((b) => b.name === 'organization_id' && (!organizationId || b.value === organizationId)) ?? orgForm.buttons[0];
        page = await this.postForm(url, orgForm, button);
        continue;
      }
      const userForm = forms.find((form) => form.buttons.some((button) => button.text.toLowerCase() === email));
      if (!userForm) return page; // an app page: signed in (or an error page)
      page = await this.postForm(url, userForm, userForm.buttons.find((button) => button.text.toLowerCase() === email));
    }
    return page;
  }

  /** A plain urlencoded form post (the emulator's hosted pages). */
  async postForm(pageUrl, form, button) {
    const body = new URLSearchParams(form.fields);
    if (button?.name) body.append(button.name, button.value);
    return this.request(new URL(form.action, pageUrl).href, {
      method: form.method,
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      tag: 'sign-in',
    });
  }
}
