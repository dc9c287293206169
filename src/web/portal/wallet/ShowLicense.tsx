/**
 * 亮证: a QR code and a six-digit code for one licence, valid for a few minutes, so the person at the
 * counter scans it and sees the licence verified; a photo of the screen is useless afterwards.
 */
import { Alert, Button, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { PresentationAnswer } from '../../../contracts/presentation.ts';
import type { WalletLicense } from '../../../contracts/results.ts';
import { errorText, post } from '../../shared/api.ts';
import { MUTED } from '../../shared/form/muted.ts';
import { minuteText } from '../../shared/dates.ts';
import { Zh } from '../../shared/fillNodes.tsx';
import { usePrefs } from '../../shared/prefs.tsx';
import { word } from '../../shared/words.ts';

/** Seconds left until `iso`, ticking once a second; 0 once past. */
function useSecondsLeft(iso: string | null): number {
  const left = () => (iso ? Math.max(0, Math.ceil((new Date(iso).getTime() - Date.now()) / 1000)) : 0);
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    if (!iso) return undefined;
    const timer = window.setInterval(() => setSeconds(left()), 1000);
    return () => window.clearInterval(timer);
  }, [iso]);
  return seconds;
}

/** The query that words the verification page a link opens: only English is asked for (see Wallet.tsx). */
export const verifyLangQuery = (lang: string): string => (lang === 'en' ? '?lang=en' : '');

const minutesText = (s: number) => word('sl_time', { m: Math.floor(s / 60), s: String(s % 60).padStart(2, '0') });

export function ShowLicense({ license }: { license: WalletLicense }) {
  const { t, lang } = usePrefs();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<PresentationAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const left = useSecondsLeft(shown?.expiresAt ?? null);
  const fetchCode = async () => {
    setBusy(true);
    setError(null);
    try {
      setShown(await post<PresentationAnswer>(`/api/wallet/licenses/${license.id}/presentation${verifyLangQuery(lang)}`));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const expired = shown !== null && left === 0;
  return (
    <>
      <Button type="primary" onClick={() => { setOpen(true); void fetchCode(); }}>{t('sl_button')}<span className="visually-hidden">{t('colon')}<Zh>{license.name}</Zh></span></Button>
      <Modal open={open} title={<>{t('sl_title')}<Zh>{license.name}</Zh></>} onCancel={() => { setOpen(false); setShown(null); }} footer={<Button onClick={() => { setOpen(false); setShown(null); }}>{t('sl_close')}</Button>} destroyOnHidden>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {busy && <Spin description={t('sl_making')} />}
        {shown && !busy && (
          <div style={{ textAlign: 'center' }}>
            {expired ? (
              <Alert type="warning" showIcon title={t('sl_expired')} description={t('sl_expiredText')} action={<Button onClick={() => void fetchCode()}>{t('sl_again')}</Button>} style={{ textAlign: 'start' }} />
            ) : (
              <>
                <img src={shown.qr} alt={lang === 'zh' ? `${license.name}的亮证二维码` : t('sl_qrAlt')} width={240} height={240} style={{ display: 'block', margin: '0 auto', maxWidth: '100%', height: 'auto' }} />
                <Typography.Paragraph style={{ margin: '8px 0 0' }}>{t('sl_code')}</Typography.Paragraph>
                <Typography.Paragraph style={{ fontSize: '2em', letterSpacing: '0.2em', fontFamily: 'monospace', margin: 0 }} aria-label={`${t('sl_code')} ${shown.code.split('').join(' ')}`}>{shown.code}</Typography.Paragraph>
                <Typography.Paragraph style={MUTED}>
                  {t('sl_check', { at: minuteText(shown.expiresAt, lang) })}<span role="timer" aria-live="off">{t('sl_left', { time: minutesText(left) })}</span>{t('case_period')}
                </Typography.Paragraph>
                <Typography.Paragraph style={MUTED}><a href={shown.url} target="_blank" rel="noopener noreferrer">{t('sl_open')}</a></Typography.Paragraph>
              </>
            )}
          </div>
        )}
      </Modal>
    </>
  );
}
