/**
 * My e-licenses (电子证照卡包): each as a card with whose it is (the child's, kept by the parent as
 * guardian; the enterprise's), who issued it, how long it is valid, its printed copy as a PDF, its
 * verification QR code, and 亮证 (a code valid for a few minutes, wallet/ShowLicense.tsx).
 */
import { Alert, Card, Col, Empty, Row, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { WalletLicense } from '../../contracts/results.ts';
import { shanghaiToday } from '../../shared/time/shanghai.ts';
import { get } from '../shared/api.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { RequireApplicant } from './case/RequireApplicant.tsx';
import { MUTED } from '../shared/form/muted.ts';
import { ShowLicense } from './wallet/ShowLicense.tsx';
import { usePageTitle } from '../shared/usePageTitle.ts';

const LABEL = { color: 'rgba(0,0,0,0.65)' } as const;
const VALUE = { margin: '0 0 8px' } as const;

function Holder({ l }: { l: WalletLicense }) {
  const number = l.holder.creditCode ? `统一社会信用代码 ${l.holder.creditCode}` : l.holder.idNumber ? `公民身份号码 ${l.holder.idNumber}` : null;
  return (
    <>
      {l.holder.name}
      {l.keeper !== 'self' && <Tag color="blue" style={{ marginInlineStart: 8 }}>{l.keeperLabel}</Tag>}
      {number && <div style={{ ...MUTED, overflowWrap: 'anywhere' }}>{number}</div>}
    </>
  );
}

function Validity({ l }: { l: WalletLicense }) {
  if (!l.validUntil) return <>长期有效</>;
  const expired = isExpired(l);
  return <>有效期至 {l.validUntil}{expired && <Tag color="error" style={{ marginInlineStart: 8 }}>已过期</Tag>}<div style={MUTED}>自 {l.validFrom} 起</div></>;
}

const isExpired = (l: WalletLicense) => l.validUntil !== null && l.validUntil < shanghaiToday();

function LicenseCard({ l }: { l: WalletLicense }) {
  const titleId = `license-${l.id}`;
  const expired = isExpired(l);
  return (
    <Card role="group" aria-labelledby={titleId} style={{ height: '100%' }} styles={{ body: { display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' } }}>
      <div style={{ flex: '1 1 180px', minWidth: 0 }}>
        <Typography.Title id={titleId} level={3} style={{ fontSize: '1.15em', marginTop: 0 }}>{l.name}</Typography.Title>
        <dl style={{ margin: 0 }}>
          <dt style={LABEL}>持证人</dt>
          <dd style={VALUE}><Holder l={l} /></dd>
          <dt style={LABEL}>证照编号</dt>
          <dd style={{ ...VALUE, overflowWrap: 'anywhere', fontFamily: 'monospace' }}>{l.number}</dd>
          <dt style={LABEL}>签发机关</dt>
          <dd style={VALUE}>{l.departmentName}</dd>
          <dt style={LABEL}>签发日期</dt>
          <dd style={VALUE}>{l.issuedOn}</dd>
          <dt style={LABEL}>有效期</dt>
          <dd style={VALUE}><Validity l={l} /></dd>
          <dt style={LABEL}>状态</dt>
          <dd style={VALUE}><Tag color={expired ? 'error' : 'success'}>{expired ? '已过期' : '有效'}</Tag></dd>
        </dl>
        {!expired && <div style={{ margin: '8px 0' }}><ShowLicense license={l} /></div>}
        <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
          <li><a href={l.documentUrl} target="_blank" rel="noopener noreferrer">查看或下载{l.name}（PDF）<span className="visually-hidden">，新窗口打开</span></a></li>
          <li><a href={l.verifyUrl} target="_blank" rel="noopener noreferrer">在线核验真伪（新窗口打开）</a></li>
          <li><Link to={`/cases/${l.caseId}`}>查看来源办件</Link></li>
        </ul>
      </div>
      <figure style={{ margin: 0, textAlign: 'center', flex: '1 1 160px', display: 'flex', flexDirection: 'column', alignItems: 'center' }}>
        <img src={l.qr} alt={`${l.name}的核验二维码`} width={160} height={160} style={{ display: 'block', maxWidth: '100%', height: 'auto' }} />
        <figcaption><Typography.Text style={MUTED}>出示此码，对方扫码即可核验</Typography.Text></figcaption>
      </figure>
    </Card>
  );
}

function Licenses() {
  const { t } = usePrefs();
  const { data, error, loading } = useLoad(() => get<{ licenses: WalletLicense[] }>('/api/wallet'), []);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (loading || !data) return <Spin description={t('loading')} />;
  if (data.licenses.length === 0) {
    return (
      <Card>
        <Empty description="还没有电子证照。办件办结后，部门签发的电子证照会自动放到这里。">
          <LinkButton to="/cases" type="primary">查看我的办件</LinkButton>
        </Empty>
      </Card>
    );
  }
  return (
    <>
      {data.licenses.some((l) => l.keeper === 'guardian') && (
        <Typography.Paragraph style={MUTED}>为子女办理的证照（如出生医学证明、社会保障卡），持证人是子女本人，由您作为监护人代为保管。</Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        {data.licenses.map((l) => <Col key={l.id} xs={24} lg={12}><LicenseCard l={l} /></Col>)}
      </Row>
    </>
  );
}

export default function Wallet() {
  usePageTitle('我的卡包');
  const { t } = usePrefs();
  return (
    <RequireApplicant what="您的电子证照">
      <Typography.Title level={1}>{t('wallet')}</Typography.Title>
      <Typography.Paragraph style={MUTED}>电子证照与纸质证照具有同等效力。办事时出示二维码，工作人员扫码核验，不用再交复印件。</Typography.Paragraph>
      <Licenses />
    </RequireApplicant>
  );
}
