import { describe, expect, it } from 'vitest';
import { isSafeReturnPath, safeReturnPath } from './return-to.js';

describe('safeReturnPath', () => {
  it.each([
    ['/dashboard', '/dashboard'],
    ['/dashboard?tab=2&x=%2F', '/dashboard?tab=2&x=%2F'],
    ['/a/b#section', '/a/b#section'],
    ['/', '/'],
    ['/redirect?to=https://elsewhere.example', '/redirect?to=https://elsewhere.example'],
  ])('keeps the same-origin path %s', (input, expected) => {
    expect(safeReturnPath(input, '/fallback')).toBe(expected);
  });

  it.each([
    '//evil.com',
    '///evil.com',
    'https://evil.com',
    'http:evil.com',
    'javascript:alert(1)',
    '/\\evil.com',
    '\\\\evil.com',
    '/%2Fevil.com',
    '%2F%2Fevil.com',
    '/%5Cevil.com',
    '%252F%252Fevil.com',
    '/%252F%252Fevil.com',
    '/\tevil.com/\t',
    '/\n/evil.com',
    '/%09/evil.com',
    '/%0d%0a/evil.com',
    '%E0%A4%A',
    'dashboard',
    '',
    ' /dashboard',
    `/${'a'.repeat(3000)}`,
    '/%25252525252F%25252525252Fevil.com',
    // Dot segments that collapse into a leading '//' (found by test/hardening/return-paths.test.ts).
    '/.//evil.com',
    '/a/..//evil.com',
    '/%2e//evil.com',
    '/./%252F%252Fevil.com',
    '/.//',
  ])('refuses %j', (input) => {
    expect(safeReturnPath(input, '/fallback')).toBe('/fallback');
    expect(isSafeReturnPath(input)).toBe(false);
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['/a']]) expect(safeReturnPath(value)).toBe('/');
  });

  it('normalises dot segments without leaving the origin', () => {
    expect(safeReturnPath('/a/../../b')).toBe('/b');
  });
});
