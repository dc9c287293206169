/** `npm start`: migrate, load and check the catalogue, seed the demo, serve. */
import { collectDefaultMetrics } from 'prom-client';
import { buildApp } from './app.ts';
import { systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { checkpointAtShutdown, requireAnchor } from './modules/audit/anchor.ts';
import { seedDemoAccounts, DEMO_PASSWORD } from './modules/identity/demo.ts';
import type { NewAccount } from './modules/identity/service.ts';
import { ROLES } from './modules/identity/roles.ts';
import { seedSharedData } from './modules/shareddata/service.ts';
import { startUp } from './start.ts';
import { remindExpiringLicences } from './modules/recommendations/reminders.ts';
import { findOffers } from './modules/offers/run.ts';
import { remindCommitments } from './modules/window/reminders.ts';
import { followCommitments } from './modules/commitments/deadlines.ts';
import { startHousekeeping, sweep } from './worker/housekeeping.ts';
import { createWorker } from './worker/outbox.ts';

export async function serve(): Promise<void> {
  const config = loadConfig();
  // Seeding checks for each account before creating it: inside the start lock, so concurrent starts take turns.
  const { deps, prepared: { app, accounts } } = await startUp(config, systemClock, async (d) => {
    const built = await buildApp(d, { logger: true });
    let seeded: NewAccount[] = [];
    if (config.seedDemo) {
      await seedSharedData(d.db.kysely, d.cipher);
      seeded = await seedDemoAccounts(d.db.kysely, built.identity);
    }
    return { ...built, accounts: seeded };
  });
  if (config.seedDemo) {
    const lines = accounts.map((a) => `  ${a.username.padEnd(16)} ${ROLES[a.role]}${a.department ? `（${a.department}）` : ''}`);
    process.stdout.write(`\n演示账号（密码均为 ${DEMO_PASSWORD}）：\n${lines.join('\n')}\n`);
  }
  // Process figures (memory, CPU, event-loop delay) only in the real server: tests build many apps.
  collectDefaultMetrics({ register: app.metricsRegistry, prefix: 'onething_' });
  requireAnchor(deps.db.kysely).onError = (err) => app.log.error({ err }, '写审计检查点失败，下一个检查点补上');
  const worker = createWorker(deps);
  worker.start();
  const housekeeping = startHousekeeping(deps, [sweep, remindCommitments, followCommitments, remindExpiringLicences, findOffers], undefined, (job, err) => app.log.error({ err, job }, '定时任务失败，下一轮重试'));
  const stopCheckpoints = deps.db.checkpointInBackground?.();
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`\nonething 已启动：${config.publicUrl}（接口文档：${config.publicUrl}/docs）\n数据库：${deps.db.dialect === 'sqlite' ? `SQLite ${config.dataDir}` : 'PostgreSQL'}\n`);
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Past the limit the process goes anyway: an orchestrator would kill it less politely.
    setTimeout(() => {
      process.stderr.write(`\nonething 未能在 ${config.shutdownSeconds} 秒内停止（ONETHING_SHUTDOWN_SECONDS），强制退出；未完成的请求已中断，未投递的分办下次启动时继续投递\n`);
      process.exit(1);
    }, config.shutdownSeconds * 1000).unref();
    process.stdout.write(`\n收到 ${signal}：不再接收新请求，等待进行中的请求和后台任务结束（至多 ${config.shutdownSeconds} 秒）…\n`);
    try {
      // Listening stops at once; close resolves when the requests in flight have been answered.
      await Promise.all([app.close(), worker.stop(), housekeeping.stop()]);
      // The last entries are signed for, so a tail cut while the server is down is caught.
      await checkpointAtShutdown(deps.db.kysely).catch((err: unknown) => app.log.error({ err }, '关闭时写审计检查点失败'));
      await stopCheckpoints?.();
      await deps.db.close();
    } catch (err) {
      process.stderr.write(`\nonething 停止时出错：${(err as Error).message}\n`);
      process.exit(1);
    }
    process.stdout.write('onething 已停止\n');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
