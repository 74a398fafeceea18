/** Shared by the server prefetch and the client query, whose inputs must match to hydrate. */
export const AUDIT_PAGE_SIZE = 20;
