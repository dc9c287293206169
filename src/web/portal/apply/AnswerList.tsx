/** The answers given so far, each with a way back to change it. */
import { Button, Tag, Typography } from 'antd';
import type { AnswerView } from '../../../core/planning/types.ts';
import { usePrefs } from '../../shared/prefs.tsx';

export function AnswerList({ answers, current, open, onEdit }: { answers: AnswerView[]; current: number; open: boolean; onEdit(index: number): void }) {
  const { t, lang } = usePrefs();
  if (answers.length === 0) return null;
  return (
    <details open={open} className="apply-answers apply-no-print">
      <summary>{t('apply_answers', { n: answers.length })}</summary>
      <ol>
        {answers.map((a, i) => (
          <li key={a.question} aria-current={i === current ? 'step' : undefined}>
            <Typography.Text type="secondary" lang="zh-CN">{a.text}</Typography.Text>
            <div>
              <strong lang="zh-CN">{a.label}</strong>
              {a.source === 'facts' && <> <Tag color="geekblue">{t('apply_fromShared')}</Tag></>}
              {i !== current && (a.source !== 'facts' || a.prefill?.editable !== false) && (
                <Button type="link" size="small" onClick={() => onEdit(i)} aria-label={lang === 'zh' ? `${t('apply_edit')}${t('colon')}${a.text}` : undefined}><span>{t('apply_edit')}<span className="visually-hidden">{t('colon')}<span lang="zh-CN">{a.text}</span></span></span></Button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </details>
  );
}
