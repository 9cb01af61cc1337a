/**
 * Fault injection: the next N calls of an endpoint fail with a status (plus `Retry-After`), are
 * delayed, or lose their connection — before the handler runs, or after it (the state change
 * happened but the client never heard: the case `Idempotency-Key` replays exist for).
 */
import { json, type Reply } from './http.js';
import type { FaultInfo, FaultStatus } from './types.js';
import { Issues, objectAt, optionalBoolean, optionalInteger, requiredString } from './validate.js';

const STATUSES: FaultStatus[] = [408, 429, 500, 502, 503, 504];

const MESSAGES: Record<FaultStatus, string> = {
  408: 'Request Timeout',
  429: 'Too many requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export class FaultQueue {
  private faults: FaultInfo[] = [];
  private sequence = 0;

  add(input: unknown, endpoints: readonly string[]): FaultInfo {
    const fault = parseFault(input, endpoints, `fault_${(this.sequence += 1)}`);
    this.faults.push(fault);
    return { ...fault };
  }

  /** The fault for this call of `endpoint`, if any; each call uses up one of its `times`. */
  take(endpoint: string): FaultInfo | undefined {
    const fault = this.faults.find((candidate) => candidate.endpoint === endpoint);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault;
  }

  list(): FaultInfo[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }
}

/** The reply a status fault sends; 429 uses the body shape the SDK reads `message` from. */
export function faultReply(fault: FaultInfo): Reply | undefined {
  if (fault.status === undefined) return undefined;
  const retryAfter = fault.retry_after ?? (fault.status === 429 ? 1 : undefined);
  const headers: Record<string, string> = retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
  const body =
    fault.status === 429
      ? { message: MESSAGES[429] }
      : { message: `${MESSAGES[fault.status]} (injected by the emulator)`, code: 'server_error' };
  return json(fault.status, body, headers);
}

function parseFault(input: unknown, endpoints: readonly string[], id: string): FaultInfo {
  const issues = new Issues();
  const keys = ['endpoint', 'times', 'status', 'retry_after', 'latency_ms', 'drop', 'when'];
  const raw = objectAt(issues, 'fault', input, keys) ?? {};
  const endpoint = requiredString(issues, 'endpoint', raw.endpoint);
  if (endpoint && !endpoints.includes(endpoint)) {
    issues.add('endpoint', `unknown endpoint '${endpoint}'; one of: ${endpoints.join(', ')}`);
  }
  if (raw.status !== undefined && !STATUSES.includes(raw.status as FaultStatus)) {
    issues.add('status', `expected one of ${STATUSES.join(', ')}`);
  }
  if (raw.when !== undefined && raw.when !== 'before' && raw.when !== 'after') issues.add('when', "expected 'before' or 'after'");
  const fault: FaultInfo = {
    id,
    endpoint,
    remaining: optionalInteger(issues, 'times', raw.times, { min: 1, max: 1000 }) ?? 1,
    drop: optionalBoolean(issues, 'drop', raw.drop) ?? false,
    when: (raw.when as 'before' | 'after' | undefined) ?? 'before',
  };
  if (raw.status !== undefined) fault.status = raw.status as FaultStatus;
  const retryAfter = optionalInteger(issues, 'retry_after', raw.retry_after, { min: 0, max: 3600 });
  if (retryAfter !== undefined) fault.retry_after = retryAfter;
  const latency = optionalInteger(issues, 'latency_ms', raw.latency_ms, { min: 0, max: 120_000 });
  if (latency !== undefined) fault.latency_ms = latency;
  if (fault.status === undefined && !fault.drop && fault.latency_ms === undefined) {
    issues.add('fault', 'give at least one of status, latency_ms or drop');
  }
  issues.assert();
  return fault;
}
