/** My e-licenses (电子证照卡包): each as a card with its verification QR code and link. */
import { Alert, Card, Col, Empty, Row, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { get } from '../shared/api.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { RequireApplicant } from './case/RequireApplicant.tsx';
import { day } from './case/types.ts';
import { MUTED } from '../shared/form/muted.ts';

interface License { id: string; type: string; name: string; number: string; department: string; issuedAt: string; caseId: string | null; verifyUrl: string; qr: string }

function LicenseCard({ l }: { l: License }) {
  const titleId = `license-${l.id}`;
  return (
    <Card role="group" aria-labelledby={titleId} style={{ height: '100%' }} styles={{ body: { display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' } }}>
      <div style={{ flex: '1 1 180px', minWidth: 0 }}>
        <Typography.Title id={titleId} level={3} style={{ fontSize: '1.15em', marginTop: 0 }}>{l.name}</Typography.Title>
        <dl style={{ margin: 0 }}>
          <dt style={{ color: 'rgba(0,0,0,0.65)' }}>证照编号</dt>
          <dd style={{ margin: '0 0 8px', overflowWrap: 'anywhere', fontFamily: 'monospace' }}>{l.number}</dd>
          <dt style={{ color: 'rgba(0,0,0,0.65)' }}>签发日期</dt>
          <dd style={{ margin: '0 0 8px' }}>{day(l.issuedAt)}</dd>
        </dl>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          <a href={l.verifyUrl} target="_blank" rel="noopener noreferrer">在线核验真伪（新窗口打开）</a>
        </Typography.Paragraph>
        {l.caseId && <Link to={`/cases/${l.caseId}`}>查看来源办件</Link>}
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
  const { data, error, loading } = useLoad(() => get<{ licenses: License[] }>('/api/wallet'), []);
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
    <Row gutter={[16, 16]}>
      {data.licenses.map((l) => <Col key={l.id} xs={24} lg={12}><LicenseCard l={l} /></Col>)}
    </Row>
  );
}

export default function Wallet() {
  const { t } = usePrefs();
  return (
    <RequireApplicant what="您的电子证照">
      <Typography.Title level={2}>{t('wallet')}</Typography.Title>
      <Typography.Paragraph style={MUTED}>电子证照与纸质证照具有同等效力。办事时出示二维码，工作人员扫码核验，不用再交复印件。</Typography.Paragraph>
      <Licenses />
    </RequireApplicant>
  );
}
