/**
 * The API's contracts: request and answer shapes (TypeBox, so JSON Schema and TypeScript types at
 * once), the error registry and each route's security. Pure: typebox and these files only, so the
 * server validates and serializes with them and the web app reads its types from them.
 */
export * from './admin.ts';
export * from './cases.ts';
export * from './catalogue.ts';
export * from './catalog-sync.ts';
export * from './circulation.ts';
export * from './commitments.ts';
export * from './errors.ts';
export * from './http.ts';
export * from './identity.ts';
export * from './oidc.ts';
export * from './handoff.ts';
export * from './oversight.ts';
export * from './ratings.ts';
export * from './results.ts';
export * from './presentation.ts';
export * from './search.ts';
export * from './simulate.ts';
export * from './tasks.ts';
export * from './versions.ts';
export * from './window.ts';
export * from './window-search.ts';
export * from './progress.ts';
export * from './consultations.ts';
export * from './recommendations.ts';
export * from './offers.ts';
export * from './auto-decision.ts';
export * from './knowledge.ts';
export * from './reporting.ts';
export * from './precheck.ts';
export * from './regions.ts';
export * from './fees.ts';
export * from './samples.ts';
