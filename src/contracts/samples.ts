/** 材料样本 (5.2.6 a): the printable sample of one material, by the matter that lists it or by the item that asks for it. */
import { Type } from 'typebox';

const MaterialId = Type.String({ maxLength: 100, description: '材料编号（办事指南、办理方案中的材料 id）' });

export const MatterSampleParams = Type.Object({ id: Type.String({ maxLength: 100, description: '“一件事”编号' }), material: MaterialId });
export const ItemSampleParams = Type.Object({ code: Type.String({ maxLength: 100, description: '事项编码' }), material: MaterialId });

export { hasSample, itemSamplePath, matterSamplePath } from './sample-paths.ts';
