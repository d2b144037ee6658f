// This file is generated from spec/servers.yaml by `pnpm generate`. Do not edit it by hand.
import type { operations } from './schema.js';
import type { AtLeastOneProperty, CallOperation, RequestOptions, VpsPromise } from '../operation-call.js';

/** Where each operation of the spec lives on the client: `client[group][method]`. */
export const operationIndex = {
  listServers: { group: "servers", method: "list", httpMethod: "GET", path: "/servers/" },
  createServer: { group: "servers", method: "create", httpMethod: "POST", path: "/servers/" },
  getServer: { group: "servers", method: "get", httpMethod: "GET", path: "/servers/{server_id}/" },
  updateServer: { group: "servers", method: "update", httpMethod: "PUT", path: "/servers/{server_id}/" },
  deleteServer: { group: "servers", method: "delete", httpMethod: "DELETE", path: "/servers/{server_id}/" },
  partialUpdateServer: { group: "servers", method: "patch", httpMethod: "PATCH", path: "/servers/{server_id}/" },
  startServer: { group: "servers", method: "start", httpMethod: "POST", path: "/servers/{server_id}/start/" },
  stopServer: { group: "servers", method: "stop", httpMethod: "POST", path: "/servers/{server_id}/stop/" },
  rebootServer: { group: "servers", method: "reboot", httpMethod: "POST", path: "/servers/{server_id}/reboot/" },
} as const;

/**
 * The operation surface: one method per operation, grouped by the first segment of its path. Each
 * resolves with the operation's result; `.withResponse()` on its promise gives the response too.
 */
export function createOperations(call: CallOperation) {
  return {
    servers: {
      /**
       * List all servers
       *
       * Retrieve a list of all servers in your account.
       *
       * `GET /servers/` (operationId `listServers`).
       */
      list(query?: operations["listServers"]["parameters"]["query"], options?: RequestOptions): VpsPromise<operations["listServers"]["responses"][200]["content"]["application/json"]> {
        return call<operations["listServers"]["responses"][200]["content"]["application/json"]>("GET", "/servers/", { query }, undefined, options, true);
      },
      /**
       * Create a new server
       *
       * Deploy a new VPS server with the specified configuration. The server is created in the
       * `provisioning` status and becomes `active` when it is ready, typically in 2-5 minutes
       * (**inferred** from the documented response's `message`).
       *
       * `POST /servers/` (operationId `createServer`).
       */
      create(body: NonNullable<operations["createServer"]["requestBody"]>["content"]["application/json"], options?: RequestOptions): VpsPromise<operations["createServer"]["responses"][201]["content"]["application/json"]> {
        return call<operations["createServer"]["responses"][201]["content"]["application/json"]>("POST", "/servers/", undefined, body, options, true);
      },
      /**
       * Get server details
       *
       * Retrieve detailed information about a specific server.
       *
       * `GET /servers/{server_id}/` (operationId `getServer`).
       */
      get(serverId: operations["getServer"]["parameters"]["path"]["server_id"], options?: RequestOptions): VpsPromise<operations["getServer"]["responses"][200]["content"]["application/json"]> {
        return call<operations["getServer"]["responses"][200]["content"]["application/json"]>("GET", "/servers/{server_id}/", { path: { "server_id": serverId } }, undefined, options, true);
      },
      /**
       * Update server
       *
       * Update the server configuration. All fields are required.
       *
       * `PUT /servers/{server_id}/` (operationId `updateServer`).
       */
      update(serverId: operations["updateServer"]["parameters"]["path"]["server_id"], body: NonNullable<operations["updateServer"]["requestBody"]>["content"]["application/json"], options?: RequestOptions): VpsPromise<operations["updateServer"]["responses"][200]["content"]["application/json"]> {
        return call<operations["updateServer"]["responses"][200]["content"]["application/json"]>("PUT", "/servers/{server_id}/", { path: { "server_id": serverId } }, body, options, true);
      },
      /**
       * Delete server
       *
       * Permanently delete a server. This action cannot be undone.
       *
       * `DELETE /servers/{server_id}/` (operationId `deleteServer`).
       */
      delete(serverId: operations["deleteServer"]["parameters"]["path"]["server_id"], options?: RequestOptions): VpsPromise<void> {
        return call<void>("DELETE", "/servers/{server_id}/", { path: { "server_id": serverId } }, undefined, options, false);
      },
      /**
       * Partially update server
       *
       * Update specific server fields. Only the specified fields will be updated. **Inferred:** the
       * fields are those of `PUT` (`name`, `hostname`, `backups_enabled`), and at least one must be
       * given.
       *
       * `PATCH /servers/{server_id}/` (operationId `partialUpdateServer`).
       */
      patch(serverId: operations["partialUpdateServer"]["parameters"]["path"]["server_id"], body: AtLeastOneProperty<NonNullable<operations["partialUpdateServer"]["requestBody"]>["content"]["application/json"]>, options?: RequestOptions): VpsPromise<operations["partialUpdateServer"]["responses"][200]["content"]["application/json"]> {
        return call<operations["partialUpdateServer"]["responses"][200]["content"]["application/json"]>("PATCH", "/servers/{server_id}/", { path: { "server_id": serverId } }, body, options, true);
      },
      /**
       * Start server
       *
       * Power on a stopped server.
       *
       * `POST /servers/{server_id}/start/` (operationId `startServer`).
       */
      start(serverId: operations["startServer"]["parameters"]["path"]["server_id"], options?: RequestOptions): VpsPromise<operations["startServer"]["responses"][200]["content"]["application/json"]> {
        return call<operations["startServer"]["responses"][200]["content"]["application/json"]>("POST", "/servers/{server_id}/start/", { path: { "server_id": serverId } }, undefined, options, true);
      },
      /**
       * Stop server
       *
       * Gracefully shut down a running server.
       *
       * `POST /servers/{server_id}/stop/` (operationId `stopServer`).
       */
      stop(serverId: operations["stopServer"]["parameters"]["path"]["server_id"], options?: RequestOptions): VpsPromise<operations["stopServer"]["responses"][200]["content"]["application/json"]> {
        return call<operations["stopServer"]["responses"][200]["content"]["application/json"]>("POST", "/servers/{server_id}/stop/", { path: { "server_id": serverId } }, undefined, options, true);
      },
      /**
       * Reboot server
       *
       * Gracefully restart a running server.
       *
       * `POST /servers/{server_id}/reboot/` (operationId `rebootServer`).
       */
      reboot(serverId: operations["rebootServer"]["parameters"]["path"]["server_id"], options?: RequestOptions): VpsPromise<operations["rebootServer"]["responses"][200]["content"]["application/json"]> {
        return call<operations["rebootServer"]["responses"][200]["content"]["application/json"]>("POST", "/servers/{server_id}/reboot/", { path: { "server_id": serverId } }, undefined, options, true);
      },
    },
  };
}

export type Operations = ReturnType<typeof createOperations>;
