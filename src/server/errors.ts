/** The one error type of the server: a stable code, an HTTP status, a Chinese message and details. */
export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details: ErrorDetail[] = []) => new AppError(code, 400, message, details);
export const unauthorized = (message = '请先登录') => new AppError('unauthenticated', 401, message);
export const forbidden = (message = '无权进行此操作') => new AppError('forbidden', 403, message);
export const notFound = (what: string) => new AppError('not-found', 404, `${what}不存在或无权查看`);
export const conflict = (code: string, message: string, details: ErrorDetail[] = []) => new AppError(code, 409, message, details);
export const tooLarge = (message: string) => new AppError('payload-too-large', 413, message);
