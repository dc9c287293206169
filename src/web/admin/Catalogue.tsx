/**
 * The published catalogue, browsable: the key matters by life stage with each one's structure at a
 * glance (items, flow, questions, situations, materials), and every item with its matters.
 */
import { Alert, Card, Descriptions, Empty, Grid, Input, List, Segmented, Select, Space, Spin, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, Route, Routes, useLocation, useNavigate, useParams } from 'react-router-dom';
import { days } from '../shared/planLabels.ts';
import { useAuth } from '../shared/auth.tsx';
import { LinkButton } from '../shared/LinkButton.tsx';
import { pagerItem } from '../shared/pager.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { CHANNEL, get, ITEM_KIND, LoadError, Section, useMatters } from './common.tsx';
import type { Guide, ItemSummary } from './types.ts';

export function Catalogue() {
  const navigate = useNavigate();
  const items = useLocation().pathname.startsWith('/admin/catalogue/items');
  return (
    <div className="admin-stack">
      <Segmented value={items ? 'items' : 'matters'} onChange={(v) => navigate(v === 'items' ? '/admin/catalogue/items' : '/admin/catalogue')}
        options={[{ value: 'matters', label: '一件事' }, { value: 'items', label: '事项' }]} aria-label="目录内容" />
      <Routes>
        <Route index element={<Matters />} />
        <Route path="matters/:id" element={<MatterStructure />} />
        <Route path="items" element={<Items />} />
      </Routes>
    </div>
  );
}

function Matters() {
  const m = useMatters();
  if (m.error) return <LoadError error={m.error} retry={m.reload} />;
  if (!m.data) return <Spin description="加载中…" />;
  return (
    <>
      <Typography.Text type="secondary">现行第 {m.data.version} 版，共 {m.list.length} 个“一件事”。点击查看其组成。</Typography.Text>
      {m.data.stages.map((s) => (
        <section key={s.stage} aria-labelledby={`stage-${s.stage}`}>
          <Typography.Title level={4} id={`stage-${s.stage}`} style={{ fontSize: 16 }}>{s.subject === 'person' ? '个人' : '企业'} · {s.name}</Typography.Title>
          <List grid={{ gutter: 12, xs: 1, sm: 2, lg: 3 }} dataSource={s.matters} renderItem={(x) => (
            <List.Item>
              <Card size="small" title={<Link to={`/admin/catalogue/matters/${x.id}`}>{x.name}</Link>} styles={{ body: { paddingBlock: 8 } }}>
                <div>牵头：{x.lead.name}</div>
                <div>配合：{x.partners.length === 0 ? '无' : x.partners.map((p) => p.name.replace(/^示例市/, '')).join('、')}</div>
                <div><Tag>{x.items} 个事项</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{x.batch}</Typography.Text></div>
              </Card>
            </List.Item>
          )} />
        </section>
      ))}
    </>
  );
}

