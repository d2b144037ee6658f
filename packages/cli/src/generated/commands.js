// This file is generated from spec/servers.yaml by `pnpm generate`. Do not edit it by hand.
// The commands of `vps`, one per operation of the spec, named as @vpsorg/client names them.

/** @type {Record<string, { command: string, description?: string }>} */
export const groups = {
  "servers": {
    "command": "servers",
    "description": "Create, read, update and delete virtual private servers."
  }
};

/** @type {import('../command-types.js').CommandSpec[]} */
export const commands = [
  {
    "operationId": "listServers",
    "group": "servers",
    "name": "list",
    "command": "list",
    "httpMethod": "GET",
    "path": "/servers/",
    "summary": "List all servers",
    "description": "Retrieve a list of all servers in your account.",
    "deprecated": false,
    "args": [],
    "query": [
      {
        "name": "status",
        "flag": "status",
        "required": false,
        "description": "Filter by server status.",
        "schema": {
          "type": "string",
          "enum": [
            "active",
            "stopped",
            "suspended"
          ]
        }
      },
      {
        "name": "location",
        "flag": "location",
        "required": false,
        "description": "Filter by data center location.",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 32,
          "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$"
        }
      }
    ],
    "returnsBody": true,
    "table": {
      "rows": "results",
      "columns": [
        "id",
        "name",
        "hostname",
        "status",
        "ip_address",
        "location",
        "plan",
        "os",
        "created_at",
        "updated_at"
      ]
    },
    "confirm": false,
    "example": [
      "servers",
      "list",
      "--status",
      "active",
      "--location",
      "us-west"
    ]
  },
  {
    "operationId": "createServer",
    "group": "servers",
    "name": "create",
    "command": "create",
    "httpMethod": "POST",
    "path": "/servers/",
    "summary": "Create a new server",
    "description": "Deploy a new VPS server with the specified configuration. The server is created in the `provisioning` status and becomes `active` when it is ready, typically in 2-5 minutes (inferred from the documented response's `message`).",
    "deprecated": false,
    "args": [],
    "query": [],
    "body": {
      "required": true,
      "nonEmpty": false,
      "closed": true,
      "description": "The configuration of a new server.",
      "fields": [
        {
          "name": "name",
          "flag": "name",
          "required": true,
          "description": "Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters (one DNS label), starting and ending with a letter or digit.",
          "schema": {
            "type": "string",
            "minLength": 1,
            "maxLength": 63,
            "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$"
          }
        },
        {
          "name": "plan_id",
          "flag": "plan-id",
          "required": true,
          "description": "VPS plan ID.",
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        },
        {
          "name": "os_id",
          "flag": "os-id",
          "required": true,
          "description": "Operating system ID.",
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        },
        {
          "name": "location",
          "flag": "location",
          "required": true,
          "description": "Data center location code. Inferred format: lower-case words joined by hyphens, at most 32 characters (for example `us-west`, `us-east`).",
          "schema": {
            "type": "string",
            "minLength": 1,
            "maxLength": 32,
            "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$"
          }
        },
        {
          "name": "hostname",
          "flag": "hostname",
          "required": false,
          "description": "Server hostname (FQDN). Inferred limits: dot-separated labels of letters, digits and hyphens, at most 253 characters.",
          "schema": {
            "type": "string",
            "minLength": 3,
            "maxLength": 253,
            "pattern": "^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$"
          }
        },
        {
          "name": "ssh_key_id",
          "flag": "ssh-key-id",
          "required": false,
          "description": "ID of the SSH key to install.",
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        },
        {
          "name": "backups_enabled",
          "flag": "backups-enabled",
          "required": false,
          "description": "Enable automatic backups (default `false`).",
          "schema": {
            "type": "boolean",
            "default": false
          }
        }
      ]
    },
    "returnsBody": true,
    "table": {
      "rows": null,
      "columns": [
        "id",
        "name",
        "hostname",
        "status",
        "ip_address",
        "location",
        "plan",
        "os",
        "created_at",
        "updated_at",
        "backups_enabled",
        "message"
      ]
    },
    "wait": {
      "get": "get",
      "id": [
        "id"
      ],
      "settled": [
        "active",
        "stopped",
        "suspended"
      ]
    },
    "confirm": false,
    "example": [
      "servers",
      "create",
      "--name",
      "web-server-02",
      "--plan-id",
      "1",
      "--os-id",
      "5",
      "--location",
      "us-west",
      "--hostname",
      "web02.example.com",
      "--backups-enabled"
    ]
  },
  {
    "operationId": "getServer",
    "group": "servers",
    "name": "get",
    "command": "get",
    "httpMethod": "GET",
    "path": "/servers/{server_id}/",
    "summary": "Get server details",
    "description": "Retrieve detailed information about a specific server.",
    "deprecated": false,
    "args": [
      {
        "name": "server_id",
        "flag": "server-id",
        "required": true,
        "description": "Unique server ID.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 9007199254740991,
          "format": "int64"
        },
        "example": 12345
      }
    ],
    "query": [],
    "returnsBody": true,
    "table": {
      "rows": null,
      "columns": [
        "id",
        "name",
        "hostname",
        "status",
        "ip_address",
        "location",
        "plan",
        "os",
        "created_at",
        "updated_at",
        "ipv6_address",
        "backups_enabled",
        "resource_usage"
      ]
    },
    "confirm": false,
    "example": [
      "servers",
      "get",
      "12345"
    ]
  },
  {
    "operationId": "updateServer",
    "group": "servers",
    "name": "update",
    "command": "update",
    "httpMethod": "PUT",
    "path": "/servers/{server_id}/",
    "summary": "Update server",
    "description": "Update the server configuration. All fields are required.",
    "deprecated": false,
    "args": [
      {
        "name": "server_id",
        "flag": "server-id",
        "required": true,
        "description": "Unique server ID.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 9007199254740991,
          "format": "int64"
        },
        "example": 12345
      }
    ],
    "query": [],
    "body": {
      "required": true,
      "nonEmpty": false,
      "closed": true,
      "description": "The server's full configuration. All fields are required, as documented, `hostname` too: replacing a server that was created without a hostname gives it one.",
      "fields": [
        {
          "name": "name",
          "flag": "name",
          "required": true,
          "description": "Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters (one DNS label), starting and ending with a letter or digit.",
          "schema": {
            "type": "string",
            "minLength": 1,
            "maxLength": 63,
            "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$"
          }
        },
        {
          "name": "hostname",
          "flag": "hostname",
          "required": true,
          "description": "Server hostname (FQDN). Inferred limits: dot-separated labels of letters, digits and hyphens, at most 253 characters.",
          "schema": {
            "type": "string",
            "minLength": 3,
            "maxLength": 253,
            "pattern": "^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$"
          }
        },
        {
          "name": "backups_enabled",
          "flag": "backups-enabled",
          "required": true,
          "description": "Enable or disable automatic backups.",
          "schema": {
            "type": "boolean"
          }
        }
      ]
    },
    "returnsBody": true,
    "table": {
      "rows": null,
      "columns": [
        "id",
        "name",
        "hostname",
        "status",
        "ip_address",
        "location",
        "plan",
        "os",
        "created_at",
        "updated_at",
        "ipv6_address",
        "backups_enabled",
        "resource_usage"
      ]
    },
    "confirm": false,
    "example": [
      "servers",
      "update",
      "12345",
      "--name",
      "web-server-updated",
      "--hostname",
      "web-updated.example.com",
      "--backups-enabled"
    ]
  },
  {
    "operationId": "deleteServer",
    "group": "servers",
    "name": "delete",
    "command": "delete",
    "httpMethod": "DELETE",
    "path": "/servers/{server_id}/",
    "summary": "Delete server",
    "description": "Permanently delete a server. This action cannot be undone.",
    "deprecated": false,
    "args": [
      {
        "name": "server_id",
        "flag": "server-id",
        "required": true,
        "description": "Unique server ID.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 9007199254740991,
          "format": "int64"
        },
        "example": 12345
      }
    ],
    "query": [],
    "returnsBody": false,
    "confirm": true,
    "example": [
      "servers",
      "delete",
      "12345"
    ]
  },
  {
    "operationId": "partialUpdateServer",
    "group": "servers",
    "name": "patch",
    "command": "patch",
    "httpMethod": "PATCH",
    "path": "/servers/{server_id}/",
    "summary": "Partially update server",
    "description": "Update specific server fields. Only the specified fields will be updated. Inferred: the fields are those of `PUT` (`name`, `hostname`, `backups_enabled`), and at least one must be given.",
    "deprecated": false,
    "args": [
      {
        "name": "server_id",
        "flag": "server-id",
        "required": true,
        "description": "Unique server ID.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 9007199254740991,
          "format": "int64"
        },
        "example": 12345
      }
    ],
    "query": [],
    "body": {
      "required": true,
      "nonEmpty": true,
      "closed": true,
      "description": "Some of the server's configuration; only the fields given are updated, at least one.",
      "fields": [
        {
          "name": "name",
          "flag": "name",
          "required": false,
          "description": "Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters (one DNS label), starting and ending with a letter or digit.",
          "schema": {
            "type": "string",
            "minLength": 1,
            "maxLength": 63,
            "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$"
          }
        },
        {
          "name": "hostname",
          "flag": "hostname",
          "required": false,
          "description": "Server hostname (FQDN). Inferred limits: dot-separated labels of letters, digits and hyphens, at most 253 characters.",
          "schema": {
            "type": "string",
            "minLength": 3,
            "maxLength": 253,
            "pattern": "^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$"
          }
        },
        {
          "name": "backups_enabled",
          "flag": "backups-enabled",
          "required": false,
          "description": "Enable or disable automatic backups.",
          "schema": {
            "type": "boolean"
          }
        }
      ]
    },
    "returnsBody": true,
    "table": {
      "rows": null,
      "columns": [
        "id",
        "name",
        "hostname",
        "status",
        "ip_address",
        "location",
        "plan",
        "os",
        "created_at",
        "updated_at",
        "ipv6_address",
        "backups_enabled",
        "resource_usage"
      ]
    },
    "confirm": false,
    "example": [
      "servers",
      "patch",
      "12345",
      "--name",
      "new-server-name"
    ]
  },
  {
    "operationId": "startServer",
    "group": "servers",
    "name": "start",
    "command": "start",
    "httpMethod": "POST",
    "path": "/servers/{server_id}/start/",
    "summary": "Start server",
    "description": "Power on a stopped server.",
    "deprecated": false,
    "args": [
      {
        "name": "server_id",
        "flag": "server-id",
        "required": true,
        "description": "Unique server ID.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 9007199254740991,
          "format": "int64"
        },
        "example": 12345
      }
    ],
    "query": [],
    "returnsBody": true,
    "table": {
      "rows": null,
      "columns": [
        "status",
        "message",
        "server"
      ]
    },
    "wait": {
      "get": "get",
      "id": [
        "server",
        "id"
      ],
      "settled": [
        "active",
        "stopped",
        "suspended"
      ]
    },
    "confirm": false,
    "example": [
      "servers",
      "start",
      "12345"
    ]
  },
  {
    "operationId": "stopServer",
    "group": "servers",
    "name": "stop",
    "command": "stop",
    "httpMethod": "POST",
    "path": "/servers/{server_id}/stop/",
    "summary": "Stop server",
    "description": "Gracefully shut down a running server.",
    "deprecated": false,
    "args": [
      {
        "name": "server_id",
        "flag": "server-id",
        "required": true,
        "description": "Unique server ID.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 9007199254740991,
          "format": "int64"
        },
        "example": 12345
      }
    ],
    "query": [],
    "returnsBody": true,
    "table": {
      "rows": null,
      "columns": [
        "status",
        "message",
        "server"
      ]
    },
    "wait": {
      "get": "get",
      "id": [
        "server",
        "id"
      ],
      "settled": [
        "active",
        "stopped",
        "suspended"
      ]
    },
    "confirm": false,
    "example": [
      "servers",
      "stop",
      "12345"
    ]
  },
  {
    "operationId": "rebootServer",
    "group": "servers",
    "name": "reboot",
    "command": "reboot",
    "httpMethod": "POST",
    "path": "/servers/{server_id}/reboot/",
    "summary": "Reboot server",
    "description": "Gracefully restart a running server.",
    "deprecated": false,
    "args": [
      {
        "name": "server_id",
        "flag": "server-id",
        "required": true,
        "description": "Unique server ID.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 9007199254740991,
          "format": "int64"
        },
        "example": 12345
      }
    ],
    "query": [],
    "returnsBody": true,
    "table": {
      "rows": null,
      "columns": [
        "status",
        "message",
        "server"
      ]
    },
    "wait": {
      "get": "get",
      "id": [
        "server",
        "id"
      ],
      "settled": [
        "active",
        "stopped",
        "suspended"
      ]
    },
    "confirm": false,
    "example": [
      "servers",
      "reboot",
      "12345"
    ]
  }
];

export const api = {
  "title": "VPS.org Servers API",
  "version": "1.0.0",
  "baseUrl": "https://admin.vps.org/api/v1"
};
