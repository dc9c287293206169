/**
 * Reads the 免申即享 policies (`catalog/policies/*.yaml`) and checks them against a catalogue
 * (core/offers/policy.ts). Like the life-event graph they lie beside the versioned documents and
 * `onething catalog check` checks them.
 */
import path from 'node:path';
import type { Catalogue } from '../core/catalog/model.ts';
import type { Defect } from '../core/catalog/types.ts';
import { checkPolicyDocument, type Policy } from '../core/offers/policy.ts';
import { forEachYamlFile } from './yaml.ts';

export const POLICIES_FOLDER = 'policies';
export const DEFAULT_POLICIES_DIR = path.resolve(import.meta.dirname, '../../catalog', POLICIES_FOLDER);

export interface PoliciesResult { policies: Policy[]; defects: Defect[] }

/** Reads and checks every YAML file of the directory; a missing directory gives no policies. */
export function loadPolicies(catalogue: Pick<Catalogue, 'departments' | 'matters'>, dir: string = DEFAULT_POLICIES_DIR, label = `catalog/${POLICIES_FOLDER}`): PoliciesResult {
  const policies: Policy[] = [];
  const defects: Defect[] = [];
  forEachYamlFile(dir, label, defects, (data, file) => checkPolicyDocument(data, file, catalogue, policies, defects));
  return { policies, defects };
}
