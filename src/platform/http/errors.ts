// Typed errors with a stable code: handlers throw them, one error handler decides the answer.
export class AppError extends Error {
  /** What the person can do about it, shown on the error page instead of the generic advice. */
  readonly advice: string | undefined;

  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    options: { advice?: string } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.advice = options.advice;
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Page introuvable') {
    super('not_found', 404, message);
  }
}

export class BadRequestError extends AppError {
  constructor(message = 'Requête invalide') {
    super('bad_request', 400, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Accès refusé') {
    super('forbidden', 403, message);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = 'Service momentanément indisponible') {
    super('unavailable', 503, message);
  }
}
