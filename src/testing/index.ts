/** `authkit-rsc/testing`: the test kit for apps that use authkit-rsc. */
export {};
