import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import { t } from '../engine/util/l10n';

/** Where the server writes its log (the client's output channel, through `connection.console`). */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

/** The error a request answers when the client cancelled it. */
export function cancelled<E = undefined>(): ResponseError<E> {
  return new ResponseError<E>(LSPErrorCodes.RequestCancelled, t('The request was cancelled.'));
}

/** Throws the cancellation error when the client cancelled the request. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw cancelled();
}

/** Waits for a promise, or throws the cancellation error as soon as the request is cancelled. */
export function untilCancelled<T>(promise: Promise<T>, token: CancellationToken | undefined): Promise<T> {
  if (!token) return promise;
  throwIfCancelled(token);
  return new Promise<T>((resolve, reject) => {
    const sub = token.onCancellationRequested(() => {
      sub.dispose();
      reject(cancelled());
    });
    promise.then(
      (v) => {
        sub.dispose();
        resolve(v);
      },
      (e: unknown) => {
        sub.dispose();
        reject(e);
      },
    );
  });
}

/** Lets pending messages (a cancellation, say) through before going on with a long computation. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A request handler as the connection calls it. */
export type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

/**
 * Wraps a request handler so that a throw becomes an error response and the server keeps serving
 * (`E` is the type of the data the request's errors may carry; these carry none):
 * a cancellation answers `RequestCancelled`, a `ResponseError` is passed on as it is, anything else
 * is logged with its stack and answered as an internal error naming the request.
 */
export function guard<P, R, E = undefined>(log: Logger, method: string, handler: Handler<P, R>): (params: P, token: CancellationToken) => Promise<R | ResponseError<E>> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (e) {
      if (e instanceof ResponseError) return new ResponseError<E>(e.code, e.message);
      if (token?.isCancellationRequested) return cancelled<E>();
      const message = (e as Error)?.message ?? String(e);
      log.error(`${method} failed: ${(e as Error)?.stack ?? message}`);
      return new ResponseError<E>(ErrorCodes.InternalError, t('The playbook server could not answer {0}: {1}', method, message));
    }
  };
}

/** Wraps a notification handler so that a throw is logged instead of escaping. */
export function guardNotification<P>(log: Logger, method: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const r = handler(params);
      if (r) r.catch((e: unknown) => log.error(`${method} failed: ${(e as Error)?.stack ?? String(e)}`));
    } catch (e) {
      log.error(`${method} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  };
}
