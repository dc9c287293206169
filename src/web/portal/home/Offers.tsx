/** 为您推荐的政策 / 免申即享 (issue 14): offers found for the applicant from shared data, with 一键确认. */
import { Button, Card, Collapse, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Offer, Offers } from '../../../contracts/offers.ts';
import { get, post } from '../../shared/api.ts';
import { dayText } from '../../shared/dates.ts';
import type { MessageKey } from '../../shared/messages/index.ts';
import { usePrefs } from '../../shared/prefs.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { useToastAction } from '../../shared/useAction.ts';

const STATUS_COLOR: Record<Offer['status'], string> = { offered: 'gold', declined: 'default', publicity: 'blue', objected: 'orange', granted: 'green', refused: 'red' };

export const offerStatusKey = (status: Offer['status']) => `offers_status_${status}` as MessageKey;

function Entry({ o, onChange }: { o: Offer; onChange: () => Promise<void> }) {
  const { t, lang } = usePrefs();
  const action = useToastAction<string>();
  const act = async (what: 'confirm' | 'decline') => {
    const ok = await action.run(`${what}:${o.id}`, () => post<Offer>(`/api/me/offers/${o.id}/${what}`), (r) => (what === 'confirm' ? t('offers_confirmed', { day: dayText(r.publicityUntil, lang) }) : t('offers_declined')));
    if (ok) await onChange();
  };
  return (
    <List.Item
      data-offer={o.policyId}
      actions={o.status === 'offered' ? [
        <Button key="confirm" type="primary" loading={action.busy === `confirm:${o.id}`} onClick={() => void act('confirm')}>{t('offers_confirm')}</Button>,
        <Button key="decline" loading={action.busy === `decline:${o.id}`} onClick={() => void act('decline')}>{t('offers_decline')}</Button>,
      ] : []}
    >
      {action.holder}
      <List.Item.Meta
        title={<Space wrap><span lang="zh-CN">{o.policyName}</span><Tag color={STATUS_COLOR[o.status]}>{t(offerStatusKey(o.status))}</Tag><Tag>{o.mode === 'confirm' ? t('offers_modeConfirm') : t('offers_modeGrant')}</Tag></Space>}
        description={(
          <>
            <Typography.Paragraph style={{ margin: 0 }} lang="zh-CN">{o.benefit}</Typography.Paragraph>
            <Typography.Text type="secondary">{t('offers_department')}<span lang="zh-CN">{o.departmentName}</span></Typography.Text>
            {o.publicityUntil && (o.status === 'publicity' || o.status === 'objected') && <div><Typography.Text>{t('offers_publicityUntil', { day: dayText(o.publicityUntil, lang) })}</Typography.Text></div>}
            {o.status === 'refused' && o.decisionNote && <div><Typography.Text type="danger">{t('offers_refusedBecause')}<span lang="zh-CN">{o.decisionNote}</span></Typography.Text></div>}
            <Collapse ghost size="small" items={[{
              key: 'why', label: t('offers_whyEligible'),
              children: (
                <>
                  <ul style={{ margin: 0 }}>{o.reasons.map((r) => <li key={r} lang="zh-CN">{r}</li>)}</ul>
                  <Typography.Text type="secondary">{t('offers_basis')}<span lang="zh-CN">{o.legalBasis.join('；')}</span></Typography.Text>
                </>
              ),
            }]} />
          </>
        )}
      />
    </List.Item>
  );
}

/** On the applicant's home page; nothing when no policy has found them. */
export function OffersPanel() {
  const { t } = usePrefs();
  const { data, reload } = useLoad(() => get<Offers>('/api/me/offers'), []);
  if (!data || data.offers.length === 0) return null;
  return (
    <section aria-labelledby="offers-title">
      <Card size="small" style={{ marginBottom: 16 }} title={<h2 id="offers-title" style={{ margin: 0, fontSize: 'inherit' }}>{t('offers_title')}</h2>}
        extra={<Link to="/offers/publicity">{t('offers_publicityLink')}</Link>}>
        <Typography.Paragraph type="secondary">{t('offers_intro')}</Typography.Paragraph>
        <List dataSource={data.offers} renderItem={(o) => <Entry o={o} onChange={reload} />} />
      </Card>
    </section>
  );
}
