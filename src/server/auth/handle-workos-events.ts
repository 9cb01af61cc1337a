import 'server-only';
/**
 * The route that receives WorkOS's webhooks (`app/api/workos-events/route.ts`:
 * `export const POST = handleWorkOSEvents()`): the signature is checked with the WorkOS SDK
 * (`webhooks.constructEvent`, over the exact body, 3 minutes' tolerance) before anything is
 * believed; an unsigned, forged or stale delivery gets 401 and changes nothing.
 */
import { AuthKitConfigError } from '../../shared/errors.js';
import { describeError, warnOnce } from '../log.js';
import { sessionRoot } from '../root/current-root.js';
import { workosClient } from '../workos.js';
import { applyWorkOSEvent, type WorkOSEvent } from './workos-events.js';

export interface HandleWorkOSEventsOptions {
  /** The webhook endpoint's secret. @default WORKOS_WEBHOOK_SECRET */
  secret?: string;
}

const MAX_BODY_BYTES = 256 * 1024;

/**
 * A POST route handler for WorkOS webhooks that ends revoked sessions and deleted users' sessions
 * on every instance, and forgets changed memberships (see workos-events.ts).
 * @example
 * // app/api/workos-events/route.ts
 * export const POST = handleWorkOSEvents();
 */
export function handleWorkOSEvents(options: HandleWorkOSEventsOptions = {}): (request: Request) => Promise<Response> {
  return async (request) => {
    const root = sessionRoot();
    const secret = options.secret ?? root.config.webhookSecret;
    if (!secret) {
      throw new AuthKitConfigError('WORKOS_WEBHOOK_SECRET', "is not set. Copy the webhook endpoint's secret from the WorkOS dashboard (Webhooks) into .env.local, or pass { secret }.");
    }
    const sigHeader = request.headers.get('workos-signature');
    const body = await request.text();
    if (!sigHeader || body.length > MAX_BODY_BYTES) return new Response(null, { status: 401 });
    let event: WorkOSEvent;
    try {
      event = (await workosClient(root).webhooks.constructEvent({ payload: body, sigHeader, secret })) as unknown as WorkOSEvent;
    } catch (error) {
      warnOnce('workos-event-refused', `A WorkOS event was refused (${describeError(error)}): check WORKOS_WEBHOOK_SECRET if WorkOS's deliveries fail.`);
      return new Response(null, { status: 401 });
    }
    applyWorkOSEvent(root, event);
    return new Response(null, { status: 204 });
  };
}
