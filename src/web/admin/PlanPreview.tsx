/**
 * The live plan preview of a draft: choose a key matter, answer its questions one at a time (as the
 * draft's plan asks them), and see the situation, items, stages, materials with exemptions, time
 * limit and reductions — beside what the published version gives for the same answers.
 */
import { Alert, Button, Checkbox, Descriptions, Empty, Radio, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { MATERIAL_FORM_TEXT } from '../../core/planning/labels.ts';
import type { ItemWhy } from '../../core/planning/types.ts';
import { days, EXEMPT, WHY } from '../shared/planLabels.ts';
import { ApiError, post } from '../shared/api.ts';
import { baseName, CHANNEL, errorText, Section, type Matters } from './common.tsx';
import type { AnswerValue, DraftDetail, Plan, QuestionView } from './types.ts';

const keyOf = (v: string | boolean) => `${typeof v}:${String(v)}`;

type Answers = Record<string, AnswerValue>;

function Question({ q, value, onChange, next }: { q: QuestionView; value: AnswerValue | undefined; onChange(v: AnswerValue): void; next: boolean }) {
  const id = `pq-${q.id}`;
  const [multi, setMulti] = useState<string[]>(Array.isArray(value) ? value : []);
  return (
    <div role="group" aria-labelledby={id} style={{ padding: '10px 12px', borderRadius: 6, background: next ? '#fff7e6' : '#fafafa', border: `1px solid ${next ? '#ffd591' : '#f0f0f0'}` }}>
      <div id={id} style={{ fontWeight: 600, marginBottom: 6 }}>{next && <Tag color="orange">待回答</Tag>}{q.text}</div>
      {q.help && <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>{q.help}</Typography.Paragraph>}
      {q.type === 'multi' ? (
        <>
          <Checkbox.Group aria-labelledby={id} value={multi} onChange={(v) => { setMulti(v as string[]); if (!next) onChange(v as string[]); }}
            options={q.options.map((o) => ({ value: String(o.value), label: o.label }))} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
          {next && <Button size="small" type="primary" style={{ marginTop: 6 }} onClick={() => onChange(multi)}>确定{multi.length === 0 ? '（都不选）' : ''}</Button>}
        </>
      ) : (
        <Radio.Group aria-labelledby={id} value={value === undefined || Array.isArray(value) ? undefined : keyOf(value)}
          onChange={(e) => { const o = q.options.find((x) => keyOf(x.value) === e.target.value); if (o) onChange(o.value); }}
          options={q.options.map((o) => ({ value: keyOf(o.value), label: o.label }))} style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }} />
      )}
    </div>
  );
}

export function PlanPreview({ draft, version, matters: published }: { draft: DraftDetail; version: number; matters: Matters }) {
  const matterIds = useMemo(() => draft.documents.filter((d) => d.kind === 'matter').map((d) => baseName(d.file)), [draft.documents]);
  const [matterId, setMatterId] = useState<string>(() => draft.matterId ?? (matterIds.includes('newborn-birth') ? 'newborn-birth' : matterIds[0] ?? ''));
  const [answers, setAnswers] = useState<Answers>({});
  const [seen, setSeen] = useState<Record<string, QuestionView>>({});
  const [result, setResult] = useState<{ plan: Plan | null; error: ApiError | Error | null; current: Plan | null }>({ plan: null, error: null, current: null });
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!matterId) return;
    let live = true;
    setLoading(true);
    const body = { answers };
    const mine = post<{ plan: Plan }>(`/api/admin/drafts/${draft.id}/preview-plan`, { matterId, ...body });
    const now = post<{ plan: Plan }>(`/api/public/matters/${encodeURIComponent(matterId)}/plan`, body).then((r) => r.plan, () => null);
    Promise.all([mine.then((r) => r.plan, (e: ApiError) => e), now]).then(([p, current]) => {
      if (!live) return;
      setLoading(false);
      if (p instanceof Error) return setResult({ plan: null, error: p, current });
      setResult({ plan: p, error: null, current });
      if (p.nextQuestion) setSeen((s) => ({ ...s, [p.nextQuestion!.id]: p.nextQuestion! }));
      if (p.dropped.length > 0) setAnswers((a) => Object.fromEntries(Object.entries(a).filter(([k]) => !p.dropped.includes(k))));
    });
    return () => {
      live = false;
    };
  }, [draft.id, matterId, answers, version]);

  const choose = (id: string) => {
    setMatterId(id);
    setAnswers({});
    setSeen({});
    setResult({ plan: null, error: null, current: null });
  };

  const plan = result.plan;
  return (
    <div className="admin-stack">
      <div className="admin-row">
        <label htmlFor="preview-matter" style={{ fontWeight: 600 }}>一件事</label>
        <Select id="preview-matter" value={matterId || undefined} onChange={choose} style={{ flex: '1 1 280px', maxWidth: 420 }} showSearch={{ optionFilterProp: 'label' }}
          options={matterIds.map((id) => ({ value: id, label: published.name(id) === id ? id : `${published.name(id)}` }))} placeholder="选择要预览的一件事" />
        <Button onClick={() => { setAnswers({}); setSeen({}); }} disabled={Object.keys(answers).length === 0}>重新回答</Button>
        {loading && <Spin size="small" description="生成中" />}
      </div>
      <Typography.Text type="secondary">用本草稿（已保存的修改）生成办理方案，回答问题后即时更新；“情形与时限”中的对比表列出现行版本对同样回答的结果，便于核对变化。</Typography.Text>
      {result.error && (
        <Alert type="error" showIcon title={errorText(result.error)}
          description={result.error instanceof ApiError && result.error.details.length > 0 ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{result.error.details.map((d, i) => <li key={i}><span className="mono">{d.path}</span>：{d.message}</li>)}</ul> : undefined} />
      )}
      {!matterId && <Empty description="草稿中没有一件事" />}
      {plan && (
        <div className="preview-grid">
          <Section title={`引导问题（已答 ${plan.answers.length}）`} level={4}>
            <div className="sr-only" aria-live="polite">{plan.nextQuestion ? `下一题：${plan.nextQuestion.text}` : '问题已全部回答'}</div>
            <div className="admin-stack" style={{ gap: 8 }}>
              {plan.answers.map((a) => {
                const q = seen[a.question];
                return q ? <Question key={a.question} q={q} value={a.value} next={false} onChange={(v) => setAnswers((s) => ({ ...s, [a.question]: v }))} />
                  : (
                    <div key={a.question} style={{ padding: '8px 12px', background: '#fafafa', borderRadius: 6 }}>
                      <div style={{ fontWeight: 600 }}>{a.text}</div>
                      <Space>{a.label}<Button size="small" type="link" onClick={() => setAnswers((s) => { const n = { ...s }; delete n[a.question]; return n; })}>重新回答</Button></Space>
                    </div>
                  );
              })}
              {plan.nextQuestion ? (
                <Question key={plan.nextQuestion.id} q={plan.nextQuestion} value={undefined} next onChange={(v) => setAnswers((s) => ({ ...s, [plan.nextQuestion!.id]: v }))} />
              ) : (
                <Alert type={plan.situation?.eligible === false ? 'warning' : 'success'} showIcon title={plan.complete ? '问题已全部回答，方案已完整' : '没有更多问题'} />
              )}
            </div>
          </Section>
          <div className="admin-stack">
            <PlanBody plan={plan} current={result.current} />
          </div>
        </div>
      )}
    </div>
  );
}

