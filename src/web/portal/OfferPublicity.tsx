/** 免申即享公示 (issue 14): the lists in public notice, names masked, and an 异议 anyone may raise. */
import { Alert, Button, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Publicity, PublicityEntry } from '../../contracts/offers.ts';
import { get, post } from '../shared/api.ts';
import { dayText } from '../shared/dates.ts';
import { usePrefs } from '../shared/prefs.tsx';
import { useAction, useToastAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { usePageTitle } from '../shared/usePageTitle.ts';

export default function OfferPublicity() {
  const { t, lang } = usePrefs();
  usePageTitle(t('offers_publicityTitle'));
  const { data, error, loading, reload } = useLoad(() => get<Publicity>('/api/public/offers'), []);
  const [target, setTarget] = useState<PublicityEntry | null>(null);
  const [text, setText] = useState('');
  const send = useAction();
  const toast = useToastAction();
  const submit = async () => {
    if (!target) return;
    if ([...text.trim()].length < 5) return send.setError(t('offers_objectText'));
    const ok = await send.run(() => post(`/api/public/offers/${target.id}/objections`, { text: text.trim() }));
    if (ok) {
      setTarget(null);
      setText('');
      toast.msg.success(t('offers_objectSent'));
      await reload();
    }
  };
  return (
    <>
      {toast.holder}
      <Typography.Title level={1}>{t('offers_publicityTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('offers_publicityIntro')}</Typography.Paragraph>
      {error && <Alert type="error" title={error.message} />}
      <Table<PublicityEntry>
        rowKey="id" loading={loading} dataSource={data?.entries ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: true }}
        locale={{ emptyText: t('offers_publicityEmpty') }}
        columns={[
          { title: t('offers_colPolicy'), key: 'policy', render: (_, e) => <span lang="zh-CN">{e.policyName}</span> },
          { title: t('offers_colName'), key: 'name', render: (_, e) => <span lang="zh-CN">{e.name}</span> },
          { title: t('offers_colDepartment'), key: 'department', render: (_, e) => <span lang="zh-CN">{e.departmentName}</span> },
          { title: t('offers_colPeriod'), key: 'period', render: (_, e) => `${dayText(e.publicityFrom, lang)} – ${dayText(e.publicityUntil, lang)}` },
          { title: t('offers_colObjectionUntil'), key: 'until', render: (_, e) => dayText(e.objectionUntil, lang) },
          {
            title: t('offers_colActions'), key: 'actions',
            render: (_, e) => (e.objectionOpen ? <Button size="small" onClick={() => { setTarget(e); send.setError(null); }}>{t('offers_object')}</Button> : <Typography.Text type="secondary">{t('offers_objectionClosed')}</Typography.Text>),
          },
        ]}
      />
      <Modal open={target !== null} title={target ? t('offers_objectTitle', { name: target.name }) : ''} okText={t('offers_submit')} cancelText={t('offers_cancel')}
        confirmLoading={send.busy} onOk={() => void submit()} onCancel={() => setTarget(null)} destroyOnHidden>
        <Input.TextArea aria-label={t('offers_objectText')} placeholder={t('offers_objectText')} rows={4} maxLength={1000} value={text} onChange={(ev) => { setText(ev.target.value); send.setError(null); }} />
        {send.error && <Alert style={{ marginTop: 8 }} type="error" title={send.error} />}
      </Modal>
    </>
  );
}
