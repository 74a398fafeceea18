/**
 * Errors the domain raises on purpose. Routers map `code` to the tRPC code of the same name, and
 * `message` reaches the user as is, so it says what happened and what to do next.
 */
export type DomainErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) =>
  new DomainError("NOT_FOUND", `${what} was not found, or you no longer have access to it.`);
