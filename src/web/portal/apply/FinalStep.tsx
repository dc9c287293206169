/** What the last step shows when it is not the channel choice: advice for an ineligible situation, or the draft case to go on with. */
import { Alert, Button, Space, Typography } from 'antd';
import type { Plan } from '../../../core/planning/types.ts';
import { LinkButton } from '../../shared/LinkButton.tsx';
import { useFocusOnMount } from './useFocusOnMount.ts';

export function Ineligible({ plan, onBack }: { plan: Plan; onBack(): void }) {
  const s = plan.situation;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section aria-labelledby="advice-title" className="apply-step">
      <Typography.Title level={3} id="advice-title" ref={heading} tabIndex={-1}>按您的情况，暂时不能通过本一件事联办</Typography.Title>
      <Alert
        type="warning"
        showIcon
        title={<strong>{s?.name}</strong>}
        description={<Typography.Paragraph style={{ fontSize: '1.15em', marginBottom: 0 }}>{s?.advice ?? '请拨打 12345 或到综合窗口咨询。'}</Typography.Paragraph>}
      />
      <Typography.Paragraph style={{ marginTop: 12 }}>如果是回答选错了，可以返回修改；其他问题请拨打 12345 咨询。</Typography.Paragraph>
      <Space wrap>
        <Button size="large" type="primary" onClick={onBack}>返回修改回答</Button>
        <LinkButton to={`/matters/${plan.matter.id}`} size="large">查看办事指南</LinkButton>
      </Space>
    </section>
  );
}

export function OnlineContinue({ plan, busy, error, onOpen, onBack, back = false }: { plan: Plan; busy: boolean; error: string | null; onOpen(): void; onBack(): void; back?: boolean }) {
  const ready = plan.complete && plan.situation?.eligible === true;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section aria-labelledby="continue-title" className="apply-step">
      <Typography.Title level={3} id="continue-title" ref={heading} tabIndex={-1}>{back ? '回答已更新到您的申请' : '已为您创建网上申请（草稿）'}</Typography.Title>
      <Typography.Paragraph>标有“来自共享数据”的回答已按政府部门登记的信息自动填写，请核对右侧（手机在下方）的办理方案。</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Space wrap>
        <Button size="large" onClick={onBack}>查看或修改回答</Button>
        {ready && <Button size="large" type="primary" loading={busy} onClick={onOpen}>{back ? '改好了，返回核对' : '继续：填写申请表、上传材料'}</Button>}
      </Space>
    </section>
  );
}
