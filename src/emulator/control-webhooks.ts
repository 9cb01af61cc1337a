/**
 * Where webhooks go: `createEmulator({ webhookUrl, webhookSecret })`, `--webhook-url` /
 * `--webhook-secret`, or `PUT /_emulator/webhooks { url, secret, retry_delays_ms }` at run time
 * (`url: null` stops them). Bad input names the field; the secret is never echoed.
 */
import type { Runtime } from './runtime.js';
import type { WebhookDelivery, WebhookSettings } from './types.js';
import { DEFAULT_RETRY_DELAYS_MS, type WebhookTarget } from './webhook-sender.js';
import { Issues, arrayItems, objectAt, optionalString } from './validate.js';

function urlAt(issues: Issues, path: string, value: string): string {
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password) return url.toString();
  } catch {
    // reported below
  }
  issues.add(path, `expected an http(s) URL without credentials (got ${JSON.stringify(value.slice(0, 100))})`);
  return value;
}

function delaysAt(issues: Issues, value: unknown): number[] | undefined {
  if (value === undefined) return undefined;
  const items = arrayItems(issues, 'retry_delays_ms', value);
  if (items.length > 5) issues.add('retry_delays_ms', 'at most 5 retries');
  return items.map(([item, path]) => {
    if (typeof item === 'number' && Number.isInteger(item) && item >= 0 && item <= 60_000) return item;
    issues.add(path, `expected a whole number of ms from 0 to 60000 (got ${JSON.stringify(item)})`);
    return 0;
  });
}

/** The target for a URL and secret (both or neither; `names` say what the caller calls them). */
export function webhookTarget(
  issues: Issues,
  url: string | null | undefined,
  secret: string | null | undefined,
  names = { url: 'url', secret: 'secret' },
): WebhookTarget | undefined {
  if (!url) {
    if (secret) issues.add(names.secret, `a secret needs a ${names.url}`);
    return undefined;
  }
  const checked = urlAt(issues, names.url, url);
  if (!secret) issues.add(names.secret, `required with ${names.url} (the endpoint's signing secret)`);
  return { url: checked, secret: secret ?? '', retryDelaysMs: [...DEFAULT_RETRY_DELAYS_MS] };
}

/** `PUT /_emulator/webhooks`. */
export function setWebhooks(runtime: Runtime, input: unknown): WebhookSettings {
  const issues = new Issues();
  const raw = objectAt(issues, '', input, ['url', 'secret', 'retry_delays_ms']) ?? {};
  if (raw.url === undefined && issues.ok) issues.add('url', 'required (null stops webhooks)');
  const target = webhookTarget(issues, optionalString(issues, 'url', raw.url), optionalString(issues, 'secret', raw.secret));
  const delays = delaysAt(issues, raw.retry_delays_ms);
  issues.assert();
  runtime.webhooks.configure(target && delays ? { ...target, retryDelaysMs: delays } : target);
  return runtime.webhooks.settings();
}

export function webhooksJson(runtime: Runtime): { webhooks: WebhookSettings; deliveries: WebhookDelivery[] } {
  return { webhooks: runtime.webhooks.settings(), deliveries: runtime.webhooks.list() };
}
