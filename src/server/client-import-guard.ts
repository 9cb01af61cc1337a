/*
 * What a browser bundle gets for `import … from 'authkit-rsc'` (the `browser` export condition).
 * The root entry reads cookies and holds secrets, so it must never reach the browser. Importing
 * 'server-only' here makes Next fail the build, and Next prints the lines just above the import
 * in its error frame — so those lines name the client-side alternative. (Verified with Next 16.4.)
 */
// authkit-rsc (the root entry) is server-only and cannot run in the browser.
// In a client component use useAuth() from 'authkit-rsc/components' instead.
import 'server-only';
