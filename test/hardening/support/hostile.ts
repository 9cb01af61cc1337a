/**
 * Shared pieces of the hardening suites: hostile-input arbitraries, the run budget, and a console
 * capture that proves nothing secret was logged.
 */
import fc from 'fast-check';
import { vi } from 'vitest';

/**
 * Runs per property, scaled by HARDENING_SCALE (default 1; CI and `npm test` use 1). The whole
 * hardening folder stays well under a minute on two cores at scale 1.
 */
export function runs(base: number): number {
  const scale = Number(process.env.HARDENING_SCALE ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** Pieces that make return paths, query values and cookie values dangerous when combined. */
const PATH_PIECES = [
  '/', '//', '\\', '/\\', '.', '..', '/./', '/../', '%2f', '%2F', '%5c', '%5C', '%2e', '%2E', '%252f', '%255c',
  '%09', '%0a', '%0d', '%00', '\t', '\n', '\r', '\u0000', ' ', ':', '@', '?', '#', '&', '=', ';',
  'evil.com', 'http:', 'https:', 'javascript:', 'data:', 'www', 'a', 'dashboard', 'x y', '%', '%%', '%2', '%E0%A4%A',
  '\uff0f', '\uff3c', '\u2215', '\u3002', '%E2%80%AE', '\u202e', '~', '!', '$', "'", '(', ')', '*', '+', ',',
];

/** Strings built from dangerous pieces, often starting with a slash (the shape that passes first checks). */
export const hostilePath: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '/', '/', '//', '/./', '/.//', '/a/..//', '/%2e//', '/.%2f/', '\\', '/\\'),
    fc.array(fc.constantFrom(...PATH_PIECES), { maxLength: 12 }),
  )
  .map(([head, pieces]) => head + pieces.join(''));

/** Any string: hostile pieces, arbitrary unicode, or control-heavy binary. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostilePath },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

/** Latin-1 text: what an HTTP header (and so a raw cookie header) can carry. */
export const headerText = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((code) => code !== 0x7f).map((code) => String.fromCharCode(code)), maxLength });

const ORIGIN_PLACEHOLDER = 'https://app.example';

/** True when `path` is a same-origin path a browser cannot read as another origin. */
export function isSameOriginPath(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not appear
  if (/[\u0000-\u001f\u007f]/.test(path)) return false;
  return new URL(path, ORIGIN_PLACEHOLDER).origin === ORIGIN_PLACEHOLDER;
}

export interface ConsoleCapture {
  /** Every line written to console.log/info/warn/error/debug, formatted. */
  lines: string[];
  text(): string;
  restore(): void;
}

/** Silences and records console output (the kit's logs) until `restore()`. */
export function captureConsole(): ConsoleCapture {
  const lines: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const spies = methods.map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(`${method}: ${args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(' ')}`);
    }),
  );
  return { lines, text: () => lines.join('\n'), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

/** Pieces of a secret that must never show up in a log: a long middle slice is enough to spot a leak. */
export function secretFragments(secrets: readonly (string | undefined)[]): string[] {
  return secrets
    .filter((secret): secret is string => typeof secret === 'string' && secret.length >= 8)
    .map((secret) => (secret.length > 40 ? secret.slice(10, 40) : secret));
}

/** Fails when the captured output contains any secret fragment, a JWT or an iron seal. */
export function assertNoSecrets(output: string, secrets: readonly (string | undefined)[]): void {
  for (const fragment of secretFragments(secrets)) {
    if (output.includes(fragment)) throw new Error(`A secret fragment was logged: …${fragment.slice(0, 6)}…`);
  }
  if (/eyJ[\w-]{8,}\.[\w-]{8,}/.test(output)) throw new Error('A JWT was logged.');
  if (/Fe26\.2\*/.test(output)) throw new Error('A sealed cookie value was logged.');
}

/**
 * Outcome counters for a suite: `HARDENING_STATS=1 npx vitest run test/hardening` prints them, so
 * a property can be seen to reach its interesting cases (not only the easy ones).
 */
export function outcomes(suite: string) {
  const counts = new Map<string, number>();
  return {
    count(label: string): void {
      counts.set(label, (counts.get(label) ?? 0) + 1);
    },
    report(): void {
      if (process.env.HARDENING_STATS !== '1') return;
      process.stdout.write(`[hardening] ${suite}: ${JSON.stringify(Object.fromEntries([...counts].sort()))}\n`);
    },
  };
}
