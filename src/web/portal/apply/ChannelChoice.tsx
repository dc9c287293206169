/** The last step of an eligible plan: apply online (one form, uploads) or go to the window with a list. */
import { Alert, Button, Card, Col, Row, Typography } from 'antd';
import type { Account } from '../../shared/auth.tsx';
import { useFocusOnMount } from './useFocusOnMount.ts';

export interface ChannelProps {
  account: Account | null;
  busy: boolean;
  error: string | null;
  onOnline(): void;
  onOffline(): void;
  onBack(): void;
}

export function ChannelChoice({ account, busy, error, onOnline, onOffline, onBack }: ChannelProps) {
  const notApplicant = account !== null && account.role !== 'applicant';
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section aria-labelledby="channel-title" className="apply-step">
      <Typography.Title level={3} id="channel-title" ref={heading} tabIndex={-1}>问题都回答完了，请选择办理方式</Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={12}>
          <Card style={{ height: '100%' }}>
            <Typography.Title level={4}>网上办理</Typography.Title>
            <Typography.Paragraph>在网上填写一张申请表、上传需要的材料，提交后各部门协同办理，不用跑窗口。</Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              {account === null ? '需要先登录；登录后回到这里继续，回答会保留。'
                : notApplicant ? '请使用申请人账号登录后网上办理。'
                : `您已登录（${account.displayName}），婚姻、户籍等信息将从共享数据自动填写。`}
            </Typography.Paragraph>
            <Button type="primary" size="large" block loading={busy} disabled={notApplicant} onClick={onOnline}>
              {account === null ? '登录后网上办理' : '开始网上办理'}
            </Button>
          </Card>
        </Col>
        <Col xs={24} sm={12}>
          <Card style={{ height: '100%' }}>
            <Typography.Title level={4}>到窗口办理</Typography.Title>
            <Typography.Paragraph>生成您的个性化材料清单（可打印、可下载 PDF），带齐材料到综合窗口，一次办好。</Typography.Paragraph>
            <Typography.Paragraph type="secondary">不需要登录。</Typography.Paragraph>
            <Button size="large" block onClick={onOffline}>生成材料清单</Button>
          </Card>
        </Col>
      </Row>
      <Button size="large" style={{ marginTop: 16 }} onClick={onBack}>返回修改回答</Button>
    </section>
  );
}
