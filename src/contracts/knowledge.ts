/** The 12345 hotline's knowledge base, drawn from the published guides (clause 7.2.3). */
import { Type } from 'typebox';
import { Nullable } from './http.ts';

export const KnowledgeEntry = Type.Object({
  id: Type.String({ description: '知识编号' }), title: Type.String({ description: '标题（问题）' }), answer: Type.String(), category: Type.String({ description: '知识分类（人生阶段）' }),
  matterId: Type.String(), matterName: Type.String(), department: Type.String({ description: '责任部门' }), partners: Type.Array(Type.String()),
  keywords: Type.Array(Type.String()), sourceVersion: Type.Integer({ description: '来源目录版本' }), validFrom: Type.String(), validUntil: Nullable(Type.String()),
});
export const KnowledgeAnswer = Type.Object({ version: Type.Integer(), publishedAt: Type.String(), entries: Type.Array(KnowledgeEntry) });
