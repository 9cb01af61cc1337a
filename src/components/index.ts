/**
 * `authkit-rsc/components`, client face (the default condition): the same names as the server face,
 * implemented as client components that read `useAuth()`.
 */
export {};
