// Type-level checks of the generated types: compiled by generated-code.test.ts with tsc.
// Every `@ts-expect-error` must be needed, so wrong input that compiled would fail the test.
import type { components, operations, paths } from '../../src/generated/schema.js';

type Schemas = components['schemas'];
type ListQuery = NonNullable<operations['listServers']['parameters']['query']>;
type GetPath = paths['/servers/{server_id}/']['get']['parameters']['path'];

// Valid input compiles.
export const create: Schemas['ServerCreate'] = { name: 'web-server-02', plan_id: 1, os_id: 5, location: 'us-west' };
export const replace: Schemas['ServerReplace'] = { name: 'a', hostname: 'a.example.com', backups_enabled: true };
export const patch: Schemas['ServerPatch'] = { backups_enabled: false };
export const query: ListQuery = { status: 'suspended', location: 'us-east' };
export const path: GetPath = { server_id: 12345 };

// @ts-expect-error plan_id is an integer, not a string
export const stringPlanId: Schemas['ServerCreate'] = { name: 'x', plan_id: '1', os_id: 5, location: 'us-west' };
// @ts-expect-error name is required on create
export const missingName: Schemas['ServerCreate'] = { plan_id: 1, os_id: 5, location: 'us-west' };
// @ts-expect-error hostname is required on replace (all fields are)
export const partialReplace: Schemas['ServerReplace'] = { name: 'a', backups_enabled: true };
// @ts-expect-error 'paused' is not a status filter value
export const unknownFilter: ListQuery = { status: 'paused' };
// @ts-expect-error 'provisioning' is a server status but not a list filter value
export const notAFilter: ListQuery = { status: 'provisioning' };
// @ts-expect-error server_id is a number
export const stringId: GetPath = { server_id: '12345' };
// @ts-expect-error request bodies reject unknown properties
export const unknownField: Schemas['ServerPatch'] = { nmae: 'typo' };

// Responses are typed precisely: ip_address may be null, status is the lifecycle union.
export function describeServer(server: Schemas['Server']): string {
  // @ts-expect-error ip_address may be null (while provisioning)
  const ip: string = server.ip_address;
  const bandwidth: number = server.plan.bandwidth;
  const status: 'provisioning' | 'active' | 'starting' | 'stopping' | 'stopped' | 'rebooting' | 'suspended' = server.status;
  return `${ip} ${bandwidth} ${status}`;
}
