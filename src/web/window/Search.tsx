/** 查找办件: the window searches cases on the server by number, ID number, name, mobile or enterprise (exact values). */
import { Alert, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { SearchBy, WindowCaseSummary } from '../../contracts/window-search.ts';
import { errorText, get } from '../shared/api.ts';
import { CASE_STATUS, CHANNEL, fmtTime, named, Section, STATUS_COLOR } from './ui.tsx';
import { usePrefs } from '../shared/prefs.tsx';
import type { MessageKey } from '../shared/messages/index.ts';

const BY: { value: SearchBy; label: MessageKey; placeholder: MessageKey }[] = [
  { value: 'number', label: 'winCaseNumber', placeholder: 'winEGYjs20260000123' },
  { value: 'idNumber', label: 'winIdNumber', placeholder: 'winTheApplicantSResident' },
  { value: 'name', label: 'winName', placeholder: 'winTheApplicantSFull' },
  { value: 'phone', label: 'winMobileNumber', placeholder: 'winTheApplicantSMobile' },
  { value: 'enterprise', label: 'winBusiness', placeholder: 'winFullBusinessNameOr' },
];

/** One case in a list: number (link), matter, applicant with the ID number masked, status. */
export function CaseLine({ c, extra }: { c: WindowCaseSummary; extra?: string }) {
  const { t } = usePrefs();
  return (
    <List.Item actions={[<Link key="open" to={`/window/cases/${c.id}`} aria-label={t('winOpen', { number: c.number })}>{t('winOpen2')}</Link>]}>
      <List.Item.Meta
        title={<Space wrap><Link to={`/window/cases/${c.id}`}>{c.number}</Link><Tag color={STATUS_COLOR[c.status]}>{named(t, CASE_STATUS, c.status)}</Tag></Space>}
        description={<><span lang="zh-CN">{c.matter.name}</span><br />{t('winApplicant3')}<span lang="zh-CN">{c.applicant.name}</span>{c.applicant.idNumber ? t('winSep13', { idNumber: c.applicant.idNumber }) : ''} · {named(t, CHANNEL, c.channel)}{extra ? ` · ${extra}` : c.submittedAt ? t('winSubmitted4', { p0: fmtTime(c.submittedAt) }) : ''}</>} />
    </List.Item>
  );
}

export function Search() {
  const { t } = usePrefs();
  const [by, setBy] = useState<SearchBy>('idNumber');
  const [result, setResult] = useState<{ cases: WindowCaseSummary[]; truncated: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const option = BY.find((b) => b.value === by) ?? BY[0]!;

  const run = async (q: string) => {
    const value = q.trim();
    if (value === '') return;
    setLoading(true);
    setError(null);
    try {
      setResult(await get(`/api/window/search?by=${by}&q=${encodeURIComponent(value)}`));
    } catch (e) {
      setError(errorText(e));
      setResult(null);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Section title={t('winFindACase')}>
      <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
        <Space.Compact style={{ width: '100%' }}>
          <Select<SearchBy> aria-label={t('winFindBy')} value={by} onChange={(v) => { setBy(v); setResult(null); }} options={BY.map(({ value, label }) => ({ value, label: t(label) }))} style={{ minWidth: 120 }} />
          <Input.Search aria-label={t('winFindBy2', { p0: t(option.label) })} placeholder={t(option.placeholder)} enterButton={t('winFind')} loading={loading} allowClear onSearch={run} />
        </Space.Compact>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('winExactMatchOnThe')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <>
          {result.truncated && <Alert type="info" showIcon title={t('winManyCasesFoundOnly')} style={{ marginTop: 12 }} />}
          <section aria-label={t('winResults')}>
            <List dataSource={result.cases} locale={{ emptyText: <Empty description={t('winNoCaseMatches')} /> }} renderItem={(c) => <CaseLine c={c} />} />
          </section>
        </>
      )}
    </Section>
  );
}
