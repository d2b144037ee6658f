// Short names for the spec's types (all generated into generated/schema.ts).
import type { components } from './generated/schema.js';

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
export type ApiErrorBody = Schemas['Error'];
