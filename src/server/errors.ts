/** The one error type of the server: a registered code (src/contracts/errors.ts), an HTTP status, a Chinese message and details. */
import type { CodeWithStatus, ErrorCode, ErrorDetail } from '../contracts/errors.ts';

export type { ErrorCode, ErrorDetail };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** An error of a registered code at one of its registered statuses; anything else does not compile. */
export const appError = <S extends number>(status: S, code: CodeWithStatus<S>, message: string, details: ErrorDetail[] = []) => new AppError(code, status, message, details);

export const badRequest = (code: CodeWithStatus<400>, message: string, details: ErrorDetail[] = []) => new AppError(code, 400, message, details);
export const unauthorized = (message = '请先登录') => new AppError('unauthenticated', 401, message);
export const forbidden = (message = '无权进行此操作') => new AppError('forbidden', 403, message);
export const notFound = (what: string) => new AppError('not-found', 404, `${what}不存在或无权查看`);
export const conflict = (code: CodeWithStatus<409>, message: string, details: ErrorDetail[] = []) => new AppError(code, 409, message, details);
export const tooLarge = (message: string) => new AppError('payload-too-large', 413, message);
