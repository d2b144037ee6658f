// Short names for the spec's types (all generated into generated/schema.ts).
import type { components, operations } from './generated/schema.js';

type Schemas = components['schemas'];
export type Server = Schemas['Server'];
export type ServerSummary = Schemas['ServerSummary'];
export type ServerList = Schemas['ServerList'];
export type ServerCreate = Schemas['ServerCreate'];
export type ServerReplace = Schemas['ServerReplace'];
export type ServerPatch = Schemas['ServerPatch'];
export type ServerCreated = Schemas['ServerCreated'];
export type ActionResult = Schemas['ActionResult'];
export type ServerStatus = Schemas['ServerStatus'];
export type ServerStatusFilter = Schemas['ServerStatusFilter'];
/** The query of `servers.list`: `{ status?, location? }`. */
export type ServerListQuery = NonNullable<operations['listServers']['parameters']['query']>;
export type ApiErrorBody = Schemas['Error'];
