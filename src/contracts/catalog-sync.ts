/** Synchronising with the superior catalogue (上级事项目录): the file it issues and what the sync changed. */
import { Type, type Static } from 'typebox';

export const CatalogueSyncBody = Type.Object({
  catalogue: Type.Unknown({ description: '上级事项目录文件（JSON，格式 onething-base-items/1，见 docs/catalogue-sync.md）' }),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
}, { additionalProperties: false });
export type CatalogueSyncBody = Static<typeof CatalogueSyncBody>;

export const CatalogueSyncAnswer = Type.Object({
  source: Type.String({ description: '上级目录的发布单位' }),
  issuedAt: Type.String(),
  draft: Type.Union([Type.Object({ id: Type.String(), title: Type.String(), defects: Type.Integer({ description: '草稿校验发现的问题数' }) }), Type.Null()], { description: '有改动时新建的目录草稿；没有改动时为空' }),
  updated: Type.Array(Type.Object({
    item: Type.String(), name: Type.String(),
    matchedBy: Type.Union([Type.Literal('code'), Type.Literal('name')], { description: '按事项编码或（首次同步）按事项名称对应' }),
    changes: Type.Array(Type.Object({ label: Type.String(), from: Type.String(), to: Type.String() })),
  })),
  unchanged: Type.Integer({ description: '与上级目录一致、没有改动的事项数' }),
  unimplemented: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), { description: '本地尚无实施清单的基本目录事项' }),
  withdrawn: Type.Array(Type.Object({ item: Type.String(), name: Type.String(), code: Type.String(), reason: Type.String() }), { description: '上级目录已废止或不再列出的本地事项（不自动删除）' }),
});
export type CatalogueSyncAnswer = Static<typeof CatalogueSyncAnswer>;
