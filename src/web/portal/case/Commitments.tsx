/**
 * 告知承诺 in the portal: while drafting, the applicant may promise a material instead of providing
 * it and signs with their name; after acceptance, a promise to supply the material later shows its
 * deadline, an upload and 已补交.
 */
import { Alert, Button, Card, Checkbox, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Commitment } from '../../../contracts/index.ts';
import { get, post, put } from '../../shared/api.ts';
import { MUTED } from '../../shared/form/muted.ts';
import { useAction } from '../../shared/useAction.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { MaterialUpload } from './MaterialUpload.tsx';
import { type CaseView } from './types.ts';
import { minuteText, plainDay } from '../../shared/dates.ts';
import { Zh } from '../../shared/fillNodes.tsx';
import { usePrefs } from '../../shared/prefs.tsx';

const offerOf = (m: NonNullable<CaseView['plan']>['materials'][number]) => (m.exemption?.kind === 'commitment' ? m.exemption : m.alternatives.find((a) => a.kind === 'commitment'));

/** The choice while drafting: which materials to promise, the promise's words, the signature. */
export function CommitmentChoice({ view, onSigned }: { view: CaseView; onSigned(): void }) {
  const { t } = usePrefs();
  const offered = (view.plan?.materials ?? []).filter((m) => offerOf(m));
  const chosenNow = offered.filter((m) => m.exemption?.kind === 'commitment').map((m) => m.id);
  const [chosen, setChosen] = useState<string[]>(chosenNow);
  const [name, setName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const { busy, error, setError, run } = useAction();
  if (offered.length === 0 || view.status !== 'draft') return null;
  const sign = async () => {
    if (chosen.length > 0 && name.trim() === '') return setError(t('cm_signName'));
    if (!agreed) return setError(t('cm_tick'));
    if (await run(() => put(`/api/cases/${view.id}/commitments`, { materials: chosen, signerName: name.trim() || view.applicant.name, declaration: true }))) onSigned();
  };
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('cm_title')}</h3>}>
      <Typography.Paragraph>{t('cm_lead')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {offered.map((m) => {
          const o = offerOf(m);
          return (
            <div key={m.id}>
              <Checkbox checked={chosen.includes(m.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, m.id] : chosen.filter((x) => x !== m.id))}>
                {t('cm_instead')}<Zh>「{m.name}」</Zh>{m.exemption?.kind === 'commitment' && <Tag color="blue" style={{ marginInlineStart: 8 }}>{t('cm_done')}</Tag>}
              </Checkbox>
              <Typography.Paragraph style={{ ...MUTED, margin: '4px 0 0 24px' }}>
                {t('cm_content')}<Zh>{o?.evidence}</Zh>{o?.supplyWithinDays ? t('cm_within', { n: o.supplyWithinDays }) : ''}
              </Typography.Paragraph>
            </div>
          );
        })}
        <div>
          <label htmlFor={`commitment-signer-${view.id}`} style={{ display: 'block', marginBottom: 4 }}>{t('cm_signer')}</label>
          <Input id={`commitment-signer-${view.id}`} value={name} onChange={(e) => setName(e.target.value)} maxLength={50} style={{ maxWidth: 240 }} autoComplete="name" />
        </div>
        <Checkbox checked={agreed} onChange={(e) => setAgreed(e.target.checked)}>{t('cm_declare')}</Checkbox>
        {error && <Alert type="error" showIcon title={error} />}
        <Button type="primary" loading={busy} onClick={() => void sign()}>{chosen.length > 0 ? t('cm_sign') : t('cm_none')}</Button>
      </Space>
    </Card>
  );
}

/** After acceptance: the promises, their deadlines, and supplying a promised material. */
export function CommitmentsFollowed({ view, onChange }: { view: CaseView; onChange(): void }) {
  const { t, lang } = usePrefs();
  const list = useLoad(() => get<{ commitments: Commitment[] }>(`/api/cases/${view.id}/commitments`), [view.id]);
  const { busy, error, run } = useAction();
  const rows = list.data?.commitments ?? [];
  if (view.status === 'draft' || rows.length === 0) return null;
  const material = (id: string) => view.materials.find((m) => m.id === id);
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('cm_followTitle')}</h3>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {rows.map((c) => (
          <div key={c.material}>
            <div><Zh>「{c.materialName}」</Zh><Tag color={c.status === 'breached' ? 'red' : c.status === 'fulfilled' ? 'green' : 'blue'}>{t(`cmSt_${c.status}`)}</Tag></div>
            <Typography.Text style={MUTED}><Zh>{c.signerName}</Zh>{t('cm_signedAt', { at: minuteText(c.signedAt, lang) })}<Zh>{c.channelName}</Zh>{c.deadline ? t('cm_deadline', { day: plainDay(c.deadline, lang) }) : ''}</Typography.Text>
            {c.status === 'signed' && c.supplyWithinDays !== null && material(c.material) && (
              <div style={{ marginTop: 8 }}>
                <MaterialUpload caseId={view.id} material={material(c.material) as CaseView['materials'][number]} planned={view.plan?.materials.find((m) => m.id === c.material)} onUploaded={() => list.reload()} />
                <Button style={{ marginTop: 8 }} loading={busy} onClick={async () => { if (await run(() => post(`/api/cases/${view.id}/commitments/${encodeURIComponent(c.material)}/supplied`))) { list.reload(); onChange(); } }}>{t('cm_supplied')}</Button>
              </div>
            )}
          </div>
        ))}
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Card>
  );
}
