/** 免申即享 in the workbench (issue 14): figures per policy, the run, 异议 to look into and the 二次确认 queue. */
import { Alert, Button, Card, Checkbox, Input, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DepartmentOffer, DepartmentOffers, OfferObjection, OfferRun, PolicyFigures } from '../../contracts/offers.ts';
import { get, post } from '../shared/api.ts';
import { dayText } from '../shared/dates.ts';
import type { MessageKey } from '../shared/messages/index.ts';
import { usePrefs } from '../shared/prefs.tsx';
import { useAction, useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { offerStatusKey } from '../portal/home/Offers.tsx';

const FIGURES = ['eligible', 'offered', 'confirmed', 'declined', 'inPublicity', 'awaitingDecision', 'objected', 'granted', 'refused', 'objections'] as const;

/** A note asked for in a dialog: the refusal's reason, or the findings on an objection. */
type Asking = { kind: 'refuse'; offer: DepartmentOffer } | { kind: 'resolve'; objection: OfferObjection; upheld: boolean };

export function OffersPage() {
  const { t, lang } = usePrefs();
  const [awaiting, setAwaiting] = useState(false);
  const { data, error, loading, reload } = useLoad(() => get<DepartmentOffers>(`/api/department/offers${awaiting ? '?awaiting=true' : ''}`), [awaiting]);
  const toast = useToastAction<string>();
  const dialog = useAction();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [note, setNote] = useState('');

  const grant = async (o: DepartmentOffer) => {
    if (await toast.run(`grant:${o.id}`, () => post(`/api/department/offers/${o.id}/decision`, { grant: true }), t('offers_wbGranted'))) await reload();
  };
  const run = async () => {
    if (await toast.run('run', () => post<OfferRun>('/api/department/offers/run', {}), (r) => t('offers_wbRan', { n: r.created }))) await reload();
  };
  const submit = async () => {
    if (!asking) return;
    if ([...note.trim()].length < 5) return dialog.setError(t(asking.kind === 'refuse' ? 'offers_wbReason' : 'offers_wbResolveNote'));
    const ok = await dialog.run(() => (asking.kind === 'refuse'
      ? post(`/api/department/offers/${asking.offer.id}/decision`, { grant: false, note: note.trim() })
      : post(`/api/department/offer-objections/${asking.objection.id}/resolve`, { upheld: asking.upheld, note: note.trim() })));
    if (ok) {
      toast.msg.success(t(asking.kind === 'refuse' ? 'offers_wbRefused' : 'offers_wbResolved'));
      setAsking(null);
      setNote('');
      await reload();
    }
  };
  const ask = (a: Asking) => { setAsking(a); setNote(''); dialog.setError(null); };

  return (
    <>
      {toast.holder}
      <Space style={{ marginBottom: 12 }} wrap>
        <Button onClick={() => void run()} loading={toast.busy === 'run'}>{t('offers_wbRun')}</Button>
      </Space>
      {error && <Alert type="error" title={error.message} />}
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offers_wbFigures')}</h2>} style={{ marginBottom: 16 }}>
        <Table<PolicyFigures> rowKey="policyId" size="small" pagination={false} loading={loading} dataSource={data?.figures ?? []} scroll={{ x: true }}
          columns={[
            { title: t('offers_colPolicy'), key: 'policy', render: (_, f) => <span lang="zh-CN">{f.policyName}</span> },
            ...FIGURES.map((k) => ({ title: t(`offers_fig_${k}` as MessageKey), key: k, dataIndex: k })),
          ]} />
      </Card>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offers_wbQueue')}</h2>}
        extra={<Checkbox checked={awaiting} onChange={(e) => setAwaiting(e.target.checked)}>{t('offers_wbAwaitingOnly')}</Checkbox>}>
        <List<DepartmentOffer> loading={loading} dataSource={data?.offers ?? []} locale={{ emptyText: t('offers_wbEmpty') }}
          renderItem={(o) => (
            <List.Item data-offer={o.policyId}
              actions={o.awaitingDecision ? [
                <Button key="grant" type="primary" loading={toast.busy === `grant:${o.id}`} onClick={() => void grant(o)}>{t('offers_wbGrant')}</Button>,
                <Button key="refuse" danger onClick={() => ask({ kind: 'refuse', offer: o })}>{t('offers_wbRefuse')}</Button>,
              ] : []}>
              <List.Item.Meta
                title={<Space wrap><span lang="zh-CN">{o.policyName}</span><span lang="zh-CN">{o.subjectName}</span>
                  <Tag>{t(offerStatusKey(o.status))}</Tag>{o.awaitingDecision && <Tag color="gold">{t('offers_wbAwaiting')}</Tag>}</Space>}
                description={(
                  <>
                    <Typography.Text type="secondary">{t('offers_wbFoundOn', { day: dayText(o.foundOn, lang) })}</Typography.Text>
                    {o.publicityUntil && <Typography.Text type="secondary">{lang === 'zh' ? '；' : '; '}{t('offers_publicityUntil', { day: dayText(o.publicityUntil, lang) })}</Typography.Text>}
                    <ul style={{ margin: '4px 0' }}>{o.reasons.map((r) => <li key={r} lang="zh-CN">{r}</li>)}</ul>
                    {o.objections.length > 0 && (
                      <div>
                        <Typography.Text strong>{t('offers_wbObjections')}</Typography.Text>
                        {o.objections.map((x) => (
                          <div key={x.id} style={{ marginTop: 4 }}>
                            <span lang="zh-CN">{x.text}</span>{' '}
                            {x.status === 'open' ? (
                              <Space size="small">
                                <Button size="small" onClick={() => ask({ kind: 'resolve', objection: x, upheld: true })}>{t('offers_wbUphold')}</Button>
                                <Button size="small" onClick={() => ask({ kind: 'resolve', objection: x, upheld: false })}>{t('offers_wbDismiss')}</Button>
                              </Space>
                            ) : <Tag>{t(x.status === 'upheld' ? 'offers_wbUphold' : 'offers_wbDismiss')}</Tag>}
                            {x.resolution && <span lang="zh-CN">{x.resolution}</span>}
                          </div>
                        ))}
                      </div>
                    )}
                  </>
                )} />
            </List.Item>
          )} />
      </Card>
      <Modal open={asking !== null} title={t(asking?.kind === 'refuse' ? 'offers_wbRefuseTitle' : 'offers_wbResolveTitle')} okText={t('offers_submit')} cancelText={t('offers_cancel')}
        confirmLoading={dialog.busy} onOk={() => void submit()} onCancel={() => setAsking(null)} destroyOnHidden>
        <Input.TextArea aria-label={t(asking?.kind === 'refuse' ? 'offers_wbReason' : 'offers_wbResolveNote')} placeholder={t(asking?.kind === 'refuse' ? 'offers_wbReason' : 'offers_wbResolveNote')}
          rows={3} maxLength={1000} value={note} onChange={(e) => { setNote(e.target.value); dialog.setError(null); }} />
        {dialog.error && <Alert style={{ marginTop: 8 }} type="error" title={dialog.error} />}
      </Modal>
    </>
  );
}
