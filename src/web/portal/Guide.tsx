/** A key matter's guide with every element of clause 5.3.1, from the same published data as every channel. */
import { Alert, Card, Collapse, Descriptions, List, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import type { ExemptionKind } from '../../core/catalog/types.ts';
import { EXEMPTION_TEXT, guideTimeLimitText, joinClauses, joinSentences, workingDaysText } from '../../core/planning/labels.ts';
import { get } from '../shared/api.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import { ScrollRegion } from '../shared/ScrollRegion.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { FlowDiagram } from './FlowDiagram.tsx';
import { ItemCards, MaterialCards } from './guide/GuideCards.tsx';
import { rememberMatter } from './home/recent.ts';
import { usePhone } from '../shared/phone/usePhone.ts';
import '../shared/phone/phone.css';
import { usePageTitle } from '../shared/usePageTitle.ts';

interface Dept { code: string; name: string; window?: { name: string; address: string; phone: string; hours: string } }
interface GuideData {
  id: string; name: string; summary: string; applicants: string; batch: string; lifeStage: { name: string };
  lead: Dept; partners: Dept[];
  legalBasis: { policy: string[]; items: { item: string; basis: string[] }[] };
  items: { id: string; name: string; department: string; required: boolean; reason: string; conditions: string[]; timeLimit: { promised: number; legal: number }; periods: { name: string; days: number }[]; fees: { free: boolean; note?: string } }[];
  situations: { id: string; name: string; eligible: boolean; condition: string; advice: string | null }[];
  process: { stages: string[][] };
  timeLimit: { promisedWorkingDays: number; legalWorkingDays: number; calendarDays: number; note: string | null };
  materials: { id: string; name: string; copies: number; form: string; when: string[]; exemptions: { kind: ExemptionKind; evidence: string }[]; deferrable: boolean }[];
  channels: { kind: string; name: string; address?: string }[];
  hours: string; contacts: { name: string; phone: string }[]; windows: Dept[]; faq: { q: string; a: string }[];
}

const FORM = { original: '原件', copy: '复印件', 'original-and-copy': '原件及复印件' } as Record<string, string>;

export default function Guide() {
  const { id = '' } = useParams();
  const { t, elder } = usePrefs();
  const { data, error, loading } = useLoad(() => get<{ guide: GuideData }>(`/api/public/matters/${encodeURIComponent(id)}`), [id]);
  usePageTitle(data ? `${data.guide.name}办事指南` : '办事指南');
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
        <Typography.Title id="guide-title" tabIndex={-1} level={1}>{g.name}</Typography.Title>
        <Typography.Paragraph>{g.summary}</Typography.Paragraph>
        <Space wrap>
          {/* On a phone 在线办理 stays in reach at the foot of the screen (see the end of the page) instead. */}
          {!phone && <LinkButton to={`/matters/${g.id}/apply`} type="primary" size="large">{t('apply')}</LinkButton>}
          <LinkButton to={`/matters/${g.id}/apply?offline=1`} size="large">到窗口办理：生成个性化材料清单</LinkButton>
        </Space>
        <Card title={t('guide')}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={<span id="section-conditions" tabIndex={-1}>适用对象</span>}>{g.applicants}</Descriptions.Item>
            <Descriptions.Item label={t('lead')}>{g.lead.name}</Descriptions.Item>
            <Descriptions.Item label={t('partners')}>{g.partners.map((p) => p.name).join('、')}</Descriptions.Item>
            <Descriptions.Item label={<span id="section-time-limit" tabIndex={-1}>{t('timeLimit')}</span>}>{guideTimeLimitText(g.timeLimit)}</Descriptions.Item>
            <Descriptions.Item label={t('channels')}>{g.channels.map((c) => c.name).join('；')}</Descriptions.Item>
            <Descriptions.Item label={<span id="section-hours" tabIndex={-1}>{t('hours')}</span>}>{g.hours}</Descriptions.Item>
            <Descriptions.Item label={t('contacts')}>{g.contacts.map((c) => `${c.name} ${c.phone}`).join('；')}</Descriptions.Item>
            <Descriptions.Item label={<span id="section-windows" tabIndex={-1}>{t('windows')}</span>}>{g.windows.map((w) => `${w.window?.name ?? w.name}（${w.window?.address ?? ''}，${w.window?.phone ?? ''}）`).join('；')}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card id="section-process" tabIndex={-1} title={t('process')}><FlowDiagram stages={g.process.stages} names={names} days={days} /></Card>
        <Card id="section-items" tabIndex={-1} title={t('items')}>
          {phone ? <ItemCards items={g.items} elder={elder} /> : (
          <ScrollRegion label={t('items')}>
            <Table rowKey="id" size="small" pagination={false} dataSource={g.items} columns={[
              { title: '事项', dataIndex: 'name', render: (v: string, r) => <>{v} {r.required ? <Tag color="red">必办</Tag> : <Tag>可选</Tag>}</> },
              { title: '部门', dataIndex: 'department' },
              { title: '办理条件', dataIndex: 'conditions', render: (c: string[]) => joinClauses(c) },
              { title: '承诺时限', dataIndex: ['timeLimit', 'promised'], render: workingDaysText },
              // 长辈模式: fewer words, the columns an elder needs to act on.
              ...(elder ? [] : [
                { title: '法定时限', dataIndex: ['timeLimit', 'legal'], render: workingDaysText },
                { title: '公示、公告（自然日）', dataIndex: 'periods', render: (ps: { name: string; days: number }[]) => (ps.length ? ps.map((p) => `${p.name} ${p.days} 天`).join('；') : '—') },
                { title: '收费', dataIndex: ['fees', 'free'], render: (free: boolean) => (free ? '不收费' : '收费') },
              ]),
            ]} />
          </ScrollRegion>
          )}
        </Card>
        <Card title={t('situations')}>
          <List dataSource={g.situations} renderItem={(s) => (
            <List.Item><List.Item.Meta title={<>{s.name} {s.eligible ? <Tag color="green">可联办</Tag> : <Tag>不可联办</Tag>}</>} description={joinSentences([s.condition, s.eligible ? null : s.advice])} /></List.Item>
          )} />
        </Card>
        <Card id="section-materials" tabIndex={-1} title={t('materials')}>
          {phone ? <MaterialCards materials={g.materials} /> : (
          <ScrollRegion label={t('materials')}>
            <Table rowKey="id" size="small" pagination={false} dataSource={g.materials} columns={[
              { title: '材料', dataIndex: 'name' },
              { title: '份数/形式', render: (_: unknown, m) => `${m.copies} 份 ${FORM[m.form] ?? m.form}` },
              { title: '何时需要', dataIndex: 'when', render: (w: string[]) => joinClauses(w) },
              { title: '可免提交', dataIndex: 'exemptions', render: (e: GuideData['materials'][number]['exemptions']) => e.map((x) => <Tag key={x.kind + x.evidence} color="blue">{EXEMPTION_TEXT[x.kind]}：{x.evidence}</Tag>) },
              { title: '容缺', dataIndex: 'deferrable', render: (d: boolean) => (d ? '可容缺后补' : '') },
            ]} />
          </ScrollRegion>
          )}
        </Card>
        <div id="section-faq" tabIndex={-1}>
          <Collapse defaultActiveKey={hash === '#section-faq' ? ['faq'] : undefined} items={[
            ...(elder ? [] : [{ key: 'basis', label: t('legalBasis'), children: <ul>{[...g.legalBasis.policy, ...new Set(g.legalBasis.items.flatMap((i) => i.basis))].map((b) => <li key={b}>{b}</li>)}</ul> }]),
            ...(g.faq.length ? [{ key: 'faq', label: t('faq'), children: <dl>{g.faq.map((f) => <div key={f.q}><dt><b>{f.q}</b></dt><dd>{f.a}</dd></div>)}</dl> }] : []),
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
