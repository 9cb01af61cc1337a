/**
 * `authkit-rsc/components`, server face (the `react-server` condition): async server components that
 * read the session on the server, plus the hooks re-exported by name so imports never break.
 */
export {};
