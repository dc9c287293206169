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
import { plainDay } from '../shared/dates.ts';
import { Zh } from '../shared/fillNodes.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { RequireApplicant } from './case/RequireApplicant.tsx';
import { MUTED } from '../shared/form/muted.ts';
import { ShowLicense, verifyLangQuery } from './wallet/ShowLicense.tsx';
import { Folded, More, MoreGroup, MoreToggle } from './elder/More.tsx';
import { usePageTitle } from '../shared/usePageTitle.ts';

const LABEL = { color: 'rgba(0,0,0,0.65)' } as const;
const VALUE = { margin: '0 0 8px' } as const;

function Holder({ l }: { l: WalletLicense }) {
  const { t, elder } = usePrefs();
  const number = l.holder.creditCode ? `${t('wl_credit')}${l.holder.creditCode}` : l.holder.idNumber ? `${t('wl_id')}${l.holder.idNumber}` : null;
  return (
    <>
      <Zh>{l.holder.name}</Zh>
      {l.keeper !== 'self' && <Tag color="blue" style={{ marginInlineStart: 8 }} lang="zh-CN">{l.keeperLabel}</Tag>}
      {number && !elder && <div style={{ ...MUTED, overflowWrap: 'anywhere' }}>{number}</div>}
    </>
  );
}

function Validity({ l }: { l: WalletLicense }) {
  const { t, lang, elder } = usePrefs();
  if (!l.validUntil) return <>{t('wl_forever')}</>;
  const expired = isExpired(l);
  return <>{t('wl_until', { day: plainDay(l.validUntil, lang) })}{expired && <Tag color="error" style={{ marginInlineStart: 8 }}>{t('wl_expired')}</Tag>}{!elder && <div style={MUTED}>{t('wl_from', { day: plainDay(l.validFrom, lang) })}</div>}</>;
}

const isExpired = (l: WalletLicense) => l.validUntil !== null && l.validUntil < shanghaiToday();

/** What 长辈模式 folds behind 更多说明: the numbers, the dates of issue and start, verification and the source case. */
function LicenseMore({ l }: { l: WalletLicense }) {
  const { t, lang } = usePrefs();
  const id = l.holder.creditCode ? `${t('wl_credit')}${l.holder.creditCode}` : l.holder.idNumber ? `${t('wl_id')}${l.holder.idNumber}` : null;
  return (
    <More>
      <dl style={{ margin: 0 }}>
        {id && <><dt style={LABEL}>{t('wl_holder')}</dt><dd style={{ ...VALUE, overflowWrap: 'anywhere' }}>{id}</dd></>}
        <dt style={LABEL}>{t('wl_number')}</dt>
        <dd style={{ ...VALUE, overflowWrap: 'anywhere', fontFamily: 'monospace' }}>{l.number}</dd>
        <dt style={LABEL}>{t('wl_issued')}</dt>
        <dd style={VALUE}>{plainDay(l.issuedOn, lang)}</dd>
        <dt style={LABEL}>{t('wl_validity')}</dt>
        <dd style={VALUE}>{t('wl_from', { day: plainDay(l.validFrom, lang) })}</dd>
      </dl>
      <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
        <li><a href={l.verifyUrl} target="_blank" rel="noopener noreferrer">{t('wl_verify')}</a></li>
        <li><Link to={`/cases/${l.caseId}`}>{t('wl_case')}</Link></li>
      </ul>
    </More>
  );
}