function Compare({ plan, current }: { plan: Plan; current: Plan | null }) {
  const rows = [
    { key: 'days', label: '承诺办理时限', mine: plan.timeLimit.workingDays, now: current?.timeLimit.workingDays, fmt: days },
    { key: 'legal', label: '法定办理时限', mine: plan.timeLimit.legalWorkingDays, now: current?.timeLimit.legalWorkingDays, fmt: days },
    { key: 'items', label: '办理事项', mine: plan.items.length, now: current?.items.length, fmt: (n: number) => `${n} 项` },
    { key: 'required', label: '需提交材料', mine: plan.materials.filter((m) => m.status === 'required').length, now: current?.materials.filter((m) => m.status === 'required').length, fmt: (n: number) => `${n} 份` },
    { key: 'exempt', label: '免提交材料', mine: plan.materials.filter((m) => m.status === 'exempt').length, now: current?.materials.filter((m) => m.status === 'exempt').length, fmt: (n: number) => `${n} 份` },
    { key: 'fields', label: '申请表字段', mine: plan.reductions.fields.after, now: current?.reductions.fields.after, fmt: (n: number) => `${n} 项` },
    { key: 'trips', label: '跑动次数', mine: plan.reductions.trips.after, now: current?.reductions.trips.after, fmt: (n: number) => `${n} 次` },
  ];
  return (
    <table className="diff-table" aria-label="本草稿与现行版本的方案对比">
      <thead><tr><th scope="col">指标</th><th scope="col">现行版本</th><th scope="col">本草稿</th></tr></thead>
      <tbody>
        {rows.map((r) => {
          const changed = r.now !== undefined && r.now !== r.mine;
          return (
            <tr key={r.key}>
              <th scope="row" style={{ fontWeight: 400 }}>{r.label}</th>
              <td data-label="现行版本" className={changed ? 'diff-before' : undefined}>{r.now === undefined ? '—' : r.fmt(r.now)}</td>
              <td data-label="本草稿" className={changed ? 'diff-after' : undefined}>{r.fmt(r.mine)}{changed && <strong>（有变化）</strong>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function PlanBody({ plan, current }: { plan: Plan; current: Plan | null }) {
  const name = (id: string) => plan.items.find((i) => i.id === id)?.name ?? id;
  const r = plan.reductions;
  const reductions = [
    { key: 'items', label: '办理事项', m: r.items, unit: '项' },
    { key: 'forms', label: '申请表', m: r.forms, unit: '张' },
    { key: 'fields', label: '填写字段', m: r.fields, unit: '项' },
    { key: 'materials', label: '提交材料', m: r.materials, unit: '份' },
    { key: 'trips', label: '跑动次数', m: r.trips, unit: '次' },
    { key: 'days', label: '承诺时限', m: r.workingDays, unit: '个工作日' },
  ];
  return (
    <>
      <Section title="情形与时限" level={4}>
        <Descriptions size="small" column={1} bordered items={[
          {
            key: 'situation', label: '办理情形', children: plan.situation ? (
              <>
                <Tag color={plan.situation.eligible ? 'green' : 'red'}>{plan.situation.eligible ? '可以联办' : '不能联办'}</Tag>{plan.situation.name}
                {plan.situation.description && <div><Typography.Text type="secondary">{plan.situation.description}</Typography.Text></div>}
                {plan.situation.advice && <div>建议：{plan.situation.advice}</div>}
              </>
            ) : <Typography.Text type="secondary">回答问题后确定</Typography.Text>,
          },
          { key: 'time', label: '办理时限', children: <>承诺 <strong>{days(plan.timeLimit.workingDays)}</strong>（法定 {days(plan.timeLimit.legalWorkingDays)}）</> },
          { key: 'path', label: '关键路径', children: plan.timeLimit.criticalPath.map(name).join(' → ') || '—' },
          { key: 'channels', label: '办理渠道', children: plan.channels.map((c) => CHANNEL[c] ?? c).join('、') },
        ]} />
        <div style={{ marginTop: 12 }}><Compare plan={plan} current={current} /></div>
      </Section>

      <Section title={`办理事项（${plan.items.length}）与流程`} level={4}>
        <Table size="small" rowKey="id" pagination={false} dataSource={plan.items} scroll={{ x: 560 }} columns={[
          { title: '事项', dataIndex: 'name', render: (v: string, i) => <>{v}{i.optional && <Tag style={{ marginInlineStart: 4 }}>可选</Tag>}</> },
          { title: '部门', key: 'dept', render: (_: unknown, i) => i.department.name },
          { title: '类型', dataIndex: 'why', render: (w: ItemWhy) => <Tag color={WHY[w].color}>{WHY[w].label}</Tag> },
          { title: '步骤', dataIndex: 'stage', render: (s: number) => `第 ${s + 1} 步` },
          { title: '承诺/法定时限', key: 'tl', render: (_: unknown, i) => `${days(i.timeLimit.promised)} / ${days(i.timeLimit.legal)}` },
        ]} />
        {plan.notChosen.length > 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>未选择的可选事项：{plan.notChosen.map((n) => n.name).join('、')}</Typography.Paragraph>}
        <ol className="flow" aria-label="办理流程" style={{ listStyle: 'none', padding: 0, marginTop: 12 }}>
          {plan.stages.map((s, i) => (
            <li key={i} className="flow-stage">
              <h5>第 {i + 1} 步{s.length > 1 ? '（同时办理）' : ''}</h5>
              <ul>{s.map((id) => <li key={id}>{name(id)}</li>)}</ul>
            </li>
          ))}
        </ol>
      </Section>

      <Section title={`材料（需提交 ${plan.materials.filter((m) => m.status === 'required').length}，免提交 ${plan.materials.filter((m) => m.status === 'exempt').length}）`} level={4}>
        <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
          {plan.materials.map((m) => (
            <li key={m.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <div className="admin-row" style={{ gap: 6 }}>
                {m.status === 'exempt' ? <Tag color="green">免提交</Tag> : <Tag color="orange">需提交</Tag>}
                <span style={{ color: m.status === 'exempt' ? '#595959' : undefined }}>{m.name}</span>
                {m.status === 'required' && <Typography.Text type="secondary">{MATERIAL_FORM_TEXT[m.form]} {m.copies} 份</Typography.Text>}
                {m.deferrable && <Tag color="gold">可容缺</Tag>}
              </div>
              {m.exemption && <div style={{ fontSize: 13 }}><Tag color={EXEMPT[m.exemption.kind].color}>{EXEMPT[m.exemption.kind].label}</Tag>{m.exemption.evidence}</div>}
              {m.status === 'required' && m.alternatives.length > 0 && <div style={{ fontSize: 13 }}><Typography.Text type="secondary">可免提交的方式：{m.alternatives.map((a) => `${EXEMPT[a.kind].label}（${a.evidence}）`).join('；')}</Typography.Text></div>}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="减环节、减材料、减时限、减跑动" level={4}>
        <table className="diff-table">
          <caption style={{ captionSide: 'top', textAlign: 'start', paddingBottom: 6 }}>单独办理各事项与“一件事”办理相比</caption>
          <thead><tr><th scope="col">指标</th><th scope="col">单独办理</th><th scope="col">一件事</th><th scope="col">减少</th></tr></thead>
          <tbody>
            {reductions.map((x) => (
              <tr key={x.key}>
                <th scope="row" style={{ fontWeight: 400 }}>{x.label}</th>
                <td data-label="单独办理">{x.m.before} {x.unit}</td>
                <td data-label="一件事">{x.m.after} {x.unit}</td>
                <td data-label="减少">{x.m.before > 0 ? `${Math.round(((x.m.before - x.m.after) / x.m.before) * 100)}%` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}
