/** Where a material's sample (材料样本) is served, and which materials have one; no schema library, so the web app imports it as it is. */

/** The guide links by matter, the upload step by the item that asks for the material. */
export const matterSamplePath = (matter: string, material: string) => `/api/public/matters/${encodeURIComponent(matter)}/materials/${encodeURIComponent(material)}/sample.pdf`;
export const itemSamplePath = (item: string, material: string) => `/api/public/items/${encodeURIComponent(item)}/materials/${encodeURIComponent(material)}/sample.pdf`;

/** A material has a sample to open when the catalogue names one, or when it is a form to fill in. */
export const hasSample = (m: { kind?: string | null; sample?: string | null }): boolean => Boolean(m.sample) || m.kind === 'form';
