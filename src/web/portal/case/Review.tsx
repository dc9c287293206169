/**
 * 核对提交 (check your answers): before a submit, every answer, every section of the form and the
 * materials, each with 修改 back to where it is changed, and the applicant's declaration, required.
 */
import { Alert, Button, Card, Checkbox, Descriptions, Space, Tag, Typography, type CheckboxRef } from 'antd';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { displayValue, fieldSpecs, isEmpty } from '../../shared/form/schema.ts';
import { MUTED } from '../../shared/form/muted.ts';
import { days } from '../../shared/planLabels.ts';
import type { CaseView, Plan } from './types.ts';

export const DECLARATION = '本人承诺所填信息真实有效，提交的材料真实、合法、有效；如有虚假，愿意承担相应的法律责任。';

export interface ReviewProps {
  view: CaseView & { plan: Plan };
  busy: boolean;
  /** Problems from the last submit, with their links (rendered by the page). */
  problem: ReactNode;
  onSubmit(): void;
  /** Back to the form at this section (its first field), or to the materials. */
  onEditSection(firstField: string): void;
  onEditMaterials(): void;
  onBack(): void;
}

function Block({ title, edit, children }: { title: string; edit: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal' }}>{title}</h3>} extra={edit}>
      {children}
    </Card>
  );
}

export function Review({ view, busy, problem, onSubmit, onEditSection, onEditMaterials, onBack }: ReviewProps) {
  const plan = view.plan;
  const specs = useMemo(() => fieldSpecs(plan.form), [plan.form]);
  const [agreed, setAgreed] = useState(false);
  const [warn, setWarn] = useState(false);
  const box = useRef<CheckboxRef>(null);
  const required = view.materials.filter((m) => m.status === 'required');
  const exempt = view.materials.filter((m) => m.status === 'exempt');
  const submit = () => {
    if (!agreed) {
      setWarn(true);
      box.current?.focus();
      return;
    }
    onSubmit();
  };
  const answerEdit = (i: number) => `/matters/${view.matter.id}/apply?case=${encodeURIComponent(view.id)}&step=${i}`;
  return (
    <section aria-labelledby="review-title">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={2} id="review-title" tabIndex={-1} style={{ fontSize: '1.3em' }}>核对提交：请检查以下信息</Typography.Title>
          <Typography.Paragraph style={MUTED}>提交后就不能再修改了。哪一项不对，点它旁边的“修改”，改好后回到这里。</Typography.Paragraph>
        </div>
        <Block title="您的情况" edit={null}>
          <Typography.Paragraph>
            {plan.situation ? <>办理情形：<strong>{plan.situation.name}</strong>。</> : null}
            一次办理 {plan.items.length} 个事项，承诺 {days(plan.timeLimit.workingDays)}办结。
          </Typography.Paragraph>
          <Descriptions size="small" column={1} bordered items={plan.answers.map((a, i) => ({
            key: a.question,
            label: a.text,
            children: (
              <Space wrap size={[8, 0]}>
                <span>{a.label}</span>
                {a.source === 'facts' && <Tag color="geekblue">来自共享数据</Tag>}
                {(a.source !== 'facts' || a.prefill?.editable !== false) && <Link to={answerEdit(i)} aria-label={`修改：${a.text}`}>修改</Link>}
              </Space>
            ),
          }))} />
        </Block>
        {plan.form.sections.map((section) => (
          <Block key={section.id} title={section.title}
            edit={section.fields[0] && <Button type="link" onClick={() => onEditSection(section.fields[0] ?? '')} aria-label={`修改：${section.title}`}>修改</Button>}>
            <Descriptions size="small" column={1} items={section.fields.map((key) => {
              const spec = specs.get(key);
              const v = view.form[key];
              return { key, label: spec?.label ?? key, children: isEmpty(v) ? <Typography.Text style={MUTED}>未填写</Typography.Text> : <span style={{ overflowWrap: 'anywhere' }}>{displayValue(spec, v)}</span> };
            })} />
          </Block>
        ))}
        <Block title="材料" edit={<Button type="link" onClick={onEditMaterials} aria-label="修改：材料">修改</Button>}>
          {required.length === 0 ? <Typography.Paragraph>本次不需要上传材料。</Typography.Paragraph> : (
            <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
              {required.map((m) => (
                <li key={m.id}>
                  {m.name}：{m.files.length > 0 ? `已上传 ${m.files.length} 份` : m.deferrable ? '未上传，容缺后补' : <Typography.Text type="danger">未上传</Typography.Text>}
                </li>
              ))}
            </ul>
          )}
          {exempt.length > 0 && <Typography.Paragraph style={{ ...MUTED, marginTop: 8, marginBottom: 0 }}>无需提交：{exempt.map((m) => m.name).join('、')}（部门直接获取）。</Typography.Paragraph>}
        </Block>
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>承诺</h3>}>
          <Checkbox ref={box} checked={agreed} aria-invalid={warn && !agreed} aria-describedby={warn && !agreed ? 'declaration-error' : undefined}
            onChange={(e) => { setAgreed(e.target.checked); setWarn(false); }}>
            {DECLARATION}
          </Checkbox>
          <div aria-live="assertive">
            {warn && !agreed && <Alert id="declaration-error" type="error" showIcon title="请先阅读并勾选承诺，再提交申请" style={{ marginTop: 8 }} />}
          </div>
        </Card>
        {problem}
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" size="large" block loading={busy} onClick={submit}>提交申请</Button>
          <Button size="large" block onClick={onBack}>返回修改</Button>
        </Space>
      </Space>
    </section>
  );
}
