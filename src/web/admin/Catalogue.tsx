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
import { CHANNEL, get, ITEM_KIND, LoadError, named, Section, useMatters } from './common.tsx';
import type { Guide, ItemSummary } from './types.ts';
import { usePrefs } from '../shared/prefs.tsx';

export function Catalogue() {
  const { t } = usePrefs();
  const navigate = useNavigate();
  const items = useLocation().pathname.startsWith('/admin/catalogue/items');
  return (
    <div className="admin-stack">
      <Segmented value={items ? 'items' : 'matters'} onChange={(v) => navigate(v === 'items' ? '/admin/catalogue/items' : '/admin/catalogue')}
        options={[{ value: 'matters', label: t('admMatters') }, { value: 'items', label: t('admItems') }]} aria-label={t('admCatalogueContent')} />
      <Routes>
        <Route index element={<Matters />} />
        <Route path="matters/:id" element={<MatterStructure />} />
        <Route path="items" element={<Items />} />
      </Routes>
    </div>
  );
}

function Matters() {
  const { t } = usePrefs();
  const m = useMatters();
  if (m.error) return <LoadError error={m.error} retry={m.reload} />;
  if (!m.data) return <Spin description={t('admLoading')} />;
  return (
    <>
      <Typography.Text type="secondary">{t('admCurrentVersion')} {m.data.version} {t('admWith')} {m.list.length} {t('admMatterSClickOne')}</Typography.Text>
      {m.data.stages.map((s) => (
        <section key={s.stage} aria-labelledby={`stage-${s.stage}`}>
          <Typography.Title level={4} id={`stage-${s.stage}`} style={{ fontSize: 16 }}>{s.subject === 'person' ? t('admIndividual') : t('admBusiness')} · <span lang="zh-CN">{s.name}</span></Typography.Title>
          <List grid={{ gutter: 12, xs: 1, sm: 2, lg: 3 }} dataSource={s.matters} renderItem={(x) => (
            <List.Item>
              <Card size="small" title={<Link to={`/admin/catalogue/matters/${x.id}`} lang="zh-CN">{x.name}</Link>} styles={{ body: { paddingBlock: 8 } }}>
                <div>{t('admLead')}<span lang="zh-CN">{x.lead.name}</span></div>
                <div>{t('admPartners')}{x.partners.length === 0 ? t('admNone') : <span lang="zh-CN">{x.partners.map((p) => p.name.replace(/^示例市/, '')).join('、')}</span>}</div>
                <div><Tag>{x.items} {t('admItemS')}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }} lang="zh-CN">{x.batch}</Typography.Text></div>
              </Card>
            </List.Item>
          )} />
        </section>
      ))}
    </>
  );
}

