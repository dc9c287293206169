/** One material to hand in: what the department checks, the files already sent, and an upload with progress. */
import { Alert, Button, Image, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState, type ReactNode } from 'react';
import type { CaseFile, CaseMaterial, PlannedMaterial } from './types.ts';
import { MUTED } from '../../shared/form/muted.ts';
import { exemptionText, formText, mediumText } from '../../shared/planLabels.ts';
import { usePrefs } from '../../shared/prefs.tsx';
import { englishError } from '../../shared/api.ts';
import { activeLang } from '../../shared/messages/index.ts';
import { word } from '../../shared/words.ts';
import { hasSample, itemSamplePath } from '../../../contracts/sample-paths.ts';
import { SampleLink } from '../guide/MaterialKind.tsx';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export const materialDomId = (id: string) => `material-${id}`;

const isImage = (name: string) => /\.(jpe?g|png)$/i.test(name);

function uploadError(file: UploadFile): string {
  const status = (file.error as { status?: number } | undefined)?.status;
  const body = file.response as { message?: string } | undefined;
  const name = file.name;
  if (status === 413) return word('up_tooBig', { name });
  if (status === 415) return word('up_badType', { name });
  if (status === 401) return word('up_expired');
  // The server's own words are Chinese: in English its code says what went wrong.
  const failed = body?.message ? (activeLang() === 'zh' ? body.message : englishError((body as { code?: string }).code)) : null;
  return failed ? word('up_failedMsg', { name, message: failed }) : word('up_failed', { name });
}

/** Files already attached: a thumbnail for pictures, a link for PDFs. */
export function FileList({ caseId, files }: { caseId: string; files: CaseFile[] }) {
  const { t } = usePrefs();
  if (files.length === 0) return null;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0', display: 'flex', flexWrap: 'wrap', gap: 12 }}>
      {files.map((f) => {
        const url = `/api/cases/${caseId}/files/${f.id}`;
        return (
          <li key={f.id} style={{ maxWidth: '100%' }}>
            <Space align="center" wrap>
              {isImage(f.name)
                ? <Image src={url} alt={t('up_uploaded', { name: f.name })} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} />
                : <Tag color="red" aria-hidden="true">PDF</Tag>}
              <span style={{ overflowWrap: 'anywhere' }}>
                <a href={url} target="_blank" rel="noopener noreferrer" lang="zh-CN">{f.name}</a>
                {!isImage(f.name) && <Typography.Text style={MUTED}>{t('up_download')}</Typography.Text>}
                {f.status === 'returned' && <Tag style={{ marginInlineStart: 4 }}>{t('up_returned')}</Tag>}
              </span>
            </Space>
          </li>
        );
      })}
    </ul>
  );
}

export function ReviewPoints({ planned }: { planned: PlannedMaterial }) {
  const { t } = usePrefs();
  return (
    <div>
      <Space wrap size={[4, 4]} style={{ display: 'flex', marginBottom: 4 }} aria-label={t('up_copiesForm')}>
        <Tag>{t('up_copies', { n: planned.copies })}</Tag>
        <Tag>{formText(planned.form)}</Tag>
        <Tag>{mediumText(planned.medium)}</Tag>
      </Space>
      {planned.review.formal.length > 0 && (
        <>
          <Typography.Text style={{ ...MUTED, display: 'block' }}>{t('up_checks')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: '1.3em' }} lang="zh-CN">
            {planned.review.formal.map((p) => <li key={p}>{p}</li>)}
          </ul>
        </>
      )}
      {planned.alternatives.length > 0 && (
        <Typography.Paragraph style={{ ...MUTED, margin: '4px 0 0' }}>
          {t('up_alsoSpare')}{planned.alternatives.map((a, i) => <span key={a.kind + a.evidence}>{i > 0 && t('clauseSep')}{exemptionText(a.kind)}<span lang="zh-CN">（{a.evidence}）</span></span>)}
        </Typography.Paragraph>
      )}
      {hasSample(planned) && planned.items[0] && (
        <Typography.Paragraph style={{ ...MUTED, margin: '4px 0 0' }}>
          {planned.sample && /^(https?:)?\//.test(planned.sample)
            ? <>{t('up_sample')}<a href={planned.sample} target="_blank" rel="noopener noreferrer" style={{ textDecoration: 'underline' }}>{t('up_viewSample')}</a> </>
            : planned.sample && <>{t('up_sample')}<span lang="zh-CN">{planned.sample}</span> </>}
          {/* The platform's own sample, generated from the catalogue (samples.ts): the item that asks for it knows its form. */}
          <SampleLink href={itemSamplePath(planned.items[0], planned.id)} name={planned.name} />
        </Typography.Paragraph>
      )}
    </div>
  );
}

export interface MaterialUploadProps {
  caseId: string;
  material: CaseMaterial;
  planned: PlannedMaterial | undefined;
  /** After a file is stored: reload the case to list it. */
  onUploaded(): void;
  /** Why this material is asked for now (a supplement request, a deferred deadline). */
  note?: ReactNode;
}

export function MaterialUpload({ caseId, material, planned, onUploaded, note }: MaterialUploadProps) {
  const { t } = usePrefs();
  const [list, setList] = useState<UploadFile[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const titleId = `${materialDomId(material.id)}-title`;
  const uploaded = material.files.filter((f) => f.status !== 'returned').length > 0;
  return (
    <section id={materialDomId(material.id)} aria-labelledby={titleId} tabIndex={-1}
      style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, outlineOffset: 2 }}>
      <Typography.Title level={4} id={titleId} style={{ fontSize: '1.05em', marginTop: 0 }}>
        <span lang="zh-CN">{material.name}</span>{' '}
        {uploaded ? <Tag color="green">{t('up_done')}</Tag> : material.deferrable ? <Tag color="gold">{t('up_later')}</Tag> : <Tag color="red">{t('up_needed')}</Tag>}
      </Typography.Title>
      {note && <Alert type="warning" showIcon title={note} style={{ marginBottom: 8 }} />}
      {planned && <ReviewPoints planned={planned} />}
      <FileList caseId={caseId} files={material.files} />
      <Upload
        action={`/api/cases/${caseId}/materials/${encodeURIComponent(material.id)}/files`}
        name="file" accept={ACCEPT} multiple withCredentials fileList={list}
        beforeUpload={(file) => {
          if (file.size > MAX_BYTES) {
            setErrors((e) => [...e, t('up_over', { name: file.name })]);
            return Upload.LIST_IGNORE;
          }
          setErrors([]);
          return true;
        }}
        onChange={({ file, fileList }) => {
          setList(fileList.filter((f) => f.status === 'uploading'));
          if (file.status === 'done') onUploaded();
          if (file.status === 'error') setErrors((e) => [...e, uploadError(file)]);
        }}
      >
        <Button style={{ marginTop: 8 }} aria-describedby={`${titleId}-hint`}>{uploaded ? t('up_again') : t('up_choose')}</Button>
      </Upload>
      <Typography.Paragraph id={`${titleId}-hint`} style={{ ...MUTED, margin: '4px 0 0' }}>
        {t('up_hint')}
      </Typography.Paragraph>
      <div role="alert">
        {errors.map((e) => <Alert key={e} type="error" showIcon title={e} style={{ marginTop: 8 }} />)}
      </div>
    </section>
  );
}