function MatterStructure() {
  const { id = '' } = useParams();
  const { account } = useAuth();
  const q = useLoad(() => get<{ version: number; guide: Guide }>(`/api/public/matters/${encodeURIComponent(id)}`), [id]);
  if (q.error) return <Space orientation="vertical"><Link to="/admin/catalogue">← 全部一件事</Link><LoadError error={q.error} retry={q.reload} /></Space>;
  if (!q.data) return <Spin description="加载中…" />;
  const g = q.data.guide;
  const name = (item: string) => g.items.find((i) => i.id === item)?.name ?? item;
  const critical = new Set(g.process.criticalPath);
  const exemptable = g.materials.filter((m) => m.exemptions.length > 0).length;
  return (
    <div className="admin-stack">
      <Link to="/admin/catalogue">← 全部一件事</Link>
      <div className="admin-row" style={{ justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{g.name}</Typography.Title>
        <Space wrap>
          <LinkButton to={`/matters/${g.id}`}>公开的办事指南</LinkButton>
          {account?.role !== 'auditor' && <LinkButton to={`/admin/change-requests?matter=${g.id}`}>申请变更</LinkButton>}
          {(account?.role === 'admin' || (account?.role === 'lead' && account.department === g.lead.code)) && <LinkButton to={`/admin/drafts?new=1&matter=${g.id}`} type="primary">为此起草变更</LinkButton>}
        </Space>
      </div>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} items={[
        { key: 'stage', label: '生命周期', children: `${g.subject === 'person' ? '个人' : '企业'} · ${g.lifeStage.name}` },
        { key: 'lead', label: '牵头部门', children: g.lead.name },
        { key: 'partners', label: '配合部门', children: g.partners.map((p) => p.name).join('、') || '无' },
        { key: 'items', label: '事项', children: `${g.items.length} 个（必办 ${g.items.filter((i) => i.required).length}，按情形 ${g.items.filter((i) => !i.required).length}）` },
        { key: 'q', label: '引导问题 / 情形', children: `${g.questions.length} 个问题 / ${g.situations.length} 种情形` },
        { key: 'm', label: '材料', children: `${g.materials.length} 种（可免提交 ${exemptable}）` },
        { key: 'time', label: '办理时限', children: `承诺 ${days(g.timeLimit.promisedWorkingDays)}（法定 ${days(g.timeLimit.legalWorkingDays)}）` },
        { key: 'trips', label: '跑动次数', children: `最多 ${g.trips} 次` },
        { key: 'batch', label: '批次', children: g.batch },
      ]} />

      <Section title="办理流程" level={4}>
        <ol className="flow" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="办理流程">
          {g.process.stages.map((s, i) => (
            <li key={i} className="flow-stage">
              <h5>第 {i + 1} 步{s.length > 1 ? '（同时办理）' : ''}</h5>
              <ul>{s.map((x) => <li key={x}>{name(x)}{critical.has(x) && <Tag color="red" style={{ marginInlineStart: 4 }}>关键路径</Tag>}</li>)}</ul>
            </li>
          ))}
        </ol>
      </Section>

      <Section title={`事项（${g.items.length}）`} level={4}>
        <Table size="small" rowKey="id" pagination={false} dataSource={g.items} scroll={{ x: 720 }} columns={[
          { title: '事项', dataIndex: 'name' },
          { title: '部门', dataIndex: 'department' },
          { title: '办理条件', key: 'when', render: (_: unknown, i) => (i.required ? <Tag color="red">必办</Tag> : <><Tag>按情形</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.when ?? '申请人选择'}</Typography.Text></>) },
          { title: '前序事项', key: 'after', render: (_: unknown, i) => i.after.map(name).join('、') || '—' },
          { title: '承诺/法定时限', key: 'tl', render: (_: unknown, i) => `${days(i.timeLimit.promised)} / ${days(i.timeLimit.legal)}` },
        ]} />
      </Section>

      <div className="chart-grid">
        <Section title={`引导问题（${g.questions.length}）`} level={4}>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {g.questions.map((x) => <li key={x.id} style={{ marginBottom: 6 }}>{x.text}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{x.options.map((o) => o.label).join(' / ')}</Typography.Text></div></li>)}
          </ol>
        </Section>
        <Section title={`情形（${g.situations.length}）`} level={4}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {g.situations.map((s) => <li key={s.id} style={{ marginBottom: 6 }}><Tag color={s.eligible ? 'green' : 'red'}>{s.eligible ? '可联办' : '不可联办'}</Tag>{s.name}</li>)}
          </ul>
        </Section>
      </div>

      <Section title={`材料（${g.materials.length}）`} level={4}>
        <Table size="small" rowKey="id" pagination={false} dataSource={g.materials} scroll={{ x: 640 }} columns={[
          { title: '材料', dataIndex: 'name', render: (v: string, m) => <>{v}{m.deferrable && <Tag color="gold" style={{ marginInlineStart: 4 }}>可容缺</Tag>}</> },
          { title: '用于事项', key: 'items', render: (_: unknown, m) => m.items.map(name).join('、') },
          { title: '免提交方式', key: 'ex', render: (_: unknown, m) => (m.exemptions.length === 0 ? <Typography.Text type="secondary">须提交</Typography.Text> : m.exemptions.map((e) => <div key={e.evidence}>{e.evidence}</div>)) },
        ]} />
      </Section>
    </div>
  );
}

interface ItemDetail { item: { conditions: string[]; channels: string[]; trips: number; materials: { id: string; name: string }[]; result: { name: string }; legalBasis: string[]; fees: { free: boolean; note?: string } } }

function ItemMore({ code }: { code: string }) {
  const q = useLoad(() => get<ItemDetail>(`/api/public/items/${encodeURIComponent(code)}`), [code]);
  if (q.error) return <Alert type="error" title={q.error.message} />;
  if (!q.data) return <Spin size="small" />;
  const i = q.data.item;
  return (
    <Descriptions size="small" column={1} items={[
      { key: 'c', label: '受理条件', children: <ul style={{ margin: 0, paddingInlineStart: 18 }}>{i.conditions.map((c) => <li key={c}>{c}</li>)}</ul> },
      { key: 'm', label: '材料', children: i.materials.map((m) => m.name).join('；') || '无' },
      { key: 'r', label: '办理结果', children: i.result.name },
      { key: 'ch', label: '渠道', children: `${i.channels.map((c) => CHANNEL[c] ?? c).join('、')}；单独办理跑动 ${i.trips} 次` },
      { key: 'f', label: '收费', children: i.fees.free ? `不收费${i.fees.note ? `（${i.fees.note}）` : ''}` : i.fees.note ?? '收费' },
      { key: 'l', label: '设定依据', children: i.legalBasis.join('；') },
    ]} />
  );
}

