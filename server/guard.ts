import { ResponseError } from 'vscode-languageserver/node';

/** Where the server reports its own problems: the connection's console in production. */
export interface Logger {
  log(message: string): void;
  error(message: string): void;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

/**
 * Wraps a handler so that a bug behind one message can neither take the server down nor leave
 * the client waiting: the error is logged and the message answered with `fallback`. Deliberate
 * protocol errors (`ResponseError`) still reach the client.
 */
export function guarded<Args extends unknown[], Result>(
  logger: Logger,
  name: string,
  fallback: Result,
  handler: (...args: Args) => Result | Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logger.error(`Ballast: ${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}
