import { describe, expect, it } from 'vitest';
import { buildCatalogue, checkCatalogue } from '../catalog/check.ts';
import { fixtureDocuments, fixtureWith } from '../testing/fixture.ts';
import { plan } from './plan.ts';
import type { Plan, PlanInput } from './types.ts';

const { catalogue, defects } = checkCatalogue(fixtureDocuments());

function ok(input: PlanInput): Plan {
  const r = plan(catalogue, 'demo', input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}

const married = { married: true, inProvince: true, extras: ['vaccine'] };

describe('plan', () => {
  it('the fixture catalogue is sound', () => {
    expect(defects).toEqual([]);
  });

  it('refuses an unknown matter', () => {
    const r = plan(catalogue, 'nope', {});
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'unknown-matter', path: 'matter' }] });
  });

  it('asks the first question when nothing is answered, and plans nothing yet', () => {
    const p = ok({});
    expect(p.complete).toBe(false);
    expect(p.nextQuestion).toMatchObject({ id: 'married', type: 'boolean', options: [{ value: true, label: '是' }, { value: false, label: '否' }] });
    expect(p.situation).toBeNull();
  });

  it('asks the next applicable question step by step', () => {
    expect(ok({ answers: { married: true } }).nextQuestion?.id).toBe('inProvince');
    expect(ok({ answers: { married: true, inProvince: false } }).nextQuestion?.id).toBe('extras');
  });

  it('drops answers under a branch that no longer applies', () => {
    const p = ok({ answers: { married: false, inProvince: true, extras: ['card'] } });
    expect(p.complete).toBe(true);
    expect(p.dropped).toEqual(['inProvince', 'extras']);
    expect(p.answers.map((a) => a.question)).toEqual(['married']);
  });

  it('keeps, unused, answers whose condition waits on an open question', () => {
    const p = ok({ answers: { inProvince: true } });
    expect(p.dropped).toEqual([]);
    expect(p.nextQuestion?.id).toBe('married');
  });

  it('reports every bad answer at once, with its path', () => {
    const r = plan(catalogue, 'demo', { answers: { married: 'yes', extras: ['vaccine', 'spa'], colour: 'red' } as never });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([
      ['unknown-question', 'answers.colour'],
      ['invalid-answer', 'answers.married'],
      ['unknown-option', 'answers.extras'],
    ]);
    expect(r.errors[2]?.message).toContain('spa');
  });

  it('never throws on malformed input', () => {
    for (const input of [null, 7, 'x', { answers: [] }, { facts: { licenses: 'id-card' } }, { chosenItems: 'b-reg' }]) {
      const r = plan(catalogue, 'demo', input as never);
      expect(r.ok).toBe(false);
    }
  });

  it('fills answers from facts and marks them so; a locked answer cannot be changed', () => {
    const p = ok({ facts: { married: true } });
    expect(p.answers[0]).toMatchObject({ question: 'married', value: true, source: 'facts', prefill: { from: '婚姻登记信息', editable: false } });
    const r = plan(catalogue, 'demo', { answers: { married: false }, facts: { married: true } });
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'answer-locked', path: 'answers.married' }] });
  });

  it('explains the situation in the words of the questions', () => {
    const p = ok({ answers: married });
    expect(p.situation).toMatchObject({ id: 'ok', name: '已婚且省内', eligible: true });
    expect(p.situation?.why).toEqual(['「父母是否已婚」：「是」', '「户籍是否在省内」：「是」']);
  });

  it('gives advice and no items for a situation the matter cannot serve', () => {
    const p = ok({ answers: { married: false } });
    expect(p.situation).toMatchObject({ id: 'no', eligible: false, advice: '请分别办理' });
    expect(p.items).toEqual([]);
    expect(p.stages).toEqual([]);
  });

  it('orders the flow in stages: serial items one after another, parallel ones together', () => {
    const p = ok({ answers: married });
    expect(p.stages).toEqual([['a-cert', 'c-vac'], ['b-reg'], ['c-ins']]);
    expect(p.timeLimit).toEqual({ workingDays: 6, legalWorkingDays: 18, criticalPath: ['a-cert', 'b-reg', 'c-ins'] });
  });

  it('carries calendar-day periods (公示, 公告) apart from the working-day limits', () => {
    const docs = fixtureWith('catalog/items/b-reg.yaml', (d) => { d.periods = [{ name: '公示', days: 7 }]; });
    const withPeriods = checkCatalogue(docs).catalogue;
    const r = plan(withPeriods, 'demo', { answers: married });
    if (!r.ok) throw new Error('no plan');
    expect(r.plan.items.find((i) => i.id === 'b-reg')?.periods).toEqual([{ name: '公示', days: 7 }]);
    expect(r.plan.items.find((i) => i.id === 'a-cert')?.periods).toBeUndefined();
    expect(r.plan.timeLimit).toEqual({ workingDays: 6, legalWorkingDays: 18, criticalPath: ['a-cert', 'b-reg', 'c-ins'], calendarDays: 7 });
  });

  it('adds the items a chosen item needs, saying why', () => {
    const p = ok({ answers: married, chosenItems: ['c-ins'] });
    expect(p.items.map((i) => [i.id, i.why, i.neededBy])).toEqual([
      ['a-cert', 'required', undefined],
      ['b-reg', 'needed-by', ['c-ins']],
      ['c-ins', 'chosen', undefined],
    ]);
    expect(p.notChosen.map((n) => n.id)).toEqual(['c-vac']);
  });

  it('refuses a choice the answers rule out, and an unknown item', () => {
    const r = plan(catalogue, 'demo', { answers: { ...married, extras: [] }, chosenItems: ['c-vac', 'zzz'] });
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'item-not-applicable', path: 'chosenItems[0]' }, { code: 'unknown-item', path: 'chosenItems[1]' }] });
  });

  it('refuses a serial dependency that cannot be met', () => {
    const docs = fixtureWith('catalog/matters/demo.yaml', (m) => {
      const items = m.items as { item: string; when?: unknown }[];
      (items[1] as { when?: unknown }).when = { '==': [{ var: 'inProvince' }, true] };
    });
    const built = buildCatalogue(docs);
    expect(checkCatalogue(docs).defects.some((d) => d.message.includes('无法生成办理方案'))).toBe(true);
    const r = plan(built.catalogue, 'demo', { answers: { married: true, inProvince: false, extras: [] }, chosenItems: ['c-ins'] });
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'dependency-unmet' }] });
    expect(r.ok ? '' : r.errors[0]?.message).toContain('乙登记');
  });

  it('orders an item after another only when the answers bring that one in (afterIfPlanned)', () => {
    const docs = fixtureWith('catalog/matters/demo.yaml', (m) => {
      const items = m.items as { item: string; afterIfPlanned?: string[] }[];
      (items[0] as { afterIfPlanned?: string[] }).afterIfPlanned = ['c-vac'];
    });
    const built = checkCatalogue(docs);
    expect(built.defects).toEqual([]);
    const withVaccine = plan(built.catalogue, 'demo', { answers: married, chosenItems: ['c-vac'] });
    expect(withVaccine.ok && withVaccine.plan.stages).toEqual([['c-vac'], ['a-cert']]);
    expect(withVaccine.ok && withVaccine.plan.items.find((i) => i.id === 'a-cert')?.after).toEqual(['c-vac']);
    // Not brought in, not an error: a-cert simply does not wait.
    const without = plan(built.catalogue, 'demo', { answers: { ...married, extras: [] }, chosenItems: [] });
    expect(without.ok && without.plan.stages).toEqual([['a-cert']]);
    expect(without.ok && without.plan.items[0]?.after).toEqual([]);
  });

  it('finds a cycle through afterIfPlanned, and an unknown item in it', () => {
    const cyclic = checkCatalogue(fixtureWith('catalog/matters/demo.yaml', (m) => {
      ((m.items as { afterIfPlanned?: string[] }[])[0] as { afterIfPlanned?: string[] }).afterIfPlanned = ['c-ins'];
    }));
    expect(cyclic.defects.map((d) => d.message).join('\n')).toContain('成环');
    const unknown = checkCatalogue(fixtureWith('catalog/matters/demo.yaml', (m) => {
      ((m.items as { afterIfPlanned?: string[] }[])[0] as { afterIfPlanned?: string[] }).afterIfPlanned = ['zzz'];
    }));
    expect(unknown.defects).toContainEqual(expect.objectContaining({ path: 'items[0].afterIfPlanned[0]', message: expect.stringContaining('不在本一件事中') }));
  });

  it('skips an item whose result the applicant already holds', () => {
    const p = ok({ answers: married, chosenItems: ['b-reg'], facts: { licenses: ['cert-a'] } });
    expect(p.items.map((i) => i.id)).toEqual(['a-cert', 'b-reg']);
    const q = ok({ answers: married, chosenItems: [] });
    expect(q.items.map((i) => i.id)).toEqual(['a-cert']);
  });

  it('merges one form: each field once, listing the items that need it', () => {
    const p = ok({ answers: married, facts: { applicantName: '张三' } });
    const keys = p.form.fields.map((f) => f.key);
    expect(keys).toEqual(['applicantName', 'applicantIdNumber', 'applicantMobile', 'deliveryMethod', 'birthPlace']);
    const name = p.form.fields[0];
    expect(name).toMatchObject({ items: ['a-cert', 'b-reg', 'c-ins', 'c-vac'], required: true, value: '张三', valueFrom: '实名认证' });
    expect(p.form.fields.find((f) => f.key === 'deliveryMethod')).toMatchObject({ required: true, items: ['b-reg', 'c-ins'] });
    expect(p.form.sections).toEqual([
      { id: 'applicant', title: '申请人信息', fields: ['applicantName', 'applicantIdNumber', 'applicantMobile', 'deliveryMethod'] },
      { id: 'item:a-cert', title: '甲证签发专项信息', fields: ['birthPlace'] },
    ]);
    const schema = p.form.schema as { $schema: string; properties: Record<string, Record<string, unknown>>; required: string[] };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.applicantIdNumber).toMatchObject({ type: 'string', format: 'cn-resident-id', 'x-sensitive': true });
    expect(schema.properties.deliveryMethod).toMatchObject({ oneOf: [{ const: 'post', title: '邮寄' }, { const: 'window', title: '窗口' }] });
    expect(schema.required).toEqual(keys);
  });

  it('keeps a field optional only when every item that needs it says so', () => {
    const p = ok({ answers: married, chosenItems: ['b-reg'] });
    expect(p.form.fields.find((f) => f.key === 'deliveryMethod')?.required).toBe(false);
  });

  it('merges materials: each once, exempt with the reason and the proof', () => {
    const p = ok({ answers: married, facts: { licenses: ['id-card'] }, commitments: ['pledge'] });
    const byId = Object.fromEntries(p.materials.map((m) => [m.id, m]));
    expect(p.materials.map((m) => m.id)).toEqual(['id-card', 'cert-a-doc', 'residence', 'pledge']);
    expect(byId['id-card']).toMatchObject({ status: 'exempt', items: ['a-cert', 'b-reg'], form: 'original-and-copy', exemption: { kind: 'license', ref: 'id-card' } });
    expect(byId['cert-a-doc']).toMatchObject({ status: 'exempt', exemption: { kind: 'result-of-item', ref: 'a-cert', evidence: '「甲证签发」的办理结果：甲证' } });
    expect(byId.residence).toMatchObject({ status: 'exempt', exemption: { kind: 'shared-data', evidence: '数据共享核验：人口库居住信息' } });
    expect(byId.pledge).toMatchObject({ status: 'exempt', exemption: { kind: 'commitment', evidence: '承诺所填情况属实' } });
  });

  it('asks for a material when no exemption applies, naming the e-license that would spare it', () => {
    const p = ok({ answers: married });
    const id = p.materials.find((m) => m.id === 'id-card');
    expect(id).toMatchObject({ status: 'required', alternatives: [{ kind: 'license', ref: 'id-card', evidence: '身份证电子证照' }] });
    expect(id?.exemption).toBeUndefined();
    expect(id?.review.formal).toEqual(['身份证须在有效期内']);
  });

  it('replaces a material by 告知承诺 only when the applicant chooses it, offering it otherwise', () => {
    const offered = ok({ answers: married }).materials.find((m) => m.id === 'pledge');
    expect(offered).toMatchObject({ status: 'required', alternatives: [{ kind: 'commitment', evidence: '承诺所填情况属实' }] });
    const chosen = ok({ answers: married, commitments: ['pledge'] }).materials.find((m) => m.id === 'pledge');
    expect(chosen).toMatchObject({ status: 'exempt', exemption: { kind: 'commitment' }, alternatives: [] });
    const wrong = plan(catalogue, 'demo', { answers: married, commitments: ['id-card', 'no-such'] });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.errors.map((e) => [e.code, e.path])).toEqual([['not-committable', 'commitments.0']]);
    // A promise for a material the plan no longer needs is dropped, not an error.
    expect(ok({ answers: married, commitments: ['no-such'] }).materials.some((m) => m.id === 'no-such')).toBe(false);
  });

  it('lists a conditional material only in the situation that needs it, deferrable where allowed', () => {
    expect(ok({ answers: married }).materials.some((m) => m.id === 'marriage-proof')).toBe(false);
    const out = ok({ answers: { married: true, inProvince: false, extras: [] } });
    expect(out.materials.find((m) => m.id === 'marriage-proof')).toMatchObject({ status: 'required', deferrable: true });
  });

  it('counts the reductions against handling each item alone', () => {
    const p = ok({ answers: married, commitments: ['pledge'] });
    expect(p.reductions).toEqual({
      items: { before: 4, after: 1 },
      forms: { before: 4, after: 1 },
      fields: { before: 9, after: 5 },
      materials: { before: 5, after: 1 },
      trips: { before: 4, after: 1 },
      workingDays: { before: 10, after: 6 },
    });
  });
});
