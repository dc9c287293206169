/** One material to hand in: what the department checks, the files already sent, and an upload with progress. */
import { Alert, Button, Image, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import type { CaseFile, CaseMaterial, PlannedMaterial } from './types.ts';
import { MUTED } from '../../shared/form/muted.ts';
import { EXEMPTION_TEXT, MATERIAL_FORM_TEXT, MATERIAL_MEDIUM_TEXT } from '../../../core/planning/labels.ts';

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export const materialDomId = (id: string) => `material-${id}`;

const isImage = (name: string) => /\.(jpe?g|png)$/i.test(name);

function uploadError(file: UploadFile): string {
  const status = (file.error as { status?: number } | undefined)?.status;
  const body = file.response as { message?: string } | undefined;
  if (status === 413) return `「${file.name}」太大了，请上传不超过 10 MB 的文件（可以压缩图片或分页扫描）。`;
  if (status === 415) return `「${file.name}」的类型不被接受，请上传 PDF、JPG 或 PNG 文件。`;
  if (status === 401) return '登录已过期，请重新登录后再上传。';
  return body?.message ? `「${file.name}」上传失败：${body.message}` : `「${file.name}」上传失败，请检查网络后重试。`;
}

/** Files already attached: a thumbnail for pictures, a link for PDFs. */
export function FileList({ caseId, files }: { caseId: string; files: CaseFile[] }) {
  if (files.length === 0) return null;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0', display: 'flex', flexWrap: 'wrap', gap: 12 }}>
      {files.map((f) => {
        const url = `/api/cases/${caseId}/files/${f.id}`;
        return (
          <li key={f.id} style={{ maxWidth: '100%' }}>
            <Space align="center" wrap>
              {isImage(f.name)
                ? <Image src={url} alt={`已上传：${f.name}`} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} />
                : <Tag color="red" aria-hidden="true">PDF</Tag>}
              <span style={{ overflowWrap: 'anywhere' }}>
                <a href={url} target="_blank" rel="noopener noreferrer">{f.name}</a>
                {!isImage(f.name) && <Typography.Text style={MUTED}>（下载查看）</Typography.Text>}
                {f.status === 'returned' && <Tag style={{ marginInlineStart: 4 }}>已退回</Tag>}
              </span>
            </Space>
          </li>
        );
      })}
    </ul>
  );
}

export function ReviewPoints({ planned }: { planned: PlannedMaterial }) {
  return (
    <div>
      <Space wrap size={[4, 4]} style={{ display: 'flex', marginBottom: 4 }} aria-label="份数与形式">
        <Tag>{planned.copies} 份</Tag>
        <Tag>{MATERIAL_FORM_TEXT[planned.form]}</Tag>
        <Tag>{MATERIAL_MEDIUM_TEXT[planned.medium]}</Tag>
      </Space>
      {planned.review.formal.length > 0 && (
        <>
          <Typography.Text style={{ ...MUTED, display: 'block' }}>审核时会检查：</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: '1.3em' }}>
            {planned.review.formal.map((p) => <li key={p}>{p}</li>)}
          </ul>
        </>
      )}
      {planned.alternatives.length > 0 && (
        <Typography.Paragraph style={{ ...MUTED, margin: '4px 0 0' }}>
          也可以免交：{planned.alternatives.map((a) => `${EXEMPTION_TEXT[a.kind]}（${a.evidence}）`).join('；')}
        </Typography.Paragraph>
      )}
      {planned.sample && (
        <Typography.Paragraph style={{ ...MUTED, margin: '4px 0 0' }}>
          样例：{/^(https?:)?\//.test(planned.sample) ? <a href={planned.sample} target="_blank" rel="noopener noreferrer">查看样例</a> : planned.sample}
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
  note?: string;
}

export function MaterialUpload({ caseId, material, planned, onUploaded, note }: MaterialUploadProps) {
  const [list, setList] = useState<UploadFile[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const titleId = `${materialDomId(material.id)}-title`;
  const uploaded = material.files.filter((f) => f.status !== 'returned').length > 0;
  return (
    <section id={materialDomId(material.id)} aria-labelledby={titleId} tabIndex={-1}
      style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, outlineOffset: 2 }}>
      <Typography.Title level={4} id={titleId} style={{ fontSize: '1.05em', marginTop: 0 }}>
        {material.name}{' '}
        {uploaded ? <Tag color="green">已上传</Tag> : material.deferrable ? <Tag color="gold">可容缺，稍后补交</Tag> : <Tag color="red">需上传</Tag>}
      </Typography.Title>
      {note && <Alert type="warning" showIcon title={note} style={{ marginBottom: 8 }} />}
      {planned && <ReviewPoints planned={planned} />}
      <FileList caseId={caseId} files={material.files} />
      <Upload
        action={`/api/cases/${caseId}/materials/${encodeURIComponent(material.id)}/files`}
        name="file" accept={ACCEPT} multiple withCredentials fileList={list}
        beforeUpload={(file) => {
          if (file.size > MAX_BYTES) {
            setErrors((e) => [...e, `「${file.name}」超过 10 MB，请压缩后再上传。`]);
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
        <Button style={{ marginTop: 8 }} aria-describedby={`${titleId}-hint`}>{uploaded ? '再上传一份' : '选择文件上传'}</Button>
      </Upload>
      <Typography.Paragraph id={`${titleId}-hint`} style={{ ...MUTED, margin: '4px 0 0' }}>
        可拍照或选择 PDF、JPG、PNG 文件，单个不超过 10 MB；原件请拍摄清晰完整的照片。
      </Typography.Paragraph>
      <div role="alert">
        {errors.map((e) => <Alert key={e} type="error" showIcon title={e} style={{ marginTop: 8 }} />)}
      </div>
    </section>
  );
}
