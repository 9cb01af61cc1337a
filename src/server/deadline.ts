import 'server-only';
/**
 * A bounded wait: the SDK retries a failing call up to four times with a 60 s timeout each, far
 * longer than a user should wait. The call itself goes on; only the caller stops waiting.
 */

/** `work`'s outcome, or `late()` once `ms` have passed (the timer is cleared either way). */
export function settleWithin<T>(work: Promise<T>, ms: number, late: () => T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late()), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
