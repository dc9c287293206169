/** 查找办件: the window searches cases on the server by number, ID number, name, mobile or enterprise (exact values). */
import { Alert, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { SearchBy, WindowCaseSummary } from '../../contracts/window-search.ts';
import { errorText, get } from '../shared/api.ts';
import { CHANNEL, fmtTime, Section, STATUS_COLOR } from './ui.tsx';

const BY: { value: SearchBy; label: string; placeholder: string }[] = [
  { value: 'number', label: '办件编号', placeholder: '如 YJS20260000123' },
  { value: 'idNumber', label: '证件号码', placeholder: '申请人的居民身份证号码' },
  { value: 'name', label: '姓名', placeholder: '申请人姓名（完整）' },
  { value: 'phone', label: '手机号码', placeholder: '申请人的手机号码' },
  { value: 'enterprise', label: '企业', placeholder: '企业名称（完整）或统一社会信用代码' },
];

/** One case in a list: number (link), matter, applicant with the ID number masked, status. */
export function CaseLine({ c, extra }: { c: WindowCaseSummary; extra?: string }) {
  return (
    <List.Item actions={[<Link key="open" to={`/window/cases/${c.id}`} aria-label={`打开 ${c.number}`}>打开</Link>]}>
      <List.Item.Meta
        title={<Space wrap><Link to={`/window/cases/${c.id}`}>{c.number}</Link><Tag color={STATUS_COLOR[c.status]}>{c.statusLabel}</Tag></Space>}
        description={<>{c.matter.name}<br />申请人：{c.applicant.name}{c.applicant.idNumber ? `（${c.applicant.idNumber}）` : ''} · {CHANNEL[c.channel] ?? ''}{extra ? ` · ${extra}` : c.submittedAt ? ` · 提交于 ${fmtTime(c.submittedAt)}` : ''}</>} />
    </List.Item>
  );
}

export function Search() {
  const [by, setBy] = useState<SearchBy>('idNumber');
  const [result, setResult] = useState<{ cases: WindowCaseSummary[]; truncated: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const option = BY.find((b) => b.value === by) ?? BY[0];

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
    <Section title="查找办件">
      <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
        <Space.Compact style={{ width: '100%' }}>
          <Select<SearchBy> aria-label="查找方式" value={by} onChange={(v) => { setBy(v); setResult(null); }} options={BY.map(({ value, label }) => ({ value, label }))} style={{ minWidth: 120 }} />
          <Input.Search aria-label={`按${option?.label}查找`} placeholder={option?.placeholder} enterButton="查找" loading={loading} allowClear onSearch={run} />
        </Space.Compact>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>按完整的号码或名称精确查找；证件号码、手机号码只以加密索引比对，结果中的证件号码已脱敏。每次查找都会记入审计日志。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <>
          {result.truncated && <Alert type="info" showIcon title="找到的办件较多，只显示最近的 20 件，请换用更具体的条件查找。" style={{ marginTop: 12 }} />}
          <section aria-label="查找结果">
            <List dataSource={result.cases} locale={{ emptyText: <Empty description="没有找到符合条件的办件" /> }} renderItem={(c) => <CaseLine c={c} />} />
          </section>
        </>
      )}
    </Section>
  );
}
