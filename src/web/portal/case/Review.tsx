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
import { Zh } from '../../shared/fillNodes.tsx';
import { usePrefs } from '../../shared/prefs.tsx';
import { More } from '../elder/More.tsx';
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
  /** 智能预审's draft 一次性告知, shown after the materials. */
  precheck?: ReactNode;
}

function Block({ title, edit, children }: { title: ReactNode; edit: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal' }}>{title}</h3>} extra={edit}>
      {children}
    </Card>
  );
}

export function Review({ view, busy, problem, onSubmit, onEditSection, onEditMaterials, onBack, precheck }: ReviewProps) {
  const { t, lang, elder } = usePrefs();
  // The hidden part of a 修改 button is positioned out of the flow, which puts a space into its accessible
  // name ("修改 ：…"); in Chinese the name is given whole, as before English mode. In English the
  // hidden text names it (an aria-label there would carry Chinese data outside lang="zh-CN").
  const editName = (what: string): string | undefined => (lang === 'zh' ? `${t('apply_edit')}${t('colon')}${what}` : undefined);
  const plan = view.plan;
  const specs = useMemo(() => fieldSpecs(plan.form), [plan.form]);
  const fields = (keys: string[]) => keys.length > 0 && (
    <Descriptions size="small" column={1} items={keys.map((key) => {
      const spec = specs.get(key);
      const v = view.form[key];
      return { key, label: <Zh>{spec?.label ?? key}</Zh>, children: isEmpty(v) ? <Typography.Text style={MUTED}>{t('rv_notFilled')}</Typography.Text> : <span style={{ overflowWrap: 'anywhere' }} lang="zh-CN">{displayValue(spec, v)}</span> };
    })} />
  );
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
          <Typography.Title level={2} id="review-title" tabIndex={-1} style={{ fontSize: '1.3em' }}>{t('rv_title')}</Typography.Title>
          {elder && <Typography.Paragraph>{t('elder_reviewShort')}</Typography.Paragraph>}
          <More><Typography.Paragraph style={MUTED}>{t('rv_lead')}</Typography.Paragraph></More>
        </div>
        <Block title={t('rv_you')} edit={null}>
          <Typography.Paragraph>
            {plan.situation ? <>{t('rv_situation')}<strong lang="zh-CN">{plan.situation.name}</strong>{t('case_period')}</> : null}
            {t('rv_items', { n: plan.items.length, days: days(plan.timeLimit.workingDays) })}
          </Typography.Paragraph>
          {/* 长辈模式: the situation in one sentence; the answers that led to it (each with 修改) behind 更多说明. */}
          <More><Descriptions size="small" column={1} bordered items={plan.answers.map((a, i) => ({
            key: a.question,
            label: <Zh>{a.text}</Zh>,
            children: (
              <Space wrap size={[8, 0]}>
                <span lang="zh-CN">{a.label}</span>
                {a.source === 'facts' && <Tag color="geekblue">{t('apply_fromShared')}</Tag>}
                {(a.source !== 'facts' || a.prefill?.editable !== false) && <Link to={answerEdit(i)} aria-label={editName(a.text)}>{t('apply_edit')}<span className="visually-hidden">{t('colon')}<Zh>{a.text}</Zh></span></Link>}
              </Space>
            ),
          }))} /></More>
        </Block>
        {plan.form.sections.map((section) => (
          <Block key={section.id} title={<Zh>{section.title}</Zh>}
            edit={section.fields[0] && <Button type="link" onClick={() => onEditSection(section.fields[0] ?? '')} aria-label={editName(section.title)}><span>{t('apply_edit')}<span className="visually-hidden">{t('colon')}<Zh>{section.title}</Zh></span></span></Button>}>
            {/* 长辈模式: what was filled in; the optional fields left empty behind 更多说明. */}
            {elder ? <>{fields(section.fields.filter((key) => !isEmpty(view.form[key])))}{section.fields.some((key) => isEmpty(view.form[key])) && <More>{fields(section.fields.filter((key) => isEmpty(view.form[key])))}</More>}</> : fields(section.fields)}
          </Block>
        ))}
        <Block title={t('rv_materials')} edit={<Button type="link" onClick={onEditMaterials} aria-label={editName(t('rv_materials'))}><span>{t('apply_edit')}<span className="visually-hidden">{t('colon')}{t('rv_materials')}</span></span></Button>}>
          {required.length === 0 ? <Typography.Paragraph>{t('rv_noUpload')}</Typography.Paragraph> : (
            <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
              {required.map((m) => (
                <li key={m.id}>
                  <Zh>{m.name}</Zh>{t('colon')}{m.files.length > 0 ? t('rv_uploadedN', { n: m.files.length }) : m.deferrable ? t('rv_later') : <Typography.Text type="danger">{t('rv_missing')}</Typography.Text>}
                </li>
              ))}
            </ul>
          )}
          {exempt.length > 0 && <More><Typography.Paragraph style={{ ...MUTED, marginTop: 8, marginBottom: 0 }}>{t('rv_spared')}<Zh>{exempt.map((m) => m.name).join('、')}</Zh>{t('rv_sparedWhy')}</Typography.Paragraph></More>}
        </Block>
        {precheck}
        <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('rv_declaration')}</h3>}>
          <Checkbox ref={box} checked={agreed} aria-invalid={warn && !agreed} aria-describedby={warn && !agreed ? 'declaration-error' : undefined}
            onChange={(e) => { setAgreed(e.target.checked); setWarn(false); }}>
            {t('rv_declarationText')}
          </Checkbox>
          <div aria-live="assertive">
            {warn && !agreed && <Alert id="declaration-error" type="error" showIcon title={t('rv_tickFirst')} style={{ marginTop: 8 }} />}
          </div>
        </Card>
        {problem}
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" size="large" block loading={busy} onClick={submit}>{t('rv_submit')}</Button>
          <Button size="large" block onClick={onBack}>{t('rv_back')}</Button>
        </Space>
      </Space>
    </section>
  );
}
