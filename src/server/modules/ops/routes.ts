/**
 * For the machines that run the platform: liveness (the process answers), readiness (the database
 * answers, its schema is current, a catalogue is published) and Prometheus metrics. Outside /api/,
 * so no session is asked for; /metrics has its own token or address list.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Registry } from 'prom-client';
import { errors, PUBLIC } from '../../../contracts/http.ts';
import { pendingMigrations } from '../../db/migrate.ts';
import type { Deps } from '../../deps.ts';
import { createRegistry, metricsAccess } from './metrics.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Prometheus registry (main adds the process metrics to it). */
    metricsRegistry: Registry;
  }
}

/** A check that hangs (a database behind a dead network) counts as failed rather than holding the probe. */
const CHECK_TIMEOUT_MS = 3000;

interface Check { ok: boolean; message: string }

async function timed(run: () => Promise<Check>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Check>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, message: `${CHECK_TIMEOUT_MS / 1000} 秒内没有结果` }), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([run().catch((e: unknown) => ({ ok: false, message: `出错：${(e as Error).message}` })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const checkSchema = { type: 'object', required: ['ok', 'message'], properties: { ok: { type: 'boolean' }, message: { type: 'string' } } } as const;
const probeSchema = {
  type: 'object', required: ['status', 'message'],
  properties: {
    status: { type: 'string', enum: ['ok', 'unavailable'] },
    message: { type: 'string' },
    checks: { type: 'object', properties: { database: checkSchema, migrations: checkSchema, catalogue: checkSchema } },
  },
} as const;
/** Probes are for the platform's own machinery, not for clients: kept out of the published description. */
const PROBE = { hide: true, tags: ['运维'], security: PUBLIC } as const;

export function opsRoutes(app: FastifyInstance, deps: Deps): void {
  const registry = createRegistry(app, deps);
  app.decorate('metricsRegistry', registry);
  // While closing, each answer ends its connection: a kept-alive one would hold the close until it times out.
  let draining = false;
  app.addHook('preClose', async () => {
    draining = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('Connection', 'close');
  });

  app.get('/livez', {
    schema: { ...PROBE, operationId: 'livez', summary: '存活探针：进程在运行', response: { 200: probeSchema } },
  }, async () => ({ status: 'ok', message: '服务进程运行中' }));

  app.get('/readyz', {
    schema: { ...PROBE, operationId: 'readyz', summary: '就绪探针：数据库可用、迁移已是最新、已有发布的事项目录', response: { 200: probeSchema, 503: probeSchema } },
  }, async (_request, reply) => {
    const database = await timed(async () => {
      await sql`select 1`.execute(deps.db.kysely);
      return { ok: true, message: '数据库可连接' };
    });
    const migrations = database.ok
      ? await timed(async () => {
        const pending = await pendingMigrations(deps.db);
        return pending.length === 0 ? { ok: true, message: '数据库结构已是最新' } : { ok: false, message: `尚未执行的迁移：${pending.join('、')}` };
      })
      : { ok: false, message: '数据库不可用，未检查' };
    const catalogue = database.ok
      ? await timed(async () => {
        const version = await deps.catalogues.latest().then((c) => c.version, () => null);
        return version === null ? { ok: false, message: '没有可用的已发布事项目录' } : { ok: true, message: `事项目录第 ${version} 版` };
      })
      : { ok: false, message: '数据库不可用，未检查' };
    const ready = !draining && database.ok && migrations.ok && catalogue.ok;
    reply.code(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'unavailable', message: ready ? '可以接收请求' : draining ? '正在停止' : '暂不能接收请求', checks: { database, migrations, catalogue } };
  });

  const access = metricsAccess(deps.config.metrics);
  app.get('/metrics', {
    schema: {
      operationId: 'metrics', tags: ['运维'], summary: 'Prometheus 监控指标',
      description: '须从 ONETHING_METRICS_ALLOW 所列地址（默认本机）访问，或带 Authorization: Bearer <ONETHING_METRICS_TOKEN>。',
      security: PUBLIC,
      response: { 200: { description: 'Prometheus 文本格式', content: { 'text/plain': { schema: { type: 'string' } } } }, ...errors('unauthenticated', 'forbidden') },
    },
    onRequest: async (request) => access(request),
  }, async (_request, reply) => {
    reply.header('Content-Type', registry.contentType);
    return registry.metrics();
  });
}
