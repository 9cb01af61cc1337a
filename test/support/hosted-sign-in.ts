/**
 * Drives the emulator's hosted sign-in page with plain HTTP, the way a browser without JavaScript
 * would: fetch the page, find the form, submit its fields (the hidden CSRF token among them) plus
 * the clicked button with the `Origin` and `Sec-Fetch-Site` a browser sends, handle the organisation
 * choice, and return the final redirect (`redirect_uri?code=…&state=…`) unfollowed.
 */

export interface HostedForm {
  action: string;
  method: string;
  /** Named inputs with their current values (hidden fields included). */
  fields: [string, string][];
  buttons: { name: string; value: string; text: string }[];
}

export interface HostedSignInOptions {
  /** The organisation to pick on the organisation-choice page (default: the first one). */
  organizationId?: string;
  /** Sign up a new user with this email instead of picking an existing one. */
  signUp?: { firstName: string; lastName: string };
  /** On the organisation choice, click "Let the app choose" (the exchange then answers organization_selection_required). */
  letAppChoose?: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_match, name: string) => ENTITIES[name]!);
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]!) : undefined;
}

function inputs(html: string): [string, string][] {
  return [...html.matchAll(/<input\b[^>]*>/g)]
    .map(([tag]) => [attribute(tag, 'name'), attribute(tag, 'value') ?? ''] as const)
    .filter((pair): pair is [string, string] => pair[0] !== undefined);
}

/** A `<select>` submits its selected option, else its first one. */
function selects(html: string): [string, string][] {
  return [...html.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)]
    .map(([, tag, options]): [string, string] => {
      const all = [...options!.matchAll(/<option\b([^>]*)>/g)].map(([, option]) => ` ${option}`);
      const chosen = all.find((option) => /\sselected\b/.test(option)) ?? all[0] ?? '';
      return [attribute(` ${tag}`, 'name') ?? '', attribute(chosen, 'value') ?? ''];
    })
    .filter(([name]) => name !== '');
}

export function parseForms(html: string): HostedForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map(([, open, inner]) => ({
    action: attribute(` ${open}`, 'action') ?? '',
    method: (attribute(` ${open}`, 'method') ?? 'get').toLowerCase(),
    fields: [...inputs(inner!), ...selects(inner!)],
    buttons: [...inner!.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/g)].map(([, tag, text]) => ({
      name: attribute(` ${tag}`, 'name') ?? '',
      value: attribute(` ${tag}`, 'value') ?? '',
      text: decode(text!.replace(/<[^>]+>/g, '').trim()),
    })),
  }));
}

/** Submits `form` as if `button` was clicked, with `values` typed into its inputs. */
export async function submitForm(
  pageUrl: string,
  form: HostedForm,
  button: { name: string; value: string },
  values: Record<string, string> = {},
): Promise<Response> {
  const body = new URLSearchParams();
  for (const [name, value] of form.fields) body.append(name, values[name] ?? value);
  for (const [name, value] of Object.entries(values)) {
    if (!form.fields.some(([field]) => field === name)) body.append(name, value);
  }
  if (button.name) body.append(button.name, button.value);
  const target = new URL(form.action, pageUrl);
  // What a browser adds to a form post from the page itself: the emulator refuses cross-site ones.
  const site = target.origin === new URL(pageUrl).origin ? 'same-origin' : 'cross-site';
  return fetch(target, {
    method: form.method.toUpperCase(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(pageUrl).origin, 'sec-fetch-site': site },
    body,
    redirect: 'manual',
  });
}

function pick(forms: HostedForm[], test: (button: HostedForm['buttons'][number]) => boolean, what: string, html: string) {
  for (const form of forms) {
    const button = form.buttons.find(test);
    if (button) return { form, button };
  }
  const error = alertOf(html);
  throw new Error(`The hosted page has no ${what}${error ? ` (it says: ${error})` : ''}.`);
}

/** The page's error message (`role="alert"`), if it shows one. */
function alertOf(html: string): string | undefined {
  const text = /role="alert">([^<]*)</.exec(html)?.[1];
  return text === undefined ? undefined : decode(text);
}

function redirectOf(response: Response, pageUrl: string): URL | undefined {
  const location = response.headers.get('location');
  return response.status >= 300 && response.status < 400 && location ? new URL(location, pageUrl) : undefined;
}

export async function signInThroughHostedPage(
  authorizeUrl: string,
  email: string,
  options: HostedSignInOptions = {},
): Promise<URL> {
  let pageUrl = authorizeUrl;
  if (options.signUp) pageUrl = withSignUpHint(authorizeUrl);
  let response = await fetch(pageUrl, { redirect: 'manual' });
  for (let step = 0; step < 3; step += 1) {
    const done = redirectOf(response, pageUrl);
    if (done) return done;
    const html = await response.text();
    if (response.status !== 200) {
      throw new Error(`The hosted page answered ${response.status}: ${alertOf(html) ?? html.slice(0, 300)}`);
    }
    const forms = parseForms(html);
    if (options.signUp) {
      const { form, button } = pick(forms, (b) => b.name === 'intent' && b.value === 'sign-up', 'sign-up form', html);
      const values = { email, first_name: options.signUp.firstName, last_name: options.signUp.lastName };
      response = await submitForm(pageUrl, form, button, values);
    } else if (options.letAppChoose && forms.some((form) => form.buttons.some((b) => b.name === 'organization_selection'))) {
      const { form, button } = pick(forms, (b) => b.name === 'organization_selection' && b.value === 'app', '"Let the app choose"', html);
      response = await submitForm(pageUrl, form, button);
    } else if (forms.some((form) => form.buttons.some((b) => b.name === 'organization_id'))) {
      const wanted = (b: { name: string; value: string }) =>
        b.name === 'organization_id' && (options.organizationId === undefined || b.value === options.organizationId);
      const { form, button } = pick(forms, wanted, `organization '${options.organizationId ?? '(any)'}'`, html);
      response = await submitForm(pageUrl, form, button);
    } else {
      const { form, button } = pick(forms, (b) => b.text.toLowerCase() === email.toLowerCase(), `button for ${email}`, html);
      response = await submitForm(pageUrl, form, button);
    }
  }
  throw new Error('The hosted page did not redirect back to the app.');
}

function withSignUpHint(authorizeUrl: string): string {
  const url = new URL(authorizeUrl);
  url.searchParams.set('screen_hint', 'sign-up');
  return url.toString();
}
