/** The one error handler: every failure leaves as { code, message, details, requestId } with a 4xx unless it is ours. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { maskNumbersIn } from '../crypto/sm4.ts';
import type { ErrorAnswer, ErrorCode } from '../../contracts/errors.ts';
import { AppError, type ErrorDetail } from '../errors.ts';
import { isPageRequest } from './web.ts';

const KEYWORD_TEXT: Record<string, (p: Record<string, unknown>) => string> = {
  required: (p) => `缺少必填项「${String(p.missingProperty)}」`,
  type: (p) => `类型不对，应为${({ string: '文本', integer: '整数', number: '数字', boolean: '是/否', object: '对象', array: '列表' } as Record<string, string>)[String(p.type)] ?? String(p.type)}`,
  enum: (p) => `取值不在允许范围内：${(p.allowedValues as unknown[] | undefined)?.join('、') ?? ''}`,
  minLength: (p) => `至少 ${String(p.limit)} 个字符`,
  maxLength: (p) => `最多 ${String(p.limit)} 个字符`,
  minimum: (p) => `不能小于 ${String(p.limit)}`,
  maximum: (p) => `不能大于 ${String(p.limit)}`,
  minItems: (p) => `至少 ${String(p.limit)} 项`,
  maxItems: (p) => `最多 ${String(p.limit)} 项`,
  pattern: () => '格式不对',
  format: (p) => `格式不对，应为 ${String(p.format)}`,
  additionalProperties: (p) => `不认识的字段「${String(p.additionalProperty)}」`,
  uniqueItems: () => '列表中有重复项',
};

function validationDetails(error: FastifyError): ErrorDetail[] {
  return (error.validation ?? []).map((v) => {
    const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const params = (v.params ?? {}) as Record<string, unknown>;
    const path = v.keyword === 'required' ? [base, params.missingProperty].filter(Boolean).join('.') : v.keyword === 'additionalProperties' ? [base, params.additionalProperty].filter(Boolean).join('.') : base;
    const context = error.validationContext ?? 'body';
    const text = KEYWORD_TEXT[v.keyword]?.(params) ?? v.message ?? '取值不对';
    return { path: path ? `${context}.${path}` : context, message: text, code: v.keyword };
  });
}

/** The one error shape; the code must be registered (src/contracts/errors.ts). */
const answer = (request: FastifyRequest, code: ErrorCode, message: string, details: ErrorDetail[]): ErrorAnswer => ({ code, message, details, requestId: request.id });

export function installErrorHandler(app: FastifyInstance, web = false): void {
  app.setNotFoundHandler((request, reply) => {
    if (web && isPageRequest(request)) {
      reply.header('Cache-Control', 'no-cache').sendFile('index.html');
      return;
    }
    reply.code(404).send(answer(request, 'route-not-found', `没有这个接口：${request.method} ${maskNumbersIn(request.url.split('?')[0] ?? '')}`, []));
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      reply.code(error.status).send(answer(request, error.code, error.message, error.details));
      return;
    }
    if (error.validation) {
      reply.code(400).send(answer(request, 'invalid-request', '请求内容不符合要求', validationDetails(error)));
      return;
    }
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && error instanceof SyntaxError)) {
      reply.code(400).send(answer(request, 'malformed-json', '请求内容不是合法的 JSON', []));
      return;
    }
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      reply.code(413).send(answer(request, 'payload-too-large', '上传的内容超过大小限制', []));
      return;
    }
    if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      reply.code(415).send(answer(request, 'unsupported-media-type', '不支持的内容类型', []));
      return;
    }
    if (status >= 400 && status < 500) {
      reply.code(status).send(answer(request, 'bad-request', '请求有误', [{ path: '', message: error.message }]));
      return;
    }
    request.log.error({ err: error }, 'unexpected error');
    reply.code(500).send(answer(request, 'internal', '服务器内部错误，请稍后再试', []));
  });
}

/** Fastify's own refusals before routing (a malformed address, a bad constraint), in the same shape. */
export function malformedRequest(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const url = error.code === 'FST_ERR_BAD_URL';
  reply.code(400).send(answer(
    request,
    url ? 'malformed-url' : 'bad-request',
    url ? '请求地址格式不对（含有无法解析的编码）' : '请求有误',
    [{ path: url ? 'url' : '', message: url ? '地址中的 % 编码不完整或不是合法的 UTF-8' : '请求无法处理' }],
  ));
}
