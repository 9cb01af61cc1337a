/** What kind of request the proxy sees (only a document navigation may be redirected to sign-in), from constructed requests. */
import { describe, expect, it } from 'vitest';
import { requestKind, requestPath } from './request-kind.js';

const request = (headers: Record<string, string>, method = 'GET') => new Request('https://app.example.com/page', { method, headers });

describe('requestKind', () => {
  it.each([
    ['a navigation', { 'sec-fetch-dest': 'document', accept: 'text/html' }, 'GET', 'document'],
    ['a form posted without JavaScript', { 'sec-fetch-dest': 'document' }, 'POST', 'document'],
    ['an old browser asking for HTML', { accept: 'text/html,*/*' }, 'GET', 'document'],
    ['a server action', { 'next-action': 'abc', 'sec-fetch-dest': 'document' }, 'POST', 'server-action'],
    ["Next's router prefetch", { 'next-router-prefetch': '1', rsc: '1' }, 'GET', 'prefetch'],
    ["the browser's speculative prefetch", { 'sec-purpose': 'prefetch;prerender', accept: 'text/html' }, 'GET', 'prefetch'],
    ['an RSC fetch', { rsc: '1' }, 'GET', 'rsc'],
    ['a client navigation', { 'next-router-state-tree': '%5B%5D' }, 'GET', 'rsc'],
    ['an API call', { accept: 'application/json', 'sec-fetch-dest': 'empty' }, 'GET', 'other'],
    ['an image', { accept: 'text/html', 'sec-fetch-dest': 'image' }, 'GET', 'other'],
    ['a fetch POST', { accept: 'text/html' }, 'POST', 'other'],
  ])('%s', (_label, headers, method, kind) => {
    expect(requestKind(request(headers, method))).toBe(kind);
  });
});

describe('requestPath', () => {
  it("keeps the path and query without Next's _rsc cache-buster", () => {
    expect(requestPath(new URL('https://app.example.com/a/b?x=1&_rsc=abc&y=2'))).toBe('/a/b?x=1&y=2');
    expect(requestPath(new URL('https://app.example.com/?_rsc=1'))).toBe('/');
  });
});
