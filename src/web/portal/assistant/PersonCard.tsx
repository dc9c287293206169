/** Who to ask when the engine cannot answer: the 12345 hotline and the consultation window. */
import { Typography } from 'antd';
import type { AskAnswer } from '../../../contracts/search.ts';
import { usePrefs } from '../../shared/prefs.tsx';

export function PersonCard({ person }: { person: AskAnswer['person'] }) {
  const { t } = usePrefs();
  return (
    <div className="assistant-person" aria-label={t('assistantPerson')} role="group">
      <Typography.Paragraph strong>{t('assistantPerson')}</Typography.Paragraph>
      <ul>
        <li><a href={`tel:${person.hotline}`}>{t('assistantHotline')}</a></li>
        {person.window && <li lang="zh-CN">{person.window.name}，{person.window.address}，{person.window.phone}，{person.window.hours}</li>}
      </ul>
      <Typography.Paragraph type="secondary" lang="zh-CN">{person.note}</Typography.Paragraph>
    </div>
  );
}
