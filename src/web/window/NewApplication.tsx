/** A new application for a visitor at the window: the matter, who applies, and who helps on whose authority. */
import { Alert, Button, Form, Input, Select, Space, Switch, Typography } from 'antd';
import type { Static } from 'typebox';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { checkPhone, checkResidentId } from '../../core/fields/validators.ts';
import type { RegionsAnswer } from '../../contracts/index.ts';
import { ApiError, get, post } from '../shared/api.ts';
import { LinkButton } from '../shared/LinkButton.tsx';
import { useAction } from '../shared/useAction.ts';
import { useLoad } from '../shared/useLoad.ts';
import { useMatters } from '../shared/useMatters.ts';
import type { CaseView } from './types.ts';
import { Section, visitors, type Visitor } from './ui.tsx';
import { usePageTitle } from '../shared/usePageTitle.ts';
import { usePrefs } from '../shared/prefs.tsx';

interface Values {
  matterId: string;
  idNumber: string;
  name: string;
  phone?: string;
  assisted: boolean;
  by?: string;
  authority?: string;
  region?: string;
}

export function NewApplication() {
  const { t } = usePrefs();
  usePageTitle(t('winWindowNewApplication'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const again = visitors.get(params.get('from') ?? '');
  const matters = useMatters();
  const regions = useLoad(() => get<Static<typeof RegionsAnswer>>('/api/public/regions'), []);
  const [form] = Form.useForm<Values>();
  const assisted = Form.useWatch('assisted', form);
  const { busy, error, run } = useAction();

  const submit = (v: Values) => run(async () => {
    const visitor: Visitor = {
      idNumber: v.idNumber.trim().toUpperCase(), name: v.name.trim(),
      ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
      ...(v.assisted ? { assisted: { by: (v.by ?? '').trim(), authority: (v.authority ?? '').trim() } } : {}),
    };
    const c = await post<CaseView>('/api/window/cases', {
      matterId: v.matterId,
      applicant: { idNumber: visitor.idNumber, name: visitor.name, ...(visitor.phone ? { phone: visitor.phone } : {}) },
      ...(visitor.assisted ? { assisted: visitor.assisted } : {}),
      ...(v.region ? { region: v.region } : {}),
    }).catch((e: unknown) => {
      // Point at the field to check against the ID card, besides the alert above the form.
      if (e instanceof ApiError && e.code === 'applicant-name-mismatch') form.setFields([{ name: 'name', errors: [t('winDoesNotMatchThe')] }]);
      throw e;
    });
    visitors.set(c.id, visitor);
    navigate(`/window/cases/${c.id}`);
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Link to="/window">{t('winBackToTheWindow')}</Link>
      <Typography.Title level={1} style={{ margin: 0 }}>{t('winNewApplication')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('winEnterAfterCheckingThe')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {matters.error && <Alert type="error" showIcon title={matters.error.message} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark
        initialValues={{ matterId: params.get('matter') ?? undefined, idNumber: again?.idNumber, name: again?.name, phone: again?.phone, assisted: !!again?.assisted, by: again?.assisted?.by, authority: again?.assisted?.authority }}>
        <Section title={t('winMatterToApplyFor')}>
          <Form.Item label={t('winMatter')} name="matterId" rules={[{ required: true, message: t('winChooseTheMatterTo') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('winTypeToSearchE')} loading={matters.loading} size="large"
              options={(matters.data?.stages ?? []).map((s) => ({ label: s.name, title: s.name, options: s.matters.map((m) => ({ value: m.id, label: m.name })) }))} />
          </Form.Item>
          <Form.Item label={t('winWhereItIsHandled')} name="region" extra={t('winOptionalIfEmptyTaken')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('winByRegisteredAddressOr')} loading={regions.loading}
              options={(regions.data?.regions ?? []).filter((r) => r.level !== 'province').map((r) => ({ value: r.code, label: r.fullName }))} />
          </Form.Item>
        </Section>
        <div style={{ height: 16 }} />
        <Section title={t('winApplicant2')}>
          <Form.Item label={t('winCitizenIdNumber')} name="idNumber" validateFirst normalize={(v: string) => v?.toUpperCase()}
            rules={[{ required: true, message: t('winEnterTheCitizenId') }, { validator: (_, v: string) => { const m = checkResidentId((v ?? '').trim()); return m ? Promise.reject(new Error(m)) : Promise.resolve(); } }]}
            extra={t('win18CharactersTheLast')}>
            <Input inputMode="text" autoComplete="off" maxLength={18} placeholder={t('win18CharactersTheLast2')} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item label={t('winName')} name="name" rules={[{ required: true, whitespace: true, message: t('winEnterTheApplicantS') }, { max: 50, message: t('winAtMost50Characters2') }]}>
            <Input autoComplete="off" style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item label={t('winPhone')} name="phone" extra={t('winOptionalUsedToSend')}
            rules={[{ validator: (_, v: string) => { const s = (v ?? '').trim(); const m = s ? checkPhone(s) : null; return m ? Promise.reject(new Error(m)) : Promise.resolve(); } }]}>
            <Input inputMode="tel" type="tel" autoComplete="off" maxLength={20} placeholder={t('winMobileOrLandlineWith')} style={{ maxWidth: 320 }} />
          </Form.Item>
        </Section>
        <div style={{ height: 16 }} />
        <Section title={t('winAssistedOrByProxy')}>
          <Form.Item label={t('winAssistedOrByProxy2')} name="assisted" valuePropName="checked" extra={t('winTurnOnWhenThe')}>
            <Switch checkedChildren={t('winYes')} unCheckedChildren={t('winNo2')} />
          </Form.Item>
          {assisted && (
            <>
              <Form.Item label={t('winAssistantProxy')} name="by" rules={[{ required: true, whitespace: true, message: t('winEnterTheAssistantS') }, { max: 50, message: t('winAtMost50Characters') }]}
                extra={t('winForStaffAssistanceEnter')}>
                <Input style={{ maxWidth: 420 }} placeholder={t('winEGOr')} />
              </Form.Item>
              <Form.Item label={t('winAuthority2')} name="authority" rules={[{ required: true, whitespace: true, message: t('winEnterTheAuthority') }, { max: 200, message: t('winAtMost200Characters') }]}
                extra={t('winAProxyNeedsThe')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} style={{ maxWidth: 560 }} placeholder={t('winEGOralAuthorisation')} />
              </Form.Item>
            </>
          )}
        </Section>
        <div style={{ height: 16 }} />
        <Space wrap>
          <Button type="primary" size="large" htmlType="submit" loading={busy}>{t('winCreateAndStartThe')}</Button>
          <LinkButton size="large" to="/window">{t('winCancel')}</LinkButton>
        </Space>
      </Form>
    </Space>
  );
}
