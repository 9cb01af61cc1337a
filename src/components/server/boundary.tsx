/**
 * Where a server part that reads the session renders. With Cache Components, request data needs a
 * `<Suspense>` above it or the build fails, and a boundary per part keeps the rest of the page in
 * the static shell: the part streams in, showing `loading` meanwhile (React reveals streamed parts
 * with a script, so without JavaScript they stay `loading`). Without Cache Components every page
 * renders on demand and the part renders in place, so the first HTML is complete and works without
 * JavaScript, as it always has.
 */
import { Suspense } from 'react';
import type { ReactNode } from 'react';
import { cacheComponentsEnabled } from '../../server/config.js';

/** `content`, in its own boundary with `loading` as the fallback when the app uses Cache Components. */
export function ownBoundary(content: ReactNode, loading: ReactNode): ReactNode {
  return cacheComponentsEnabled() ? <Suspense fallback={loading}>{content}</Suspense> : content;
}