function MatterStructure() {
  const { t } = usePrefs();
  const { id = '' } = useParams();
  const { account } = useAuth();
  const q = useLoad(() => get<{ version: number; guide: Guide }>(`/api/public/matters/${encodeURIComponent(id)}`), [id]);
  if (q.error) return <Space orientation="vertical"><Link to="/admin/catalogue">{t('admAllMatters')}</Link><LoadError error={q.error} retry={q.reload} /></Space>;
  if (!q.data) return <Spin description={t('admLoading')} />;
  const g = q.data.guide;
  const name = (item: string) => g.items.find((i) => i.id === item)?.name ?? item;
  const critical = new Set(g.process.criticalPath);
  const exemptable = g.materials.filter((m) => m.exemptions.length > 0).length;
  return (
    <div className="admin-stack">
      <Link to="/admin/catalogue">{t('admAllMatters')}</Link>
      <div className="admin-row" style={{ justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}><span lang="zh-CN">{g.name}</span></Typography.Title>
        <Space wrap>
          <LinkButton to={`/matters/${g.id}`}>{t('admPublicServiceGuide')}</LinkButton>
          {account?.role !== 'auditor' && <LinkButton to={`/admin/change-requests?matter=${g.id}`}>{t('admRequestAChange')}</LinkButton>}
          {(account?.role === 'admin' || (account?.role === 'lead' && account.department === g.lead.code)) && <LinkButton to={`/admin/drafts?new=1&matter=${g.id}`} type="primary">{t('admDraftAChangeFor')}</LinkButton>}
        </Space>
      </div>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} items={[
        { key: 'stage', label: t('admLifeStage'), children: <>{g.subject === 'person' ? t('admIndividual') : t('admBusiness')} · <span lang="zh-CN">{g.lifeStage.name}</span></> },
        { key: 'lead', label: t('admLeadDepartment'), children: g.lead.name },
        { key: 'partners', label: t('admPartnerDepartments'), children: g.partners.map((p) => p.name).join(t('admSep3')) || t('admNone') },
        { key: 'items', label: t('admItems'), children: t('admRequiredBySituation', { n: g.items.length, p1: g.items.filter((i) => i.required).length, p2: g.items.filter((i) => !i.required).length }) },
        { key: 'q', label: t('admGuidingQuestionsSituations'), children: t('admQuestionSSituationS', { n: g.questions.length, n1: g.situations.length }) },
        { key: 'm', label: t('admMaterials'), children: t('admKindSCanBe', { n: g.materials.length, exemptable }) },
        { key: 'time', label: t('admTimeLimit'), children: t('admCommittedStatutory', { p0: days(g.timeLimit.promisedWorkingDays), p1: days(g.timeLimit.legalWorkingDays) }) },
        { key: 'trips', label: t('admTrips'), children: t('admAtMost', { trips: g.trips }) },
        { key: 'batch', label: t('admBatch'), children: g.batch },
      ]} />

      <Section title={t('admProcess')} level={4}>
        <ol className="flow" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('admProcess')}>
          {g.process.stages.map((s, i) => (
            <li key={i} className="flow-stage">
              <h5>{t('admStepN', { n: i + 1 })}{s.length > 1 ? t('admInParallel') : ''}</h5>
              <ul>{s.map((x) => <li key={x}>{name(x)}{critical.has(x) && <Tag color="red" style={{ marginInlineStart: 4 }}>{t('admCriticalPath')}</Tag>}</li>)}</ul>
            </li>
          ))}
        </ol>
      </Section>

      <Section title={t('admItems2', { n: g.items.length })} level={4}>
        <Table size="small" rowKey="id" pagination={false} dataSource={g.items} scroll={{ x: 720 }} columns={[
          { title: t('admItems'), dataIndex: 'name' },
          { title: t('admDepartment'), dataIndex: 'department' },
          { title: t('admCondition'), key: 'when', render: (_: unknown, i) => (i.required ? <Tag color="red">{t('admRequired')}</Tag> : <><Tag>{t('admBySituation')}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.when ?? t('admApplicantSChoice')}</Typography.Text></>) },
          { title: t('admPrecedingItems'), key: 'after', render: (_: unknown, i) => i.after.map(name).join(t('admSep3')) || '—' },
          { title: t('admCommittedStatutoryTimeLimit'), key: 'tl', render: (_: unknown, i) => `${days(i.timeLimit.promised)} / ${days(i.timeLimit.legal)}` },
        ]} />
      </Section>

      <div className="chart-grid">
        <Section title={t('admGuidingQuestions', { n: g.questions.length })} level={4}>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {g.questions.map((x) => <li key={x.id} style={{ marginBottom: 6 }}>{x.text}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{x.options.map((o) => o.label).join(' / ')}</Typography.Text></div></li>)}
          </ol>
        </Section>
        <Section title={t('admSituations', { n: g.situations.length })} level={4}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {g.situations.map((s) => <li key={s.id} style={{ marginBottom: 6 }}><Tag color={s.eligible ? 'green' : 'red'}>{s.eligible ? t('admCanBeHandledTogether') : t('admCannotBeHandledTogether')}</Tag><span lang="zh-CN">{s.name}</span></li>)}
          </ul>
        </Section>
      </div>

      <Section title={t('admMaterials2', { n: g.materials.length })} level={4}>
        <Table size="small" rowKey="id" pagination={false} dataSource={g.materials} scroll={{ x: 640 }} columns={[
          { title: t('admMaterials'), dataIndex: 'name', render: (v: string, m) => <>{v}{m.deferrable && <Tag color="gold" style={{ marginInlineStart: 4 }}>{t('admDeferrable')}</Tag>}</> },
          { title: t('admUsedByItems'), key: 'items', render: (_: unknown, m) => m.items.map(name).join(t('admSep3')) },
          { title: t('admExemptionBy'), key: 'ex', render: (_: unknown, m) => (m.exemptions.length === 0 ? <Typography.Text type="secondary">{t('admMustBeSubmitted')}</Typography.Text> : m.exemptions.map((e) => <div key={e.evidence}>{e.evidence}</div>)) },
        ]} />
      </Section>
    </div>
  );
}

interface ItemDetail { item: { conditions: string[]; channels: string[]; trips: number; materials: { id: string; name: string }[]; result: { name: string }; legalBasis: string[]; fees: { free: boolean; note?: string } } }

