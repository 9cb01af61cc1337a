/** `authkit-rsc/emulator`: a local emulator of the WorkOS User Management API. */
export {};
