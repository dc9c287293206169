/** Real HTTP to the simulation server, as each kind of user: session cookies, uploads, signed systems. */
import { randomBytes } from 'node:crypto';
import { signRequest } from '../crypto/hmac-request.ts';

/** A step that failed, with the server's own Chinese message. */
export class StepFailure extends Error {}

type ErrorBody = { message?: string; details?: { message?: string }[] };

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON (a PDF, say): the caller checks what it expected.
    return text;
  }
}

function explain(status: number, body: unknown): string {
  const b = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  // The messages name each field by its label; the paths are ids, not for the person reading.
  const details = (b.details ?? []).map((d) => d.message ?? '').filter(Boolean);
  const head = b.message ?? `服务器答复 ${status}`;
  return details.length > 0 ? `${head}：${details.join('；')}` : head;
}

export class SimulationClient {
  private readonly cookies = new Map<string, string>();
  private readonly systems = new Map<string, { id: string; secret: string }>();

  constructor(private readonly base: string, private readonly password: string) {}

  private async send(method: string, url: string, headers: Record<string, string>, body?: BodyInit): Promise<{ status: number; body: unknown; setCookie: string[] }> {
    const r = await fetch(`${this.base}${url}`, { method, headers, signal: AbortSignal.timeout(30_000), ...(body !== undefined ? { body } : {}) });
    return { status: r.status, body: parse(await r.text()), setCookie: r.headers.getSetCookie() };
  }

  private async must<T>(r: Promise<{ status: number; body: unknown }>): Promise<T> {
    const { status, body } = await r;
    if (status < 200 || status >= 300) throw new StepFailure(explain(status, body));
    return body as T;
  }

  async session(username: string): Promise<string> {
    const known = this.cookies.get(username);
    if (known) return known;
    const r = await this.send('POST', '/api/auth/login', { 'content-type': 'application/json' }, JSON.stringify({ username, password: this.password }));
    const cookie = r.setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('onething_session='));
    if (r.status !== 200 || !cookie) throw new StepFailure(`账号「${username}」无法登录：${explain(r.status, r.body)}`);
    this.cookies.set(username, cookie);
    return cookie;
  }

  async json<T>(as: string, method: string, url: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { cookie: await this.session(as) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.must<T>(this.send(method, url, headers, body === undefined ? undefined : JSON.stringify(body)));
  }

  async upload(as: string, url: string, filename: string, mime: string, data: Buffer): Promise<void> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type: mime }), filename);
    await this.must(this.send('POST', url, { cookie: await this.session(as) }, form));
  }

  /** A document: its bytes, or the failure the server gave. */
  async download(as: string, url: string): Promise<Buffer> {
    const r = await fetch(`${this.base}${url}`, { headers: { cookie: await this.session(as) }, signal: AbortSignal.timeout(30_000) });
    const data = Buffer.from(await r.arrayBuffer());
    if (r.status !== 200) throw new StepFailure(explain(r.status, parse(data.toString('utf8'))));
    return data;
  }

  /** POSTs `body` as the department's own system, registered by the administrator on first use. */
  async signed<T>(department: string, url: string, body: unknown = {}): Promise<T> {
    let system = this.systems.get(department);
    if (!system) {
      system = await this.json<{ id: string; secret: string }>('admin', 'POST', '/api/admin/api-clients', { department, name: `${department} 业务系统（模拟申报）` });
      this.systems.set(department, system);
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const nonce = randomBytes(12).toString('hex');
    const text = JSON.stringify(body);
    const signature = signRequest({ secret: system.secret, method: 'POST', path: url, timestamp, nonce, body: text });
    return this.must<T>(this.send('POST', url, {
      'content-type': 'application/json', 'x-onething-client': system.id, 'x-onething-timestamp': String(timestamp), 'x-onething-nonce': nonce, 'x-onething-signature': signature,
    }, text));
  }
}
