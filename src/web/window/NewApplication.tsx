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
  usePageTitle('综合窗口 新建申请');
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
      if (e instanceof ApiError && e.code === 'applicant-name-mismatch') form.setFields([{ name: 'name', errors: ['与该证件号码登记的姓名不一致'] }]);
      throw e;
    });
    visitors.set(c.id, visitor);
    navigate(`/window/cases/${c.id}`);
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <Link to="/window">← 返回综合窗口</Link>
      <Typography.Title level={1} style={{ margin: 0 }}>新建申请</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        核验来访群众的身份证件后录入。接下来按“一件事”的引导问题逐题询问，填写一张申请表，收取一套材料。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {matters.error && <Alert type="error" showIcon title={matters.error.message} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark
        initialValues={{ matterId: params.get('matter') ?? undefined, idNumber: again?.idNumber, name: again?.name, phone: again?.phone, assisted: !!again?.assisted, by: again?.assisted?.by, authority: again?.assisted?.authority }}>
        <Section title="办理的一件事">
          <Form.Item label="一件事" name="matterId" rules={[{ required: true, message: '请选择要办理的一件事' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder="输入关键字搜索，如：餐饮、出生、退休" loading={matters.loading} size="large"
              options={(matters.data?.stages ?? []).map((s) => ({ label: s.name, title: s.name, options: s.matters.map((m) => ({ value: m.id, label: m.name })) }))} />
          </Form.Item>
          <Form.Item label="办理地" name="region" extra="选填。不选时按来访者的户籍地址或企业住所确定；选择本窗口辖区以外的地方，即为跨域通办（本窗口代收，材料流转至办理地部门）。">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="按户籍地址或企业住所确定" loading={regions.loading}
              options={(regions.data?.regions ?? []).filter((r) => r.level !== 'province').map((r) => ({ value: r.code, label: r.fullName }))} />
          </Form.Item>
        </Section>
        <div style={{ height: 16 }} />
        <Section title="申请人">
          <Form.Item label="公民身份号码" name="idNumber" validateFirst normalize={(v: string) => v?.toUpperCase()}
            rules={[{ required: true, message: '请输入公民身份号码' }, { validator: (_, v: string) => { const m = checkResidentId((v ?? '').trim()); return m ? Promise.reject(new Error(m)) : Promise.resolve(); } }]}
            extra="18 位，按 GB 11643 校验最后一位；已有账号的按身份号码自动关联。">
            <Input inputMode="text" autoComplete="off" maxLength={18} placeholder="18 位，最后一位可能是 X" style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请输入申请人姓名' }, { max: 50, message: '姓名最多 50 个字' }]}>
            <Input autoComplete="off" style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item label="联系电话" name="phone" extra="选填。用于短信告知办理进度。"
            rules={[{ validator: (_, v: string) => { const s = (v ?? '').trim(); const m = s ? checkPhone(s) : null; return m ? Promise.reject(new Error(m)) : Promise.resolve(); } }]}>
            <Input inputMode="tel" type="tel" autoComplete="off" maxLength={20} placeholder="手机号码或带区号的固定电话" style={{ maxWidth: 320 }} />
          </Form.Item>
        </Section>
        <div style={{ height: 16 }} />
        <Section title="帮办代办">
          <Form.Item label="由他人帮办或代办" name="assisted" valuePropName="checked" extra="申请人不能自己操作、由工作人员帮办，或由亲属、受托人代为办理时打开。">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
          {assisted && (
            <>
              <Form.Item label="帮办（代办）人" name="by" rules={[{ required: true, whitespace: true, message: '请填写帮办或代办人的姓名' }, { max: 50, message: '最多 50 个字' }]}
                extra="工作人员帮办的填写工作人员姓名；代办的填写代办人姓名及与申请人的关系。">
                <Input style={{ maxWidth: 420 }} placeholder="如：窗口工作人员 刘敏；或 张三（申请人之子）" />
              </Form.Item>
              <Form.Item label="授权依据" name="authority" rules={[{ required: true, whitespace: true, message: '请填写授权依据' }, { max: 200, message: '最多 200 个字' }]}
                extra="代办须有申请人授权，写明授权委托书或监护关系证明等。">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} style={{ maxWidth: 560 }} placeholder="如：申请人当面口头授权；授权委托书（2026 年 11 月 28 日签署）" />
              </Form.Item>
            </>
          )}
        </Section>
        <div style={{ height: 16 }} />
        <Space wrap>
          <Button type="primary" size="large" htmlType="submit" loading={busy}>创建申请，开始引导</Button>
          <LinkButton size="large" to="/window">取消</LinkButton>
        </Space>
      </Form>
    </Space>
  );
}
