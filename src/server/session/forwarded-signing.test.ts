/**
 * The proxy signs its hand-over (`forwarded.ts`), the session travelling in the forwarded Cookie
 * header; the render reads it back from there and verifies. Whatever the values, the two agree.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTestEnv } from '../../../test/support/env.js';
import { readForwardedContext, writeForwardedContext, type ForwardedContext } from './forwarded.js';
import { sessionRoot } from '../root/current-root.js';

let restore: () => void;
beforeEach(() => {
  restore = setTestEnv();
});
afterEach(() => restore());

// Header values: printable ASCII without surrounding spaces (Headers trims those; forwarded.test.ts covers it).
const headerValue = (minLength = 0) =>
  fc.string({ unit: fc.constantFrom(...'abcXYZ019 *~._-/?=&%"\\[],{}'.split('')), minLength, maxLength: 300 })
    .map((value) => value.trim())
    .filter((value) => value.length >= minLength);

const context = fc.record({
  session: headerValue(),
  path: headerValue(1),
  redirectUri: fc.option(headerValue(1), { nil: undefined }),
  signUpPaths: fc.option(fc.array(headerValue(1), { minLength: 1, maxLength: 3 }), { nil: undefined }),
});

async function roundTrip(value: ForwardedContext): Promise<ForwardedContext | undefined> {
  // The proxy's rewritten Cookie header, as forward-headers.ts writes it (URI-encoded values).
  const headers = new Headers();
  if (value.session) headers.set('cookie', `${sessionRoot().config.cookieName}=${encodeURIComponent(value.session)}`);
  await writeForwardedContext(sessionRoot(), headers, value);
  return readForwardedContext(sessionRoot(), headers);
}

describe('forwarded hand-over signing', () => {
  it('verifies for any values', async () => {
    await fc.assert(
      fc.asyncProperty(context, async (value) => {
        expect(await roundTrip(value)).toEqual(value);
      }),
      { numRuns: 200 },
    );
  });

  it('verifies when one session comes back with other paths and options', async () => {
    await fc.assert(
      fc.asyncProperty(headerValue(1), fc.array(context, { minLength: 2, maxLength: 5 }), async (session, others) => {
        for (const other of others) expect(await roundTrip({ ...other, session })).toEqual({ ...other, session });
      }),
      { numRuns: 50 },
    );
  });
});
