/**
 * What every route's contract says besides its shapes: who may call it (the OpenAPI security) and
 * which error codes it can answer, grouped by status, each in the one error shape.
 */
import { Type, type TSchema } from 'typebox';
import { ERRORS, ErrorDetail, statusesOf, type ErrorCode } from './errors.ts';

/** Public routes need nobody; people come with the session cookie; department systems sign each request. */
export const PUBLIC: Record<string, string[]>[] = [];
export const SESSION: Record<string, string[]>[] = [{ session: [] }];
export const SIGNED_SCHEME = { client: [], timestamp: [], nonce: [], signature: [] };
export const SIGNED: Record<string, string[]>[] = [SIGNED_SCHEME];
export const SESSION_OR_SIGNED: Record<string, string[]>[] = [{ session: [] }, SIGNED_SCHEME];

/** The OpenAPI security schemes the requirements above name. */
export const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: 'onething_session', description: '登录后设置的会话 Cookie' },
  client: { type: 'apiKey', in: 'header', name: 'x-onething-client', description: '部门系统编号（系统管理中登记）' },
  timestamp: { type: 'apiKey', in: 'header', name: 'x-onething-timestamp', description: 'Unix 时间戳（秒），与服务器相差不超过 5 分钟' },
  nonce: { type: 'apiKey', in: 'header', name: 'x-onething-nonce', description: '每个请求不同的随机数，只能使用一次' },
  signature: { type: 'apiKey', in: 'header', name: 'x-onething-signature', description: 'HMAC-SM3（方法、路径、时间戳、随机数、请求体的 SM3 摘要，以换行连接），十六进制' },
} as const;

/** Codes every caller of a route of that kind can meet, before the route's own. */
export const AUTH_ERRORS = ['unauthenticated', 'forbidden'] as const satisfies readonly ErrorCode[];
export const SIGNED_ERRORS = ['unknown-client', 'bad-signature', 'stale', 'replayed'] as const satisfies readonly ErrorCode[];
export const BODY_ERRORS = ['invalid-request', 'malformed-json', 'invalid-characters', 'payload-too-large', 'unsupported-media-type', 'cross-site-request'] as const satisfies readonly ErrorCode[];

const errorAnswer = (codes: ErrorCode[], status: number) => Type.Object({
  code: Type.Unsafe<ErrorCode>({ type: 'string', enum: codes }),
  message: Type.String({ description: '中文说明' }),
  details: Type.Array(ErrorDetail),
  requestId: Type.String({ description: '本次请求的编号，见服务器日志' }),
}, { description: codes.map((c) => `\`${c}\`：${ERRORS[c].meaning}`).join('；') + (status === 429 ? '。请按 Retry-After 头所示秒数后再试' : '') });

/** The error answers of a route: one entry per status, listing the codes (duplicates are harmless). */
export function errors(...codes: readonly ErrorCode[]): Record<number, TSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    for (const s of statusesOf(code)) byStatus.set(s, [...(byStatus.get(s) ?? []), code]);
  }
  return Object.fromEntries([...byStatus].map(([status, list]) => [status, errorAnswer(list, status)]));
}

/** A string the server hands out as an id. */
export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
/** A calendar day, as the core reads it. */
export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const Ok = Type.Object({ ok: Type.Boolean() });
/** A value the server takes as is (answers, form values); its rules live in the catalogue. */
export const AnyObject = Type.Record(Type.String(), Type.Unknown());
export const Named = Type.Object({ code: Type.String(), name: Type.String() });
/** One of the given strings (a typed enum). */
export const OneOf = <const T extends string[]>(values: readonly [...T], description?: string) => Type.Enum<T>(values, { type: 'string', ...(description ? { description } : {}) });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** A binary answer: declared by content type only. */
export const binary = (contentType: string, description: string) => ({ description, content: { [contentType]: { schema: { type: 'string', format: 'binary' } } } });