type ExpandIconProps = Parameters<NonNullable<NonNullable<TableProps<ItemSummary>['expandable']>['expandIcon']>>[0];

/**
 * Ant Design's expand button (its classes, so it looks the same), named after its item: otherwise
 * every row's button is only “展开行”, and a screen reader cannot tell one from another.
 */
function ItemExpand({ prefixCls, expanded, record, onExpand }: ExpandIconProps) {
  const cls = `${prefixCls}-row-expand-icon`;
  return (
    <button type="button" className={`${cls} ${cls}-${expanded ? 'expanded' : 'collapsed'}`} aria-expanded={expanded}
      aria-label={`${expanded ? '收起' : '展开'}${record.name}的详情`} onClick={(e) => { onExpand(record, e); e.stopPropagation(); }} />
  );
}

function Items() {
  const narrow = !Grid.useBreakpoint().md;
  const q = useLoad(() => get<{ version: number; items: ItemSummary[] }>('/api/public/items'), []);
  const source = useLoad(() => get<{ documents: { kind: string; data: { id?: string; name?: string; items?: { item: string }[] } }[] }>('/api/public/catalogue'), []);
  const [text, setText] = useState('');
  const [dept, setDept] = useState('');
  const usedBy = useMemo(() => {
    const map = new Map<string, { id: string; name: string }[]>();
    for (const d of source.data?.documents ?? []) {
      if (d.kind !== 'matter' || !d.data.id) continue;
      for (const e of d.data.items ?? []) map.set(e.item, [...(map.get(e.item) ?? []), { id: d.data.id, name: d.data.name ?? d.data.id }]);
    }
    return map;
  }, [source.data]);
  const all = q.data?.items ?? [];
  const departments = [...new Map(all.map((i) => [i.department.code, i.department.name])).entries()];
  const t = text.trim().toLowerCase();
  const rows = all.filter((i) => (!dept || i.department.code === dept) && (!t || i.name.toLowerCase().includes(t) || i.code.includes(t)));
  if (q.error) return <LoadError error={q.error} retry={q.reload} />;
  const matters = (code: string) => (usedBy.get(code) ?? []).map((m) => <Tag key={m.id}><Link to={`/admin/catalogue/matters/${m.id}`}>{m.name}</Link></Tag>);
  return (
    <>
      <div className="admin-row">
        <label htmlFor="item-search">查找</label>
        <Input id="item-search" allowClear value={text} onChange={(e) => setText(e.target.value)} placeholder="事项名称或编码" style={{ width: 240 }} />
        <label htmlFor="item-dept">部门</label>
        <Select id="item-dept" value={dept} onChange={setDept} style={{ width: 240 }} options={[{ value: '', label: '全部部门' }, ...departments.map(([code, name]) => ({ value: code, label: name }))]} />
        <Typography.Text type="secondary" role="status">{rows.length} / {all.length} 个事项</Typography.Text>
      </div>
      {narrow ? (
        <List loading={q.loading} dataSource={rows} locale={{ emptyText: <Empty description="没有符合条件的事项" /> }} renderItem={(i) => (
          <List.Item>
            <div>
              <strong>{i.name}</strong>
              <div className="mono">{i.code}</div>
              <div>{i.department.name} · {ITEM_KIND[i.kind] ?? i.kind} · 承诺 {days(i.timeLimit.promised)}</div>
              <div>{matters(i.code)}</div>
            </div>
          </List.Item>
        )} />
      ) : (
        <Table<ItemSummary> rowKey="code" size="small" loading={q.loading} dataSource={rows} pagination={{ pageSize: 20, showSizeChanger: false, itemRender: pagerItem }}
          expandable={{ expandedRowRender: (i) => <ItemMore code={i.code} />, expandRowByClick: false, expandIcon: ItemExpand }}
          columns={[
            { title: '事项', dataIndex: 'name', render: (v: string, i) => <>{v}<div className="mono" style={{ color: '#595959' }}>{i.code}</div></> },
            { title: '部门', key: 'd', render: (_: unknown, i) => i.department.name },
            { title: '类型', dataIndex: 'kind', render: (k: string) => ITEM_KIND[k] ?? k },
            { title: '承诺/法定时限', key: 'tl', render: (_: unknown, i) => `${days(i.timeLimit.promised)} / ${days(i.timeLimit.legal)}` },
            { title: '所属一件事', key: 'm', render: (_: unknown, i) => matters(i.code) },
          ]} />
      )}
    </>
  );
}
