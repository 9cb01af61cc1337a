/** Everything a route handler needs: the store, the signing keys, runtime config and the control state. */
import { AppLocation } from './app-url.js';
import { CsrfTokens } from './csrf.js';
import { EventLog } from './event-log.js';
import { FaultQueue } from './faults.js';
import { IdempotencyCache } from './idempotency.js';
import type { KeyRing } from './key-ring.js';
import type { NormalizedSeed } from './records.js';
import { Store } from './store.js';
import type { RuntimeConfig } from './types.js';
import { type WebhookTarget, WebhookSender } from './webhook-sender.js';

export class Runtime {
  readonly store: Store;
  readonly faults = new FaultQueue();
  readonly idempotency = new IdempotencyCache();
  readonly counters = new Map<string, number>();
  config: RuntimeConfig;
  readonly csrf = new CsrfTokens();
  /** What `GET /events` lists and webhooks deliver. */
  readonly events = new EventLog();
  readonly webhooks: WebhookSender;
  /** Set once the server listens (the port may be random). */
  baseUrl = 'http://localhost';
  /** Where the app lives (`--app-url`, else learned from authorize requests). */
  app = new AppLocation(undefined);
  /** The `Host` values answered (`request-guard.ts`); set once the server listens. */
  allowedHosts: readonly string[] = [];

  constructor(
    readonly seed: NormalizedSeed,
    /** Survives `reset()`, like the key file. */
    readonly keys: KeyRing,
    readonly initialConfig: RuntimeConfig,
    /** Every faultable route key, for validation and the docs page. */
    readonly endpoints: readonly string[],
    /** Where webhooks go from the start (options or CLI flags); `reset()` returns to it. */
    webhookTarget?: WebhookTarget,
  ) {
    this.store = new Store(seed);
    this.config = { ...initialConfig };
    this.webhooks = new WebhookSender(webhookTarget);
    this.events.subscribe((event) => this.webhooks.send(event));
  }

  get clientId(): string {
    return this.seed.clientId;
  }

  get apiKey(): string {
    return this.seed.apiKey;
  }

  /** `iss` of access tokens; WorkOS uses `https://api.workos.com/user_management/<client_id>`. */
  get issuer(): string {
    return `${this.baseUrl}/user_management/${this.seed.clientId}`;
  }

  count(endpoint: string): void {
    this.counters.set(endpoint, (this.counters.get(endpoint) ?? 0) + 1);
  }

  reset(): void {
    this.store.reset();
    this.faults.clear();
    this.idempotency.clear();
    this.counters.clear();
    this.events.clear();
    this.webhooks.reset();
    this.config = { ...this.initialConfig };
  }
}
