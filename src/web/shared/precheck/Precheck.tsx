/**
 * 智能预审 findings: for the applicant, the draft 一次性告知 (what looks wrong, per material) before
 * submitting; for the window and the reviewer, every finding as a reference. Asks again every two
 * seconds while a file is still being read. Material names and form labels are catalogue data (zh-CN).
 */
import { Alert, Button, Card, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PrecheckAnswer, PrecheckFinding } from '../../../contracts/precheck.ts';
import { get, post } from '../api.ts';
import { fillNodes, Zh } from '../fillNodes.tsx';
import type { MessageKey } from '../messages/index.ts';
import { usePrefs } from '../prefs.tsx';
import { useLoad } from '../useLoad.ts';

const POLL_MS = 2000;
const SEVERITY_COLOR = { error: 'red', warning: 'gold', ok: 'green' } as const;
/** Values that are catalogue or typed data, shown marked as Chinese. */
const DATA = new Set(['label', 'name', 'form', 'labels', 'problem']);

export function useFindingText(): (f: PrecheckFinding) => ReactNode {
  const { t, lang } = usePrefs();
  const date = (d: string) => (lang === 'zh' ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : d);
  return (f) => {
    const key = (f.kind === 'valid' && !f.params.date ? 'precheck_validLong' : `precheck_${f.kind}`) as MessageKey;
    const params = Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, DATA.has(k) ? <Zh>{v}</Zh> : k === 'date' ? date(v) : v]));
    return fillNodes(t(key), params);
  };
}

export interface PrecheckPanelProps {
  /** The findings route: the applicant's case, the window's, or a department's task. */
  url: string;
  audience: 'applicant' | 'staff';
  /** Changes when files are added, so the panel asks again. */
  version?: number;
  /** Offer 重新预审 (the applicant's and the window's route). */
  rerunUrl?: string;
}

export function PrecheckPanel({ url, audience, version = 0, rerunUrl }: PrecheckPanelProps) {
  const { t } = usePrefs();
  const text = useFindingText();
  const loaded = useLoad(() => get<PrecheckAnswer>(url), [url]);
  const [busy, setBusy] = useState(false);
  const data = loaded.data;
  // A file added after the panel loaded: ask again (the first load already has the ones before).
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void loaded.reload();
  }, [version]);
  useEffect(() => {
    if (!data?.pending) return undefined;
    const timer = setTimeout(() => void loaded.reload(), POLL_MS);
    return () => clearTimeout(timer);
  }, [data]);
  const title = <h3 style={{ margin: 0, fontSize: 'inherit' }}>{audience === 'applicant' ? t('precheck_noticeTitle') : t('precheck_title')}</h3>;
  if (!data) return loaded.error ? null : <Card size="small" title={title}><Spin size="small" /></Card>;
  if (!data.state.enabled) {
    return (
      <Card size="small" title={title} data-testid="precheck">
        <Alert type="info" showIcon title={t('precheck_off')} description={t('precheck_offLead')} />
      </Card>
    );
  }
  const materials = data.materials.map((m) => ({
    ...m,
    files: m.files.map((f) => ({ ...f, shown: audience === 'applicant' ? f.findings.filter((x) => x.severity !== 'ok') : f.findings })),
  }));
  const anyProblem = materials.some((m) => m.problems > 0 || m.files.some((f) => f.status === 'failed'));
  const rerun = rerunUrl && (async () => {
    setBusy(true);
    try {
      await post(rerunUrl);
      await loaded.reload();
    } finally {
      setBusy(false);
    }
  });
  return (
    <Card size="small" title={title} data-testid="precheck" extra={rerun && <Button size="small" loading={busy} onClick={() => void rerun()}>{t('precheck_rerun')}</Button>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{audience === 'applicant' ? t('precheck_noticeLead') : t('precheck_staffLead')}</Typography.Paragraph>
        <div aria-live="polite">
          {data.pending && <Space><Spin size="small" /><span>{t('precheck_pending')}</span></Space>}
          {!data.pending && materials.length === 0 && <Typography.Text>{t('precheck_none')}</Typography.Text>}
          {!data.pending && materials.length > 0 && !anyProblem && <Alert type="success" showIcon title={t('precheck_allGood')} />}
        </div>
        {materials.filter((m) => audience === 'staff' || m.problems > 0 || m.files.some((f) => f.status === 'failed')).map((m) => (
          <section key={m.material} aria-labelledby={`precheck-${m.material}`}>
            <Typography.Text strong id={`precheck-${m.material}`}><Zh>{m.name}</Zh></Typography.Text>
            {m.problems > 0 && <Tag color="red" style={{ marginInlineStart: 8 }}>{t('precheck_problems', { n: m.problems })}</Tag>}
            <ul style={{ margin: '4px 0 0', paddingInlineStart: '1.2em' }}>
              {m.files.filter((f) => audience === 'staff' || f.shown.length > 0 || f.status === 'failed').map((f) => (
                <li key={f.fileId}>
                  <Typography.Text type="secondary">{t('precheck_file')}<Zh>{f.fileName}</Zh></Typography.Text>
                  {f.status === 'pending' && <Spin size="small" style={{ marginInlineStart: 8 }} />}
                  {f.status === 'failed' && <Alert type="warning" showIcon title={t('precheck_failed')} style={{ marginTop: 4 }} />}
                  <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
                    {f.shown.map((x, i) => (
                      <li key={i}><Tag color={SEVERITY_COLOR[x.severity]}>{t(`precheck_${x.severity}`)}</Tag>{text(x)}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </Space>
    </Card>
  );
}
