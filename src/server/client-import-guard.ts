/*
 * What a browser bundle gets for `import … from 'authkit-rsc'` (the `browser` export condition).
 * The root entry is server-only (it reads cookies and holds secrets), so this module fails the
 * build with a message that names the client-side alternative, instead of a cryptic
 * "node:crypto is not handled" error deep inside a dependency.
 */
import 'authkit-rsc: the root entry is server-only. In a client component use useAuth() or useAccessToken() from authkit-rsc/components, or call a server action from authkit-rsc/actions.';
