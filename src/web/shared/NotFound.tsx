/** An address the app does not know: say so plainly and offer what the person most likely came for. */
import { Card, Input, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { usePrefs } from './prefs.tsx';
import { usePageTitle } from './usePageTitle.ts';

export default function NotFound() {
  const { t } = usePrefs();
  usePageTitle(t('notFoundTitle'));
  const navigate = useNavigate();
  return (
    <Card style={{ maxWidth: 640, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: '1.6em', marginTop: 0 }}>{t('notFoundTitle')}</Typography.Title>
      <Typography.Paragraph>{t('notFoundLead')}</Typography.Paragraph>
      <Input.Search
        aria-label={t('notFoundSearch')}
        placeholder={t('notFoundSearch')}
        enterButton={t('searchButton')}
        size="large"
        onSearch={(q) => navigate(q.trim() === '' ? '/' : `/?q=${encodeURIComponent(q.trim())}`)}
        style={{ marginBottom: 16 }}
      />
      <ul style={{ paddingInlineStart: '1.2em', margin: 0, lineHeight: 2 }}>
        <li><Link to="/">{t('notFoundHome')}</Link></li>
        <li><Link to="/cases">{t('notFoundCases')}</Link></li>
        <li><Link to="/progress">{t('notFoundProgress')}</Link></li>
        <li><Link to="/consult">{t('notFoundConsult')}</Link></li>
      </ul>
    </Card>
  );
}