function ItemMore({ code }: { code: string }) {
  const { t } = usePrefs();
  const q = useLoad(() => get<ItemDetail>(`/api/public/items/${encodeURIComponent(code)}`), [code]);
  if (q.error) return <Alert type="error" title={q.error.message} />;
  if (!q.data) return <Spin size="small" />;
  const i = q.data.item;
  return (
    <Descriptions size="small" column={1} items={[
      { key: 'c', label: t('admAcceptanceConditions'), children: <ul style={{ margin: 0, paddingInlineStart: 18 }}>{i.conditions.map((c) => <li key={c}>{c}</li>)}</ul> },
      { key: 'm', label: t('admMaterials'), children: i.materials.map((m) => m.name).join(t('admSep6')) || t('admNone') },
      { key: 'r', label: t('admResult'), children: i.result.name },
      { key: 'ch', label: t('admChannels'), children: t('admChannelsTrips', { channels: i.channels.map((c) => named(t, CHANNEL, c)).join(t('admSep3')), trips: i.trips }) },
      { key: 'f', label: t('admFees'), children: i.fees.free ? <>{t('admFreeOfCharge', { p0: '' })}{i.fees.note ? <span lang="zh-CN">{t('admFreeNote', { note: i.fees.note })}</span> : ''}</> : i.fees.note ? <span lang="zh-CN">{i.fees.note}</span> : t('admFees') },
      { key: 'l', label: t('admLegalBasis'), children: i.legalBasis.join(t('admSep6')) },
    ]} />
  );
}

type ExpandIconProps = Parameters<NonNullable<NonNullable<TableProps<ItemSummary>['expandable']>['expandIcon']>>[0];

/**
 * Ant Design's expand button (its classes, so it looks the same), named after its item: otherwise
 * every row's button is only “展开行”, and a screen reader cannot tell one from another.
 */
function ItemExpand({ prefixCls, expanded, record, onExpand }: ExpandIconProps) {
  const { t } = usePrefs();
  const cls = `${prefixCls}-row-expand-icon`;
  return (
    <button type="button" className={`${cls} ${cls}-${expanded ? 'expanded' : 'collapsed'}`} aria-expanded={expanded}
      aria-label={t(expanded ? 'admCollapseItem' : 'admExpandItem', { name: record.name, code: record.code })} onClick={(e) => { onExpand(record, e); e.stopPropagation(); }} />
  );
}

function Items() {
  const { t } = usePrefs();
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
  const needle = text.trim().toLowerCase();
  const rows = all.filter((i) => (!dept || i.department.code === dept) && (!needle || i.name.toLowerCase().includes(needle) || i.code.includes(needle)));
  if (q.error) return <LoadError error={q.error} retry={q.reload} />;
  const matters = (code: string) => (usedBy.get(code) ?? []).map((m) => <Tag key={m.id}><Link to={`/admin/catalogue/matters/${m.id}`}><span lang="zh-CN">{m.name}</span></Link></Tag>);
  return (
    <>
      <div className="admin-row">
        <label htmlFor="item-search">{t('admFind')}</label>
        <Input id="item-search" allowClear value={text} onChange={(e) => setText(e.target.value)} placeholder={t('admItemNameOrCode')} style={{ width: 240 }} />
        <label htmlFor="item-dept">{t('admDepartment')}</label>
        <Select id="item-dept" value={dept} onChange={setDept} style={{ width: 240 }} options={[{ value: '', label: t('admAllDepartments') }, ...departments.map(([code, name]) => ({ value: code, label: name }))]} />
        <Typography.Text type="secondary" role="status">{rows.length} / {all.length} {t('admItemS')}</Typography.Text>
      </div>
      {narrow ? (
        <List loading={q.loading} dataSource={rows} locale={{ emptyText: <Empty description={t('admNoItemMatches')} /> }} renderItem={(i) => (
          <List.Item>
            <div>
              <strong><span lang="zh-CN">{i.name}</span></strong>
              <div className="mono">{i.code}</div>
              <div><span lang="zh-CN">{i.department.name}</span> · {named(t, ITEM_KIND, i.kind)} {t('admCommitted')} {days(i.timeLimit.promised)}</div>
              <div>{matters(i.code)}</div>
            </div>
          </List.Item>
        )} />
      ) : (
        <Table<ItemSummary> rowKey="code" size="small" loading={q.loading} dataSource={rows} pagination={{ pageSize: 20, showSizeChanger: false, itemRender: pagerItem }}
          expandable={{ expandedRowRender: (i) => <ItemMore code={i.code} />, expandRowByClick: false, expandIcon: ItemExpand }}
          columns={[
            { title: t('admItems'), dataIndex: 'name', render: (v: string, i) => <><span lang="zh-CN">{v}</span><div className="mono" style={{ color: '#595959' }}>{i.code}</div></> },
            { title: t('admDepartment'), key: 'd', render: (_: unknown, i) => <span lang="zh-CN">{i.department.name}</span> },
            { title: t('admType'), dataIndex: 'kind', render: (k: string) => named(t, ITEM_KIND, k) },
            { title: t('admCommittedStatutoryTimeLimit'), key: 'tl', render: (_: unknown, i) => `${days(i.timeLimit.promised)} / ${days(i.timeLimit.legal)}` },
            { title: t('admInMatters'), key: 'm', render: (_: unknown, i) => matters(i.code) },
          ]} />
      )}
    </>
  );
}
