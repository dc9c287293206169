/**
 * Prometheus metrics: requests per route pattern and status, latency, and what an operator must see
 * before people complain — the dispatch outbox backing up, dead letters, tasks past their time limit.
 * One registry per app, so tests that build many apps never share counters.
 */
import { BlockList, isIPv4 } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { todayIn } from '../../clock.ts';
import type { Config } from '../../config.ts';
import { safeEqual } from '../../crypto/sm3.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';

/** Tasks whose time limit runs: a task waiting on supplementary material has its clock paused. */
export const RUNNING_TASK_STATUSES = ['dispatched', 'claimed'] as const;

/** A route label for requests no route matched, so scanners cannot grow the label set without bound. */
const UNMATCHED = '(unmatched)';

export function createRegistry(app: FastifyInstance, deps: Deps): Registry {
  const registry = new Registry();
  const requests = new Counter({ name: 'onething_http_requests_total', help: '按路由模式和状态码统计的请求数', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'onething_http_request_duration_seconds', help: '按路由模式统计的响应时间（秒）', labelNames: ['method', 'route'], registers: [registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED;
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const db = deps.db.kysely;
  // Each gauge reads the database when scraped; a failed read leaves the last value and logs, so the
  // request figures are still served while the database is away (/readyz says so).
  const gauge = (name: string, help: string, read: () => Promise<number>) => new Gauge({
    name, help, registers: [registry],
    async collect() {
      try {
        this.set(await read());
      } catch (err) {
        app.log.warn({ err, metric: name }, '读取监控指标失败');
      }
    },
  });
  const outboxCount = async (status: 'pending' | 'dead') => Number((await db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('status', '=', status).executeTakeFirst())?.n ?? 0);
  gauge('onething_outbox_pending', '待投递的分办与消息（发件箱）', () => outboxCount('pending'));
  gauge('onething_outbox_dead', '重试用尽、进入死信的投递', () => outboxCount('dead'));
  gauge('onething_outbox_oldest_pending_seconds', '最早一条待投递记录已等待的秒数（无则为 0）', async () => {
    const row = await db.selectFrom('outbox').select((eb) => eb.fn.min('created_at').as('oldest')).where('status', '=', 'pending').executeTakeFirst();
    const oldest = row?.oldest as string | null | undefined;
    return oldest ? Math.max(0, (deps.clock.now().getTime() - Date.parse(oldest)) / 1000) : 0;
  });
  gauge('onething_tasks_overdue', '超过办理时限仍未办结的子件（补正期间暂停计时的不计）', async () => {
    const row = await db.selectFrom('tasks').select((eb) => eb.fn.countAll().as('n'))
      .where('status', 'in', [...RUNNING_TASK_STATUSES]).where('due_date', 'is not', null).where('due_date', '<', todayIn(deps.clock)).executeTakeFirst();
    return Number(row?.n ?? 0);
  });
  return registry;
}

/** An IPv4 client seen through a dual-stack socket (::ffff:10.0.0.1) is matched as IPv4. */
function plainAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? (mapped[1] as string) : ip;
}

function blockList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

const sameToken = (given: string, expected: string) => safeEqual(Buffer.from(given), Buffer.from(expected));

/**
 * Who may scrape: a caller presenting the bearer token, or one from the allowed addresses (loopback
 * by default). A wrong or missing token where one is configured is 401; an address outside the list
 * with no token configured is 403.
 */
export function metricsAccess(config: Config['metrics']): (request: FastifyRequest) => void {
  const allowed = blockList(config.allow);
  return (request) => {
    const header = request.headers.authorization;
    const bearer = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : null;
    if (config.token !== null && bearer !== null) {
      if (sameToken(bearer, config.token)) return;
      throw new AppError('unauthenticated', 401, '监控令牌不对');
    }
    const ip = plainAddress(request.ip);
    if (allowed.check(ip, isIPv4(ip) ? 'ipv4' : 'ipv6')) return;
    if (config.token !== null) throw new AppError('unauthenticated', 401, '读取监控指标须带令牌（Authorization: Bearer …）');
    throw new AppError('forbidden', 403, `地址 ${ip} 无权读取监控指标`);
  };
}
