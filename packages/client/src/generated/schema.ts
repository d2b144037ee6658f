// This file is generated from spec/servers.yaml by `pnpm generate`. Do not edit it by hand.
export interface paths {
    "/servers/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List all servers
         * @description Retrieve a list of all servers in your account.
         */
        get: operations["listServers"];
        put?: never;
        /**
         * Create a new server
         * @description Deploy a new VPS server with the specified configuration. The server is created in the
         *     `provisioning` status and becomes `active` when it is ready, typically in 2-5 minutes
         *     (**inferred** from the documented response's `message`).
         */
        post: operations["createServer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/servers/{server_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique server ID.
                 * @example 12345
                 */
                server_id: components["parameters"]["ServerId"];
            };
            cookie?: never;
        };
        /**
         * Get server details
         * @description Retrieve detailed information about a specific server.
         */
        get: operations["getServer"];
        /**
         * Update server
         * @description Update the server configuration. All fields are required.
         */
        put: operations["updateServer"];
        post?: never;
        /**
         * Delete server
         * @description Permanently delete a server. This action cannot be undone.
         */
        delete: operations["deleteServer"];
        options?: never;
        head?: never;
        /**
         * Partially update server
         * @description Update specific server fields. Only the specified fields will be updated. **Inferred:** the
         *     fields are those of `PUT` (`name`, `hostname`, `backups_enabled`), and at least one must be
         *     given.
         */
        patch: operations["partialUpdateServer"];
        trace?: never;
    };
    "/servers/{server_id}/reboot/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique server ID.
                 * @example 12345
                 */
                server_id: components["parameters"]["ServerId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reboot server
         * @description Gracefully restart a running server.
         */
        post: operations["rebootServer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/servers/{server_id}/start/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique server ID.
                 * @example 12345
                 */
                server_id: components["parameters"]["ServerId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start server
         * @description Power on a stopped server.
         */
        post: operations["startServer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/servers/{server_id}/stop/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique server ID.
                 * @example 12345
                 */
                server_id: components["parameters"]["ServerId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop server
         * @description Gracefully shut down a running server.
         */
        post: operations["stopServer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The result of a power action. */
        ActionResult: {
            /**
             * @description A human-readable description of what happens next.
             * @example Server is starting
             */
            message: string;
            server: components["schemas"]["ServerRef"];
            /**
             * @description Always `success` when the command was accepted (**inferred**; the documentation shows only this value).
             * @example success
             * @enum {string}
             */
            status: "success";
        };
        /**
         * @description **Inferred.** The body of every error response. `code` is stable and machine-readable;
         *     known values: `invalid_request` (400), `invalid_state` (400 on an action the server's
         *     status does not allow), `unauthorized` (401), `payment_required` (402), `not_found` (404),
         *     `rate_limited` (429), `internal_error` (500). New codes may be added.
         */
        Error: {
            /**
             * @description Machine-readable error code.
             * @example invalid_request
             */
            code: string;
            /** @description For invalid input, one entry per offending field. */
            details?: components["schemas"]["FieldError"][];
            /**
             * @description Human-readable explanation.
             * @example Invalid parameters.
             */
            message: string;
        };
        /** @description What is wrong with one input field. */
        FieldError: {
            /**
             * @description The field's name (for a query or path parameter, the parameter's name).
             * @example name
             */
            field: string;
            /**
             * @description What is wrong with it.
             * @example Must contain only letters
             * @example digits and hyphens.
             */
            message: string;
        };
        /**
         * @description Server hostname (FQDN). **Inferred limits:** dot-separated labels of letters, digits and
         *     hyphens, at most 253 characters.
         * @example web01.example.com
         */
        Hostname: string;
        /**
         * Format: ipv4
         * @description The server's public IPv4 address; `null` while the server is provisioning.
         * @example 203.0.113.10
         */
        IPv4Address: string | null;
        /**
         * Format: ipv6
         * @description The server's public IPv6 address. **Inferred:** `null` while the server is provisioning,
         *     like `ip_address`.
         * @example 2001:0db8::1
         */
        IPv6Address: string | null;
        /**
         * @description Data center location code. **Inferred format:** lower-case words joined by hyphens, at most
         *     32 characters (for example `us-west`, `us-east`).
         * @example us-west
         */
        Location: string;
        /** @description The operating system installed on the server. */
        OperatingSystem: {
            /**
             * @description Operating system ID.
             * @example 5
             */
            id: number;
            /**
             * @description Operating system name and version.
             * @example Ubuntu 22.04 LTS
             */
            name: string;
        };
        /** @description The VPS plan the server runs on. */
        Plan: {
            /**
             * @description Monthly bandwidth allowance in GB (**inferred** unit).
             * @example 2048
             */
            bandwidth?: number;
            /**
             * @description Plan ID.
             * @example 1
             */
            id: number;
            /**
             * @description Memory in MiB (**inferred** unit).
             * @example 4096
             */
            memory: number;
            /**
             * @description Plan name.
             * @example Standard VPS
             */
            name: string;
            /**
             * @description Disk storage in GB (**inferred** unit).
             * @example 80
             */
            storage: number;
            /**
             * @description Number of virtual CPUs.
             * @example 2
             */
            vcpus: number;
        };
        /** @description The VPS plan with its monthly bandwidth allowance. */
        PlanDetail: components["schemas"]["Plan"] & {
            /**
             * @description Monthly bandwidth allowance in GB (**inferred** unit).
             * @example 2048
             */
            bandwidth: number;
        };
        /** @description The server's current resource usage. */
        ResourceUsage: {
            /**
             * @description Bandwidth used in the current month, in GB (**inferred** unit).
             * @example 450
             */
            bandwidth_used: number;
            /**
             * @description CPU usage in percent of the plan's vCPUs (**inferred**; 0 to 100).
             * @example 23.5
             */
            cpu_percent: number;
            /**
             * @description Disk space in use, in GB (**inferred** unit).
             * @example 35
             */
            disk_used: number;
            /**
             * @description Memory in use, in MiB (**inferred** unit).
             * @example 2048
             */
            memory_used: number;
        };
        /** @description A server in detail, as returned by get, update and partial update. */
        Server: components["schemas"]["ServerSummary"] & {
            /**
             * @description Whether automatic backups are enabled.
             * @example true
             */
            backups_enabled: boolean;
            ipv6_address: components["schemas"]["IPv6Address"];
            plan: components["schemas"]["PlanDetail"];
            resource_usage: components["schemas"]["ResourceUsage"];
        };
        /** @description The configuration of a new server. */
        ServerCreate: {
            /**
             * @description Enable automatic backups (default `false`).
             * @default false
             * @example true
             */
            backups_enabled?: boolean;
            hostname?: components["schemas"]["Hostname"];
            location: components["schemas"]["Location"];
            name: components["schemas"]["ServerName"];
            /**
             * @description Operating system ID.
             * @example 5
             */
            os_id: number;
            /**
             * @description VPS plan ID.
             * @example 1
             */
            plan_id: number;
            /**
             * @description ID of the SSH key to install.
             * @example 42
             */
            ssh_key_id?: number;
        };
        /** @description The server just created, with a message about its provisioning. */
        ServerCreated: components["schemas"]["ServerSummary"] & {
            /**
             * @description Whether automatic backups are enabled.
             * @example true
             */
            backups_enabled: boolean;
            /**
             * @description A human-readable note on the provisioning.
             * @example Server is being provisioned. This may take 2-5 minutes.
             */
            message: string;
        };
        /**
         * Format: int64
         * @description Unique server ID, a positive integer.
         * @example 12345
         */
        ServerIdValue: number;
        /** @description The servers in the account. */
        ServerList: {
            /**
             * @description Number of servers in `results`. **Inferred:** the documentation shows no paging, so
             *     `results` holds every server and `count` is its length.
             * @example 2
             */
            count: number;
            /** @description The servers. */
            results: components["schemas"]["ServerSummary"][];
        };
        /**
         * @description Server name: letters, digits and hyphens. **Inferred limits:** 1 to 63 characters
         *     (one DNS label), starting and ending with a letter or digit.
         * @example web-server-01
         */
        ServerName: string;
        /** @description Some of the server's configuration; only the fields given are updated, at least one. */
        ServerPatch: {
            /**
             * @description Enable or disable automatic backups.
             * @example true
             */
            backups_enabled?: boolean;
            hostname?: components["schemas"]["Hostname"];
            name?: components["schemas"]["ServerName"];
        };
        /** @description The server an action applies to, with its new status. */
        ServerRef: {
            id: components["schemas"]["ServerIdValue"];
            name: components["schemas"]["ServerName"];
            status: components["schemas"]["ServerStatus"];
        };
        /**
         * @description The server's full configuration. All fields are required, as documented, `hostname` too:
         *     replacing a server that was created without a hostname gives it one.
         */
        ServerReplace: {
            /**
             * @description Enable or disable automatic backups.
             * @example true
             */
            backups_enabled: boolean;
            hostname: components["schemas"]["Hostname"];
            name: components["schemas"]["ServerName"];
        };
        /**
         * @description The server's lifecycle status. The values are the documentation's (the list filter and the
         *     examples); **inferred:** what each means and what it becomes:
         *
         *     - `provisioning`: being created; `ip_address` is `null` until it is ready.
         *     - `active`: running.
         *     - `starting`: a start was requested; becomes `active`.
         *     - `stopping`: a stop was requested; becomes `stopped`.
         *     - `stopped`: powered off.
         *     - `rebooting`: a reboot was requested; becomes `active`.
         *     - `suspended`: suspended by VPS.org (for example for billing); cannot be started.
         * @example active
         * @enum {string}
         */
        ServerStatus: "provisioning" | "active" | "starting" | "stopping" | "stopped" | "rebooting" | "suspended";
        /**
         * @description The statuses the list can be filtered by.
         * @example active
         * @enum {string}
         */
        ServerStatusFilter: "active" | "stopped" | "suspended";
        /** @description A server as it appears in the server list. */
        ServerSummary: {
            created_at: components["schemas"]["Timestamp"];
            /**
             * @description The server's hostname (FQDN). **Inferred:** `null` when none was given at creation
             *     (it is optional there).
             */
            hostname: components["schemas"]["Hostname"] | null;
            id: components["schemas"]["ServerIdValue"];
            ip_address: components["schemas"]["IPv4Address"];
            location: components["schemas"]["Location"];
            name: components["schemas"]["ServerName"];
            os: components["schemas"]["OperatingSystem"];
            plan: components["schemas"]["Plan"];
            status: components["schemas"]["ServerStatus"];
            updated_at: components["schemas"]["Timestamp"];
        };
        /**
         * Format: date-time
         * @description A moment in time, RFC 3339 in UTC.
         * @example 2025-01-10T14:30:00Z
         */
        Timestamp: string;
    };
    responses: {
        /** @description Bad request - invalid parameters. */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description **Inferred.** Internal server error - something went wrong on VPS.org's side. Safe to
         *     retry for idempotent requests.
         */
        InternalError: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description **Inferred.** Bad request - a query parameter is invalid (for example an unknown `status`). */
        InvalidQuery: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description **Inferred.** Bad request - `server_id` is not a positive integer. */
        InvalidServerId: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Bad request - the server is not in a state that allows this action. */
        InvalidState: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Server not found - the server does not exist. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Payment required - insufficient credits. */
        PaymentRequired: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description **Inferred.** Too many requests - the rate limit was exceeded. Wait as long as
         *     `Retry-After` says before retrying.
         */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unauthorized - invalid or missing API token. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Unique server ID.
         * @example 12345
         */
        ServerId: components["schemas"]["ServerIdValue"];
    };
    requestBodies: never;
    headers: {
        /**
         * @description **Inferred.** An identifier of this request, to quote when contacting support.
         * @example req_8f14e45fceea167a
         */
        RequestId: string;
        /**
         * @description **Inferred.** How long to wait before retrying: a number of seconds, or an HTTP date.
         * @example 30
         */
        RetryAfter: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listServers: {
        parameters: {
            query?: {
                /**
                 * @description Filter by data center location.
                 * @example us-west
                 */
                location?: components["schemas"]["Location"];
                /**
                 * @description Filter by server status.
                 * @example active
                 */
                status?: components["schemas"]["ServerStatusFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server list retrieved successfully. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServerList"];
                };
            };
            400: components["responses"]["InvalidQuery"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    createServer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServerCreate"];
            };
        };
        responses: {
            /** @description Server created successfully. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServerCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getServer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique server ID.
                 * @example 12345
                 */
                server_id: components["parameters"]["ServerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server information retrieved successfully. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Server"];
                };
            };
            400: components["responses"]["InvalidServerId"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    updateServer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique server ID.
                 * @example 12345
                 */
                server_id: components["parameters"]["ServerId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServerReplace"];
            };
        };
        responses: {
            /**
             * @description Server updated successfully. The body (**inferred**: the documentation shows none) is
             *     the updated server.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Server"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description **Inferred.** Unauthorized - invalid or missing API token. */
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteServer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique server ID.
                 * @example 12345
                 */
                server_id: components["parameters"]["ServerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server deleted successfully. The response has no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["InvalidServerId"];
            /** @description **Inferred.** Unauthorized - invalid or missing API token. */
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    partialUpdateServer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique server ID.
                 * @example 12345
                 */
                server_id: components["parameters"]["ServerId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServerPatch"];
            };
        };
        responses: {
            /** @description **Inferred.** Server updated successfully; the body is the updated server. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Server"];
                };
            };
            /** @description **Inferred.** Bad request - invalid parameters, or an empty body. */
            400: components["responses"]["BadRequest"];
            /** @description **Inferred.** Unauthorized - invalid or missing API token. */
            401: components["responses"]["Unauthorized"];
            /** @description **Inferred.** Server not found - the server does not exist. */
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    rebootServer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique server ID.
                 * @example 12345
                 */
                server_id: components["parameters"]["ServerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server reboot command sent successfully. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionResult"];
                };
            };
            /** @description Bad request - the server is not running. */
            400: components["responses"]["InvalidState"];
            /** @description **Inferred.** Unauthorized - invalid or missing API token. */
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    startServer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique server ID.
                 * @example 12345
                 */
                server_id: components["parameters"]["ServerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server start command sent successfully. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionResult"];
                };
            };
            /** @description Bad request - the server is already running. */
            400: components["responses"]["InvalidState"];
            /** @description **Inferred.** Unauthorized - invalid or missing API token. */
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    stopServer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Unique server ID.
                 * @example 12345
                 */
                server_id: components["parameters"]["ServerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description **Inferred.** Server stop command sent successfully. The documentation lists no status
             *     codes for stop; the body is its example.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionResult"];
                };
            };
            /** @description **Inferred.** Bad request - the server is not running. */
            400: components["responses"]["InvalidState"];
            /** @description **Inferred.** Unauthorized - invalid or missing API token. */
            401: components["responses"]["Unauthorized"];
            /** @description **Inferred.** Server not found - the server does not exist. */
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
}
