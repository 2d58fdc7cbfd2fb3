import { ERROR_CATALOG, type ErrorCode, type FieldError } from '../../protocol/errors';

/** An error with a stable code from the catalog; the HTTP layer turns it into problem+json. */
export class PayframeError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(detail ?? ERROR_CATALOG[code].title);
    this.name = 'PayframeError';
  }

  get status(): number {
    return ERROR_CATALOG[this.code].status;
  }
}
