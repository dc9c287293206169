/**
 * 长辈模式 as a labelled, button-sized toggle (aria-pressed): a small switch beside its word was hard to
 * find and to hit. The choice is remembered in the browser by PrefsProvider.
 */
import { usePrefs } from './prefs.tsx';
import './elder-toggle.css';

export function ElderToggle() {
  const { elder, setElder, t } = usePrefs();
  return (
    <button type="button" className="elder-toggle" aria-pressed={elder} onClick={() => setElder(!elder)}>
      <span className="elder-toggle-track" aria-hidden="true"><span /></span>
      <span>{t('elderOn')}</span>
    </button>
  );
}
