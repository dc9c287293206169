/**
 * 收费 on screen: an item's charges in a guide, and a case's payment orders for the applicant
 * (待缴费 with 去缴费, the receipt, a refund) and for the window (收款 and 退费 recorded).
 */
import { Alert, Button, Card, Modal, Space, Table, Tag, Typography } from 'antd';
import type { CaseFees, FeeOrder } from '../../contracts/fees.ts';
import { get, post } from './api.ts';
import { minuteText } from './dates.ts';
import { MUTED } from './form/muted.ts';
import { usePrefs } from './prefs.tsx';
import { useAction } from './useAction.ts';
import { useLoad } from './useLoad.ts';

type T = ReturnType<typeof usePrefs>['t'];
export const money = (t: T, fen: number): string => t('fee_yuan', { amount: (fen / 100).toFixed(2) });

interface CatalogueCharge { name: string; amount: number; basis: string; exemptions?: { who: string }[]; reductions?: { name: string; percent?: number; amount?: number }[] }
export interface CatalogueFees { free: boolean; note?: string; charges?: CatalogueCharge[] }

/** One guide item's fees: 不收费, or each charge with its standard, who is exempt and the reductions. */
export function GuideFees({ fees }: { fees: CatalogueFees }) {
  const { t } = usePrefs();
  if (fees.free) return <>{t('guide_free')}</>;
  if (!fees.charges?.length) return <>{t('fee_see_note')}{fees.note && <Typography.Text lang="zh-CN" style={MUTED}>（{fees.note}）</Typography.Text>}</>;
  return (
    <Space orientation="vertical" size={2}>
      {fees.charges.map((c) => (
        <span key={c.name}>
          <span lang="zh-CN">{c.name}</span> {money(t, c.amount)}
          {(c.exemptions ?? []).map((e) => <Typography.Text key={e.who} style={{ ...MUTED, display: 'block' }}>{t('fee_exempt', { who: '' })}<span lang="zh-CN">{e.who}</span></Typography.Text>)}
          {(c.reductions ?? []).map((r) => <Typography.Text key={r.name} style={{ ...MUTED, display: 'block' }}><span lang="zh-CN">{r.name}</span></Typography.Text>)}
        </span>
      ))}
    </Space>
  );
}

/** The guide's total of charges at their standard (what applies to a person is in their plan). */
export function guideFeeTotal(items: readonly { fees: CatalogueFees }[]): number {
  return items.reduce((sum, i) => sum + (i.fees.charges ?? []).reduce((s, c) => s + c.amount, 0), 0);
}

const STATUS_COLOR: Record<FeeOrder['status'], string> = { unpaid: 'orange', paid: 'green', cancelled: 'default', refunded: 'blue' };

/** A case's payment orders; `atWindow`: the clerk's buttons instead of the applicant's. Nothing when the case charges nothing. */
export function CaseFeesCard({ caseId, atWindow = false, onChange }: { caseId: string; atWindow?: boolean; onChange?(): void }) {
  const { t, lang } = usePrefs();
  const { data, reload } = useLoad(() => get<CaseFees>(`/api/cases/${caseId}/fees`), [caseId]);
  const { busy, error, run } = useAction();
  const [modal, holder] = Modal.useModal();
  if (!data || data.orders.length === 0) return atWindow && data ? <Typography.Text style={MUTED}>{t('fee_win_none')}</Typography.Text> : null;
  const act = async (url: string, body: unknown) => {
    if (await run(() => post(url, body))) {
      await reload();
      onChange?.();
    }
  };
  const pay = (o: FeeOrder) => (o.payUrl ? window.location.assign(o.payUrl) : modal.info({ title: t('fee_pay'), content: <span lang="zh-CN">{data.pay.text}</span> }));
  const columns = [
    { title: t('fee_reference'), dataIndex: 'reference', render: (r: string, o: FeeOrder) => <><span lang="zh-CN">{o.itemName}</span><br /><Typography.Text copyable style={MUTED}>{r}</Typography.Text></> },
    {
      title: t('fee_amount'), dataIndex: 'amount', render: (a: number, o: FeeOrder) => (
        <>
          {money(t, a)}
          {o.charges.map((c) => (
            <Typography.Text key={c.name} style={{ ...MUTED, display: 'block' }}>
              <span lang="zh-CN">{c.name}</span>{c.exempt && <> · {t('fee_exempt', { who: '' })}<span lang="zh-CN">{c.exempt}</span></>}
              {c.reductions.map((r) => <span key={r.name}> · <span lang="zh-CN">{r.name}</span> −{money(t, r.amount)}</span>)}
            </Typography.Text>
          ))}
        </>
      ),
    },
    {
      title: t('fee_status'), dataIndex: 'status', render: (s: FeeOrder['status'], o: FeeOrder) => (
        <>
          <Tag color={STATUS_COLOR[s]}>{t(`feeSt_${s}`)}</Tag>
          {o.paidAt && <Typography.Text style={{ ...MUTED, display: 'block' }}>{t('fee_paid_at')} {minuteText(o.paidAt, lang)}</Typography.Text>}
          {o.refund && <Typography.Text style={{ display: 'block' }}>{o.refund.status === 'pending' ? t('fee_refund_pending', { amount: money(t, o.refund.amount), reason: '' }) : t('fee_refund_done', { amount: money(t, o.refund.amount) })}{o.refund.status === 'pending' && <span lang="zh-CN">{o.refund.reason}</span>}</Typography.Text>}
        </>
      ),
    },
    {
      title: '', key: 'actions', render: (_: unknown, o: FeeOrder) => (
        <Space wrap>
          {o.status === 'unpaid' && !atWindow && <Button type="primary" onClick={() => pay(o)}>{t('fee_pay')}</Button>}
          {o.status === 'unpaid' && atWindow && (['cash', 'card'] as const).map((m) => (
            <Button key={m} loading={busy} onClick={() => act(`/api/window/fees/${o.reference}/received`, { method: m })}>{t(m === 'cash' ? 'fee_win_cash' : 'fee_win_card')}</Button>
          ))}
          {o.refund?.status === 'pending' && atWindow && <Button loading={busy} onClick={() => act(`/api/window/fee-refunds/${o.refund?.id}/refunded`, { method: 'cash' })}>{t('fee_win_refund')}</Button>}
          {o.paidAt && <Button href={`/api/cases/${caseId}/fees/${o.reference}/receipt.pdf`} target="_blank" rel="noopener noreferrer">{t('fee_receipt')}</Button>}
        </Space>
      ),
    },
  ];
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t(atWindow ? 'fee_win_title' : 'fee_title')}</h3>}>
      {holder}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {data.due > 0 && <Alert type="warning" showIcon title={t('fee_due', { amount: money(t, data.due) })} description={<>{t('fee_waiting')} <span lang="zh-CN">{data.pay.text}</span></>} />}
        {error && <Alert type="error" showIcon title={error} />}
        <Table rowKey="reference" size="small" pagination={false} columns={columns} dataSource={data.orders} scroll={{ x: true }} />
      </Space>
    </Card>
  );
}
