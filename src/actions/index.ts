'use server';
/**
 * `authkit-rsc/actions`: the only `'use server'` module. Thin, authorised wrappers over the server
 * API that return redacted data (never tokens except `getAccessTokenAction`, never another user's data).
 */
export {};
