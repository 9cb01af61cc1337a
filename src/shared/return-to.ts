/**
 * Same-origin return paths. Anything a user can put in a URL (`return_to`, a forwarded path) goes
 * through `safeReturnPath` before the kit redirects to it, so no input can send a browser to
 * another origin: `//evil.com`, `/\evil.com`, `https://evil.com`, `%2F%2Fevil.com`, tab or newline
 * tricks and multiply-encoded forms all fall back to the default.
 */

const MAX_RETURN_PATH_LENGTH = 2048;
const MAX_DECODE_ROUNDS = 4;
const PLACEHOLDER_ORIGIN = 'https://return-to.invalid';
// eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** True when one decoding stage of the value could make a browser leave the origin. */
function isUnsafeStage(stage: string): boolean {
  if (!stage.startsWith('/')) return true;
  const second = stage.charAt(1);
  return second === '/' || second === '\\' || CONTROL_CHARACTERS.test(stage);
}

/** Every decoding of the value (a browser or a proxy may decode more than once); null if malformed. */
function decodingStages(value: string): string[] | null {
  const stages = [value];
  let current = value;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return stages;
    stages.push(next);
    current = next;
  }
  // Still changing after several rounds: deliberately obfuscated, refuse it.
  return null;
}

/**
 * Returns `value` as a same-origin path (path + query + hash) when it is one, else `fallback`.
 *
 * @example
 * safeReturnPath('/dashboard?tab=2')   // '/dashboard?tab=2'
 * safeReturnPath('//evil.com', '/')    // '/'
 */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_RETURN_PATH_LENGTH) return fallback;
  const stages = decodingStages(value);
  if (stages === null || stages.some(isUnsafeStage)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // Dot segments can collapse into a leading `//` ('/.//evil.com' → '//evil.com'), which a
  // browser reads as another host: the normalised result must pass the same checks.
  const normalised = path === value ? stages : decodingStages(path);
  return normalised === null || normalised.some(isUnsafeStage) ? fallback : path;
}

/** True when `value` is accepted unchanged in meaning by `safeReturnPath`. */
export function isSafeReturnPath(value: unknown): value is string {
  return safeReturnPath(value, '') !== '';
}