function LicenseCard({ l }: { l: WalletLicense }) {
  const { t, lang, elder } = usePrefs();
  const titleId = `license-${l.id}`;
  const expired = isExpired(l);
  return (
    <Card role="group" aria-labelledby={titleId} style={{ height: '100%' }} styles={{ body: { display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' } }}>
      <div style={{ flex: '1 1 180px', minWidth: 0 }}>
        <Typography.Title id={titleId} level={3} style={{ fontSize: '1.15em', marginTop: 0 }} lang="zh-CN">{l.name}</Typography.Title>
        <dl style={{ margin: 0 }}>
          <dt style={LABEL}>{t('wl_holder')}</dt>
          <dd style={VALUE}><Holder l={l} /></dd>
          {!elder && <><dt style={LABEL}>{t('wl_number')}</dt>
          <dd style={{ ...VALUE, overflowWrap: 'anywhere', fontFamily: 'monospace' }}>{l.number}</dd></>}
          <dt style={LABEL}>{t('wl_issuer')}</dt>
          <dd style={VALUE} lang="zh-CN">{l.departmentName}</dd>
          {!elder && <><dt style={LABEL}>{t('wl_issued')}</dt>
          <dd style={VALUE}>{plainDay(l.issuedOn, lang)}</dd></>}
          <dt style={LABEL}>{t('wl_validity')}</dt>
          <dd style={VALUE}><Validity l={l} /></dd>
          <dt style={LABEL}>{t('wl_status')}</dt>
          <dd style={VALUE}><Tag color={expired ? 'error' : 'success'}>{expired ? t('wl_expired') : t('wl_valid')}</Tag></dd>
        </dl>
        {!expired && <div style={{ margin: '8px 0' }}><ShowLicense license={l} /></div>}
        <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
          <li><a href={l.documentUrl} target="_blank" rel="noopener noreferrer">{lang === 'zh' ? `查看或下载${l.name}（PDF）` : <>{t('wl_pdf')}<Zh>{l.name}</Zh></>}<span className="visually-hidden">{t('wl_newWindow')}</span></a></li>
          {!elder && <li><a href={l.verifyUrl} target="_blank" rel="noopener noreferrer">{t('wl_verify')}</a></li>}
          {!elder && <li><Link to={`/cases/${l.caseId}`}>{t('wl_case')}</Link></li>}
        </ul>
        {elder && <LicenseMore l={l} />}
      </div>
      <figure style={{ margin: 0, textAlign: 'center', flex: '1 1 160px', display: 'flex', flexDirection: 'column', alignItems: 'center' }}>
        <img src={l.qr} alt={lang === 'zh' ? `${l.name}的核验二维码` : t('wl_qrAlt')} width={160} height={160} style={{ display: 'block', maxWidth: '100%', height: 'auto' }} />
        <figcaption><Typography.Text style={MUTED}>{t('wl_show')}</Typography.Text></figcaption>
      </figure>
    </Card>
  );
}

function Licenses() {
  const { t, lang, elder } = usePrefs();
  // In English the language goes into each licence's verification link, so the page it opens reads in
  // English too; Chinese links stay as they were (the page then follows the scanning phone, Chinese by default).
  const { data, error, loading } = useLoad(() => get<{ licenses: WalletLicense[] }>(`/api/wallet${verifyLangQuery(lang)}`), [lang]);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (loading || !data) return <Spin description={t('loading')} />;
  if (data.licenses.length === 0) {
    return (
      <Card>
        <Empty description={t('wl_none')}>
          <LinkButton to="/cases" type="primary">{t('wl_viewCases')}</LinkButton>
        </Empty>
      </Card>
    );
  }
  return (
    <>
      {data.licenses.some((l) => l.keeper === 'guardian') && (
        <Folded><Typography.Paragraph style={MUTED}>{t('wl_guardian')}</Typography.Paragraph></Folded>
      )}
      <Row gutter={[16, 16]}>
        {data.licenses.map((l) => <Col key={l.id} xs={24} lg={elder ? 24 : 12}><LicenseCard l={l} /></Col>)}
      </Row>
    </>
  );
}

export default function Wallet() {
  const { t } = usePrefs();
  usePageTitle(t('wallet'));
  return (
    <RequireApplicant what={t('wl_what')}>
      {/* 长辈模式: one 更多说明 under the title for the page's notes (what an e-licence is worth, whose they are). */}
      <MoreGroup>
        <Typography.Title level={1}>{t('wallet')}</Typography.Title>
        <MoreToggle />
        <Folded><Typography.Paragraph style={MUTED}>{t('wl_lead')}</Typography.Paragraph></Folded>
        <Licenses />
      </MoreGroup>
    </RequireApplicant>
  );
}
