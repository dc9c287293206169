import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageSender } from '../../deps.ts';
import { loggingSender } from '../../start.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { createWorker } from '../../worker/outbox.ts';
import { notify } from './service.ts';

describe.each(DIALECTS)('notices by SMS and e-mail on %s', (dialect) => {
  let h: Harness;
  let agent: string;
  const tell = (title: string) => h.deps.db.kysely.transaction().execute((trx) => notify(trx, { accountId: agent, kind: 'accepted', title, body: '办件 YJS20250000001 已受理。' }, h.clock.now().toISOString()));
  const logged = (title: string) => h.deps.db.kysely.selectFrom('message_log').select(['channel', 'recipient', 'body']).where('body', 'like', `%${title}%`).orderBy('channel', 'desc').execute();

  beforeAll(async () => {
    h = await startHarness(dialect);
    agent = (await h.deps.db.kysely.selectFrom('accounts').select('id').where('username', '=', 'haowei').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => h.close());

  it('sends each notice to every channel the account has, with the addresses masked in the log', async () => {
    await tell('申请已受理');
    await createWorker(h.deps).runOnce();
    expect(await logged('申请已受理')).toEqual([
      { channel: 'sms', recipient: '138****0004', body: '【一件事】申请已受理：办件 YJS20250000001 已受理。' },
      { channel: 'email', recipient: 'c**********@haowei-canyin.example.cn', body: '【一件事】申请已受理：办件 YJS20250000001 已受理。' },
    ]);
    const row = await h.deps.db.kysely.selectFrom('accounts').select('email_enc').where('id', '=', agent).executeTakeFirstOrThrow();
    expect(row.email_enc).not.toContain('haowei-canyin');
  });

  it('retries only the channel that failed', async () => {
    const log = loggingSender(h.deps);
    const attempts: string[] = [];
    let mailDown = true;
    const sender: MessageSender = {
      async send(m) {
        attempts.push(m.channel);
        if (m.channel === 'email' && mailDown) throw new Error('邮件网关暂不可用');
        await log.send(m);
      },
    };
    await tell('请补充材料');
    const worker = createWorker({ ...h.deps, sender });
    await worker.runOnce();
    expect(attempts).toEqual(['sms', 'email']);
    mailDown = false;
    h.clock.advance(60_000);
    await worker.runOnce();
    expect(attempts).toEqual(['sms', 'email', 'email']);
    expect((await logged('请补充材料')).map((m) => m.channel)).toEqual(['sms', 'email']);
  });
});
