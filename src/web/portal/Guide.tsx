/** A key matter's guide with every element of clause 5.3.1, from the same published data as every channel. */
import { Alert, Card, Collapse, Descriptions, List, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import type { ExemptionKind } from '../../core/catalog/types.ts';
import { guideTimeLimitText, joinClauses, joinSentences } from '../../core/planning/labels.ts';
import { days as daysText, exemptionText, formText } from '../shared/planLabels.ts';
import { get } from '../shared/api.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import { ScrollRegion } from '../shared/ScrollRegion.tsx';
import { GuideFees, guideFeeTotal, money, type CatalogueFees } from '../shared/Fees.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { FlowDiagram } from './FlowDiagram.tsx';
import { ItemCards, MaterialCards } from './guide/GuideCards.tsx';
import { MaterialKindCell, type MaterialKind } from './guide/MaterialKind.tsx';
import { RegionHandling } from './guide/RegionHandling.tsx';
import { rememberMatter } from './home/recent.ts';
import { usePhone } from '../shared/phone/usePhone.ts';
import '../shared/phone/phone.css';
import { usePageTitle } from '../shared/usePageTitle.ts';

interface Dept { code: string; name: string; window?: { name: string; address: string; phone: string; hours: string } }
interface GuideData {
  id: string; name: string; summary: string; applicants: string; batch: string; lifeStage: { name: string };
  lead: Dept; partners: Dept[];
  legalBasis: { policy: string[]; items: { item: string; basis: string[] }[] };
  items: { id: string; name: string; department: string; required: boolean; reason: string; conditions: string[]; timeLimit: { promised: number; legal: number }; periods: { name: string; days: number }[]; fees: CatalogueFees }[];
  situations: { id: string; name: string; eligible: boolean; condition: string; advice: string | null }[];
  process: { stages: string[][] };
  timeLimit: { promisedWorkingDays: number; legalWorkingDays: number; calendarDays: number; note: string | null };
  materials: { id: string; name: string; copies: number; form: string; when: string[]; exemptions: { kind: ExemptionKind; evidence: string }[]; deferrable: boolean; kind: MaterialKind | null; sample: string | null; proof: { basis: string[]; issuer: string } | null }[];
  channels: { kind: string; name: string; address?: string }[];
  hours: string; contacts: { name: string; phone: string }[]; windows: Dept[]; faq: { q: string; a: string }[];
}

/** The guide's time limit in one sentence: the core's own words in Chinese, the same parts in English (the note is data). */
function TimeLimit({ limit }: { limit: GuideData['timeLimit'] }) {
  const { t, lang } = usePrefs();
  if (lang === 'zh') return <>{guideTimeLimitText(limit)}</>;
  const promised = limit.promisedWorkingDays === 0 ? t('guide_sameDay') : t('guide_promisedText', { days: daysText(limit.promisedWorkingDays) });
  const legal = limit.legalWorkingDays === 0 ? '' : t('guide_legalText', { days: daysText(limit.legalWorkingDays) });
  const notice = limit.calendarDays > 0 ? t('guide_noticeText', { n: limit.calendarDays }) : '';
  return <>{promised}{legal}{notice}{limit.note && <>{t('clauseSep')}<span lang="zh-CN">{limit.note}</span></>}</>;
}

export default function Guide() {
  const { id = '' } = useParams();
  const { t, elder, lang } = usePrefs();
  const { data, error, loading } = useLoad(() => get<{ guide: GuideData }>(`/api/public/matters/${encodeURIComponent(id)}`), [id]);
  // The title bar cannot mark the matter's (Chinese) name as such: in English it says only what the page is.
  usePageTitle(data && lang === 'zh' ? t('guide_pageTitle', { name: data.guide.name }) : t('guide'));
  const { hash } = useLocation();
  const phone = usePhone();
  useEffect(() => {
    if (data) rememberMatter(data.guide.id);
  }, [data]);
  // A link into a section (from 智能客服) arrives before the guide is loaded: scroll once it is there.
  useEffect(() => {
    const el = data && hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (el) {
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    }
  }, [data, hash]);
  if (error) return <Alert type="error" message={error.message} />;
  if (loading || !data) return <Spin tip={t('loading')} />;
  const g = data.guide;
  const names = Object.fromEntries(g.items.map((i) => [i.id, i.name]));
  const days = Object.fromEntries(g.items.map((i) => [i.id, i.timeLimit.promised]));
  return (
    <article aria-labelledby="guide-title">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title id="guide-title" tabIndex={-1} level={1} lang="zh-CN">{g.name}</Typography.Title>
        <Typography.Paragraph lang="zh-CN">{g.summary}</Typography.Paragraph>
        <Space wrap>
          {/* On a phone 在线办理 stays in reach at the foot of the screen (see the end of the page) instead. */}
          {!phone && <LinkButton to={`/matters/${g.id}/apply`} type="primary" size="large">{t('apply')}</LinkButton>}
          <LinkButton to={`/matters/${g.id}/apply?offline=1`} size="large">{t('guide_offline')}</LinkButton>
        </Space>
        <Card title={t('guide')}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={<span id="section-conditions" tabIndex={-1}>{t('guide_applicants')}</span>}><span lang="zh-CN">{g.applicants}</span></Descriptions.Item>
            <Descriptions.Item label={t('lead')}><span lang="zh-CN">{g.lead.name}</span></Descriptions.Item>
            <Descriptions.Item label={t('partners')}><span lang="zh-CN">{g.partners.map((p) => p.name).join('、')}</span></Descriptions.Item>
            <Descriptions.Item label={<span id="section-time-limit" tabIndex={-1}>{t('timeLimit')}</span>}><TimeLimit limit={g.timeLimit} /></Descriptions.Item>
            <Descriptions.Item label={t('channels')}><span lang="zh-CN">{g.channels.map((c) => c.name).join('；')}</span></Descriptions.Item>
            <Descriptions.Item label={<span id="section-hours" tabIndex={-1}>{t('hours')}</span>}><span lang="zh-CN">{g.hours}</span></Descriptions.Item>
            <Descriptions.Item label={t('contacts')}><span lang="zh-CN">{g.contacts.map((c) => `${c.name} ${c.phone}`).join('；')}</span></Descriptions.Item>
            <Descriptions.Item label={<span id="section-windows" tabIndex={-1}>{t('windows')}</span>}><span lang="zh-CN">{g.windows.map((w) => `${w.window?.name ?? w.name}（${w.window?.address ?? ''}，${w.window?.phone ?? ''}）`).join('；')}</span></Descriptions.Item>
          </Descriptions>
        </Card>
        <RegionHandling matterId={g.id} names={names} />
        <Card id="section-process" tabIndex={-1} title={t('process')}><FlowDiagram stages={g.process.stages} names={names} days={days} /></Card>
        <Card id="section-items" tabIndex={-1} title={t('items')}>
          {phone ? <ItemCards items={g.items} elder={elder} /> : (
          <ScrollRegion label={t('items')}>
            <Table rowKey="id" size="small" pagination={false} dataSource={g.items} columns={[
              { title: t('guide_item'), dataIndex: 'name', render: (v: string, r) => <><span lang="zh-CN">{v}</span> {r.required ? <Tag color="red">{t('guide_required')}</Tag> : <Tag>{t('guide_optional')}</Tag>}</> },
              { title: t('guide_department'), dataIndex: 'department', render: (v: string) => <span lang="zh-CN">{v}</span> },
              { title: t('guide_conditions'), dataIndex: 'conditions', render: (c: string[]) => <span lang="zh-CN">{joinClauses(c)}</span> },
              { title: t('guide_promised'), dataIndex: ['timeLimit', 'promised'], render: (n: number) => daysText(n) },
              // 长辈模式: fewer words, the columns an elder needs to act on.
              ...(elder ? [] : [
                { title: t('guide_legal'), dataIndex: ['timeLimit', 'legal'], render: (n: number) => daysText(n) },
                { title: t('guide_periods'), dataIndex: 'periods', render: (ps: { name: string; days: number }[]) => (ps.length ? ps.map((p, i) => <span key={p.name}>{i > 0 && t('clauseSep')}<span lang="zh-CN">{p.name}</span> {t('guide_periodDays', { days: p.days })}</span>) : '—') },
                { title: t('guide_fees'), dataIndex: 'fees', render: (f: CatalogueFees) => <GuideFees fees={f} /> },
              ]),
            ]} />
          </ScrollRegion>
          )}
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            {g.items.every((i) => i.fees.free) ? t('fee_all_free') : guideFeeTotal(g.items) > 0 ? t('fee_total', { amount: money(t, guideFeeTotal(g.items)) }) : t('fee_see_note')}
          </Typography.Paragraph>
        </Card>
        <Card title={t('situations')}>
          <List dataSource={g.situations} renderItem={(s) => (
            <List.Item><List.Item.Meta title={<><span lang="zh-CN">{s.name}</span> {s.eligible ? <Tag color="green">{t('guide_joint')}</Tag> : <Tag>{t('guide_notJoint')}</Tag>}</>} description={<span lang="zh-CN">{joinSentences([s.condition, s.eligible ? null : s.advice])}</span>} /></List.Item>
          )} />
        </Card>
        <Card id="section-materials" tabIndex={-1} title={t('materials')}>
          {phone ? <MaterialCards materials={g.materials} /> : (
          <ScrollRegion label={t('materials')}>
            <Table rowKey="id" size="small" pagination={false} dataSource={g.materials} columns={[
              { title: t('guide_material'), dataIndex: 'name', render: (v: string) => <span lang="zh-CN">{v}</span> },
              { title: t('regionMaterialKind'), render: (_: unknown, m) => <MaterialKindCell m={m} /> },
              { title: t('guide_copies'), render: (_: unknown, m) => t('guide_copiesN', { n: m.copies, form: formText(m.form) }) },
              { title: t('guide_when'), dataIndex: 'when', render: (w: string[]) => <span lang="zh-CN">{joinClauses(w)}</span> },
              { title: t('guide_exempt'), dataIndex: 'exemptions', render: (e: GuideData['materials'][number]['exemptions']) => e.map((x) => <Tag key={x.kind + x.evidence} color="blue">{exemptionText(x.kind)}{t('colon')}<span lang="zh-CN">{x.evidence}</span></Tag>) },
              { title: t('guide_deferrable'), dataIndex: 'deferrable', render: (d: boolean) => (d ? t('guide_deferrableYes') : '') },
            ]} />
          </ScrollRegion>
          )}
        </Card>
        <div id="section-faq" tabIndex={-1}>
          <Collapse defaultActiveKey={hash === '#section-faq' ? ['faq'] : undefined} items={[
            ...(elder ? [] : [{ key: 'basis', label: t('legalBasis'), children: <ul lang="zh-CN">{[...g.legalBasis.policy, ...new Set(g.legalBasis.items.flatMap((i) => i.basis))].map((b) => <li key={b}>{b}</li>)}</ul> }]),
            ...(g.faq.length ? [{ key: 'faq', label: t('faq'), children: <dl lang="zh-CN">{g.faq.map((f) => <div key={f.q}><dt><b>{f.q}</b></dt><dd>{f.a}</dd></div>)}</dl> }] : []),
          ]} />
        </div>
      </Space>
      {phone && (
        <div className="phone-action">
          <LinkButton to={`/matters/${g.id}/apply`} type="primary" size="large" block>{t('apply')}</LinkButton>
        </div>
      )}
    </article>
  );
}
