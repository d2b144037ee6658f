// This file is generated from spec/servers.yaml by `pnpm generate`. Do not edit it by hand.
// The OpenAPI document of the API (spec/servers.yaml), as data.
export default {
  "openapi": "3.1.0",
  "info": {
    "title": "VPS.org Servers API",
    "version": "1.0.0",
    "summary": "Create, configure, control and monitor your VPS.org virtual private servers.",
    "description": "Manage your VPS servers programmatically. Create, configure, control and monitor your\nvirtual private servers.\n\n## Authentication\nEvery request carries an API token as a Bearer token:\n`Authorization: Bearer YOUR_API_TOKEN`. A missing or invalid token gets `401 Unauthorized`.\n\n## Errors\nEvery error response has the same JSON body, the `Error` schema: a machine-readable `code`,\na human-readable `message` and, for invalid input, `details` naming each offending field.\n\n## What this description adds to the published documentation\nThe published documentation is the contract. Where it is silent, this description decides\nas a careful API designer would, and says so:\n- responses marked **Inferred** in their description are not in the published documentation:\n  `401` on `PUT`, `PATCH`, `DELETE` and the three actions; `404` on `PATCH` and `stop`; `400` on\n  list, get, `DELETE`, `PATCH` and `stop`; every `429` and `500`. The documentation lists no\n  status codes for `PATCH` and `stop` at all;\n- the response bodies of `PUT` and `PATCH`, which the documentation shows no example for (the\n  updated server, as `GET` returns it);\n- the fields `PATCH` accepts (those of `PUT`), and that it needs at least one;\n- the shape of the error body, the `X-Request-Id` and `Retry-After` headers;\n- value constraints (patterns, lengths, minimums), units, which values may be `null`, and the\n  meaning of each server status: each marked **Inferred** on its field;\n- request bodies reject unknown properties, so a misspelt field is an error rather than\n  silently ignored;\n- `contact` and `license` below are this description's; the documentation names neither.\n",
    "contact": {
      "name": "VPS.org API support",
      "url": "https://vps.org/support",
      "email": "support@vps.org"
    },
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    }
  },
  "servers": [
    {
      "url": "https://admin.vps.org/api/v1",
      "description": "Production"
    }
  ],
  "security": [
    {
      "bearerAuth": []
    }
  ],
  "tags": [
    {
      "name": "Servers",
      "description": "Create, read, update and delete virtual private servers."
    },
    {
      "name": "Server actions",
      "description": "Power actions on an existing server. Each returns at once with the server's new\ntransitional status (`starting`, `stopping`, `rebooting`); poll the server to see it settle.\n"
    }
  ],
  "paths": {
    "/servers/": {
      "get": {
        "operationId": "listServers",
        "summary": "List all servers",
        "description": "Retrieve a list of all servers in your account.",
        "tags": [
          "Servers"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "Filter by server status.",
            "schema": {
              "$ref": "#/components/schemas/ServerStatusFilter"
            },
            "example": "active"
          },
          {
            "name": "location",
            "in": "query",
            "required": false,
            "description": "Filter by data center location.",
            "schema": {
              "$ref": "#/components/schemas/Location"
            },
            "example": "us-west"
          }
        ],
        "responses": {
          "200": {
            "description": "Server list retrieved successfully.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ServerList"
                },
                "examples": {
                  "twoServers": {
                    "summary": "Two active servers",
                    "value": {
                      "count": 2,
                      "results": [
                        {
                          "id": 12345,
                          "name": "web-server-01",
                          "hostname": "web01.example.com",
                          "status": "active",
                          "ip_address": "203.0.113.10",
                          "location": "us-west",
                          "plan": {
                            "id": 1,
                            "name": "Standard VPS",
                            "vcpus": 2,
                            "memory": 4096,
                            "storage": 80
                          },
                          "os": {
                            "id": 5,
                            "name": "Ubuntu 22.04 LTS"
                          },
                          "created_at": "2025-01-10T14:30:00Z",
                          "updated_at": "2025-01-15T10:20:00Z"
                        },
                        {
                          "id": 12346,
                          "name": "db-server-01",
                          "hostname": "db01.example.com",
                          "status": "active",
                          "ip_address": "203.0.113.11",
                          "location": "us-east",
                          "plan": {
                            "id": 2,
                            "name": "Performance VPS",
                            "vcpus": 4,
                            "memory": 8192,
                            "storage": 160
                          },
                          "os": {
                            "id": 3,
                            "name": "Debian 12"
                          },
                          "created_at": "2025-01-12T09:15:00Z",
                          "updated_at": "2025-01-16T08:45:00Z"
                        }
                      ]
                    }
                  }
                }
              }
            },
            "links": {
              "GetFirstServer": {
                "$ref": "#/components/links/GetFirstServer"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/InvalidQuery"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "post": {
        "operationId": "createServer",
        "summary": "Create a new server",
        "description": "Deploy a new VPS server with the specified configuration. The server is created in the\n`provisioning` status and becomes `active` when it is ready, typically in 2-5 minutes\n(**inferred** from the documented response's `message`).\n",
        "tags": [
          "Servers"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ServerCreate"
              },
              "examples": {
                "webServer": {
                  "summary": "A web server with backups",
                  "value": {
                    "name": "web-server-02",
                    "plan_id": 1,
                    "os_id": 5,
                    "location": "us-west",
                    "hostname": "web02.example.com",
                    "backups_enabled": true
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Server created successfully.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ServerCreated"
                },
                "examples": {
                  "provisioning": {
                    "summary": "The new server, provisioning",
                    "value": {
                      "id": 12347,
                      "name": "web-server-02",
                      "hostname": "web02.example.com",
                      "status": "provisioning",
                      "ip_address": null,
                      "location": "us-west",
                      "plan": {
                        "id": 1,
                        "name": "Standard VPS",
                        "vcpus": 2,
                        "memory": 4096,
                        "storage": 80
                      },
                      "os": {
                        "id": 5,
                        "name": "Ubuntu 22.04 LTS"
                      },
                      "backups_enabled": true,
                      "created_at": "2025-01-16T15:30:00Z",
                      "updated_at": "2025-01-16T15:30:00Z",
                      "message": "Server is being provisioned. This may take 2-5 minutes."
                    }
                  }
                }
              }
            },
            "links": {
              "GetServer": {
                "$ref": "#/components/links/GetServer"
              },
              "UpdateServer": {
                "$ref": "#/components/links/UpdateServer"
              },
              "PartialUpdateServer": {
                "$ref": "#/components/links/PartialUpdateServer"
              },
              "DeleteServer": {
                "$ref": "#/components/links/DeleteServer"
              },
              "StartServer": {
                "$ref": "#/components/links/StartServer"
              },
              "StopServer": {
                "$ref": "#/components/links/StopServer"
              },
              "RebootServer": {
                "$ref": "#/components/links/RebootServer"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "402": {
            "$ref": "#/components/responses/PaymentRequired"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/servers/{server_id}/": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ServerId"
        }
      ],
      "get": {
        "operationId": "getServer",
        "summary": "Get server details",
        "description": "Retrieve detailed information about a specific server.",
        "tags": [
          "Servers"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "responses": {
          "200": {
            "description": "Server information retrieved successfully.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Server"
                },
                "examples": {
                  "activeServer": {
                    "$ref": "#/components/examples/ActiveServer"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/InvalidServerId"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "put": {
        "operationId": "updateServer",
        "summary": "Update server",
        "description": "Update the server configuration. All fields are required.",
        "tags": [
          "Servers"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ServerReplace"
              },
              "examples": {
                "renameAndEnableBackups": {
                  "summary": "Rename the server and keep backups on",
                  "value": {
                    "name": "web-server-updated",
                    "hostname": "web-updated.example.com",
                    "backups_enabled": true
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Server updated successfully. The body (**inferred**: the documentation shows none) is\nthe updated server.\n",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Server"
                },
                "examples": {
                  "updatedServer": {
                    "$ref": "#/components/examples/UpdatedServer"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized",
            "description": "**Inferred.** Unauthorized - invalid or missing API token."
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "patch": {
        "operationId": "partialUpdateServer",
        "summary": "Partially update server",
        "description": "Update specific server fields. Only the specified fields will be updated. **Inferred:** the\nfields are those of `PUT` (`name`, `hostname`, `backups_enabled`), and at least one must be\ngiven.\n",
        "tags": [
          "Servers"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ServerPatch"
              },
              "examples": {
                "rename": {
                  "summary": "Rename the server",
                  "value": {
                    "name": "new-server-name"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "**Inferred.** Server updated successfully; the body is the updated server.\n",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Server"
                },
                "examples": {
                  "renamedServer": {
                    "$ref": "#/components/examples/RenamedServer"
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest",
            "description": "**Inferred.** Bad request - invalid parameters, or an empty body."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized",
            "description": "**Inferred.** Unauthorized - invalid or missing API token."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "**Inferred.** Server not found - the server does not exist."
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      },
      "delete": {
        "operationId": "deleteServer",
        "summary": "Delete server",
        "description": "Permanently delete a server. This action cannot be undone.",
        "tags": [
          "Servers"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "responses": {
          "204": {
            "description": "Server deleted successfully. The response has no body."
          },
          "400": {
            "$ref": "#/components/responses/InvalidServerId"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized",
            "description": "**Inferred.** Unauthorized - invalid or missing API token."
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/servers/{server_id}/start/": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ServerId"
        }
      ],
      "post": {
        "operationId": "startServer",
        "summary": "Start server",
        "description": "Power on a stopped server.",
        "tags": [
          "Server actions"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "responses": {
          "200": {
            "description": "Server start command sent successfully.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ActionResult"
                },
                "examples": {
                  "starting": {
                    "summary": "The server is starting",
                    "value": {
                      "status": "success",
                      "message": "Server is starting",
                      "server": {
                        "id": 12345,
                        "name": "web-server-01",
                        "status": "starting"
                      }
                    }
                  }
                }
              }
            },
            "links": {
              "GetServer": {
                "$ref": "#/components/links/GetActionServer"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/InvalidState",
            "description": "Bad request - the server is already running."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized",
            "description": "**Inferred.** Unauthorized - invalid or missing API token."
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/servers/{server_id}/stop/": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ServerId"
        }
      ],
      "post": {
        "operationId": "stopServer",
        "summary": "Stop server",
        "description": "Gracefully shut down a running server.",
        "tags": [
          "Server actions"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "responses": {
          "200": {
            "description": "**Inferred.** Server stop command sent successfully. The documentation lists no status\ncodes for stop; the body is its example.\n",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ActionResult"
                },
                "examples": {
                  "stopping": {
                    "summary": "The server is stopping",
                    "value": {
                      "status": "success",
                      "message": "Server is stopping",
                      "server": {
                        "id": 12345,
                        "name": "web-server-01",
                        "status": "stopping"
                      }
                    }
                  }
                }
              }
            },
            "links": {
              "GetServer": {
                "$ref": "#/components/links/GetActionServer"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/InvalidState",
            "description": "**Inferred.** Bad request - the server is not running."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized",
            "description": "**Inferred.** Unauthorized - invalid or missing API token."
          },
          "404": {
            "$ref": "#/components/responses/NotFound",
            "description": "**Inferred.** Server not found - the server does not exist."
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    },
    "/servers/{server_id}/reboot/": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ServerId"
        }
      ],
      "post": {
        "operationId": "rebootServer",
        "summary": "Reboot server",
        "description": "Gracefully restart a running server.",
        "tags": [
          "Server actions"
        ],
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "responses": {
          "200": {
            "description": "Server reboot command sent successfully.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ActionResult"
                },
                "examples": {
                  "rebooting": {
                    "summary": "The server is rebooting",
                    "value": {
                      "status": "success",
                      "message": "Server is rebooting",
                      "server": {
                        "id": 12345,
                        "name": "web-server-01",
                        "status": "rebooting"
                      }
                    }
                  }
                }
              }
            },
            "links": {
              "GetServer": {
                "$ref": "#/components/links/GetActionServer"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/InvalidState",
            "description": "Bad request - the server is not running."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized",
            "description": "**Inferred.** Unauthorized - invalid or missing API token."
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "500": {
            "$ref": "#/components/responses/InternalError"
          }
        }
      }
    }
  },
  "components": {
    "links": {
      "GetServer": {
        "operationId": "getServer",
        "parameters": {
          "server_id": "$response.body#/id"
        },
        "description": "Get the server, for example to poll it until it is `active`."
      },
      "UpdateServer": {
        "operationId": "updateServer",
        "parameters": {
          "server_id": "$response.body#/id"
        },
        "description": "Replace the server's configuration."
      },
      "PartialUpdateServer": {
        "operationId": "partialUpdateServer",
        "parameters": {
          "server_id": "$response.body#/id"
        },
        "description": "Update some of the server's fields."
      },
      "DeleteServer": {
        "operationId": "deleteServer",
        "parameters": {
          "server_id": "$response.body#/id"
        },
        "description": "Delete the server."
      },
      "StartServer": {
        "operationId": "startServer",
        "parameters": {
          "server_id": "$response.body#/id"
        },
        "description": "Start the server once it is `stopped`."
      },
      "StopServer": {
        "operationId": "stopServer",
        "parameters": {
          "server_id": "$response.body#/id"
        },
        "description": "Stop the server once it is `active`."
      },
      "RebootServer": {
        "operationId": "rebootServer",
        "parameters": {
          "server_id": "$response.body#/id"
        },
        "description": "Reboot the server once it is `active`."
      },
      "GetFirstServer": {
        "operationId": "getServer",
        "parameters": {
          "server_id": "$response.body#/results/0/id"
        },
        "description": "Get the first server of the list in detail."
      },
      "GetActionServer": {
        "operationId": "getServer",
        "parameters": {
          "server_id": "$response.body#/server/id"
        },
        "description": "Poll the server until its transitional status settles."
      }
    },
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "Your VPS.org API token, sent as `Authorization: Bearer YOUR_API_TOKEN`.\n"
      }
    },
    "parameters": {
      "ServerId": {
        "name": "server_id",
        "in": "path",
        "required": true,
        "description": "Unique server ID.",
        "schema": {
          "$ref": "#/components/schemas/ServerIdValue"
        },
        "example": 12345
      }
    },
    "headers": {
      "RequestId": {
        "description": "**Inferred.** An identifier of this request, to quote when contacting support.\n",
        "schema": {
          "type": "string",
          "maxLength": 128
        },
        "example": "req_8f14e45fceea167a"
      },
      "RetryAfter": {
        "description": "**Inferred.** How long to wait before retrying: a number of seconds, or an HTTP date.\n",
        "schema": {
          "type": "string"
        },
        "example": "30"
      }
    },
    "responses": {
      "BadRequest": {
        "description": "Bad request - invalid parameters.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "examples": {
              "invalidParameters": {
                "summary": "A field is invalid",
                "value": {
                  "code": "invalid_request",
                  "message": "Invalid parameters.",
                  "details": [
                    {
                      "field": "name",
                      "message": "Must contain only letters, digits and hyphens."
                    }
                  ]
                }
              }
            }
          }
        }
      },
      "InvalidQuery": {
        "description": "**Inferred.** Bad request - a query parameter is invalid (for example an unknown `status`).",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "examples": {
              "unknownStatus": {
                "summary": "An unknown status filter",
                "value": {
                  "code": "invalid_request",
                  "message": "Invalid parameters.",
                  "details": [
                    {
                      "field": "status",
                      "message": "Must be one of active, stopped, suspended."
                    }
                  ]
                }
              }
            }
          }
        }
      },
      "InvalidServerId": {
        "description": "**Inferred.** Bad request - `server_id` is not a positive integer.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "examples": {
              "invalidServerId": {
                "summary": "The server ID is not a positive integer",
                "value": {
                  "code": "invalid_request",
                  "message": "Invalid parameters.",
                  "details": [
                    {
                      "field": "server_id",
                      "message": "Must be a positive integer."
                    }
                  ]
                }
              }
            }
          }
        }
      },
      "InvalidState": {
        "description": "Bad request - the server is not in a state that allows this action.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "examples": {
              "invalidState": {
                "summary": "The server's status does not allow the action",
                "value": {
                  "code": "invalid_state",
                  "message": "The server is not in a status that allows this action."
                }
              }
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Unauthorized - invalid or missing API token.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "examples": {
              "unauthorized": {
                "summary": "The token is missing or invalid",
                "value": {
                  "code": "unauthorized",
                  "message": "Invalid or missing API token."
                }
              }
            }
          }
        }
      },
      "PaymentRequired": {
        "description": "Payment required - insufficient credits.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "examples": {
              "insufficientCredits": {
                "summary": "The account has too few credits",
                "value": {
                  "code": "payment_required",
                  "message": "Insufficient credits to create this server."
                }
              }
            }
          }
        }
      },
      "NotFound": {
        "description": "Server not found - the server does not exist.",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "examples": {
              "serverNotFound": {
                "summary": "No server has this ID",
                "value": {
                  "code": "not_found",
                  "message": "Server not found."
                }
              }
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "**Inferred.** Too many requests - the rate limit was exceeded. Wait as long as\n`Retry-After` says before retrying.\n",
        "headers": {
          "Retry-After": {
            "$ref": "#/components/headers/RetryAfter"
          },
          "X-Request-Id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "examples": {
              "rateLimited": {
                "summary": "Rate limit exceeded",
                "value": {
                  "code": "rate_limited",
                  "message": "Too many requests. Retry after 30 seconds."
                }
              }
            }
          }
        }
      },
      "InternalError": {
        "description": "**Inferred.** Internal server error - something went wrong on VPS.org's side. Safe to\nretry for idempotent requests.\n",
        "headers": {
          "X-Request-Id": {
            "$ref": "#/components/headers/RequestId"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "examples": {
              "internalError": {
                "summary": "An unexpected error",
                "value": {
                  "code": "internal_error",
                  "message": "An internal error occurred. Please try again."
                }
              }
            }
          }
        }
      }
    },
    "examples": {
      "ActiveServer": {
        "summary": "An active server with its resource usage",
        "value": {
          "id": 12345,
          "name": "web-server-01",
          "hostname": "web01.example.com",
          "status": "active",
          "ip_address": "203.0.113.10",
          "ipv6_address": "2001:0db8::1",
          "location": "us-west",
          "plan": {
            "id": 1,
            "name": "Standard VPS",
            "vcpus": 2,
            "memory": 4096,
            "storage": 80,
            "bandwidth": 2048
          },
          "os": {
            "id": 5,
            "name": "Ubuntu 22.04 LTS"
          },
          "backups_enabled": true,
          "resource_usage": {
            "cpu_percent": 23.5,
            "memory_used": 2048,
            "disk_used": 35,
            "bandwidth_used": 450
          },
          "created_at": "2025-01-10T14:30:00Z",
          "updated_at": "2025-01-16T15:45:00Z"
        }
      },
      "UpdatedServer": {
        "summary": "The server after the update",
        "value": {
          "id": 12345,
          "name": "web-server-updated",
          "hostname": "web-updated.example.com",
          "status": "active",
          "ip_address": "203.0.113.10",
          "ipv6_address": "2001:0db8::1",
          "location": "us-west",
          "plan": {
            "id": 1,
            "name": "Standard VPS",
            "vcpus": 2,
            "memory": 4096,
            "storage": 80,
            "bandwidth": 2048
          },
          "os": {
            "id": 5,
            "name": "Ubuntu 22.04 LTS"
          },
          "backups_enabled": true,
          "resource_usage": {
            "cpu_percent": 23.5,
            "memory_used": 2048,
            "disk_used": 35,
            "bandwidth_used": 450
          },
          "created_at": "2025-01-10T14:30:00Z",
          "updated_at": "2025-01-16T16:00:00Z"
        }
      },
      "RenamedServer": {
        "summary": "The server after the rename",
        "value": {
          "id": 12345,
          "name": "new-server-name",
          "hostname": "web01.example.com",
          "status": "active",
          "ip_address": "203.0.113.10",
          "ipv6_address": "2001:0db8::1",
          "location": "us-west",
          "plan": {
            "id": 1,
            "name": "Standard VPS",
            "vcpus": 2,
            "memory": 4096,
            "storage": 80,
            "bandwidth": 2048
          },
          "os": {
            "id": 5,
            "name": "Ubuntu 22.04 LTS"
          },
          "backups_enabled": true,
          "resource_usage": {
            "cpu_percent": 23.5,
            "memory_used": 2048,
            "disk_used": 35,
            "bandwidth_used": 450
          },
          "created_at": "2025-01-10T14:30:00Z",
          "updated_at": "2025-01-16T16:05:00Z"
        }
      }
    },
    "schemas": {
      "ServerIdValue": {
        "type": "integer",
        "format": "int64",
        "minimum": 1,
        "maximum": 9007199254740991,
        "description": "Unique server ID, a positive integer.",
        "examples": [
          12345
        ]
      },
      "ServerName": {
        "type": "string",
        "minLength": 1,
        "maxLength": 63,
        "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$",
        "description": "Server name: letters, digits and hyphens. **Inferred limits:** 1 to 63 characters\n(one DNS label), starting and ending with a letter or digit.\n",
        "examples": [
          "web-server-01"
        ]
      },
      "Hostname": {
        "type": "string",
        "minLength": 3,
        "maxLength": 253,
        "pattern": "^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]$",
        "description": "Server hostname (FQDN). **Inferred limits:** dot-separated labels of letters, digits and\nhyphens, at most 253 characters.\n",
        "examples": [
          "web01.example.com"
        ]
      },
      "Location": {
        "type": "string",
        "minLength": 1,
        "maxLength": 32,
        "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
        "description": "Data center location code. **Inferred format:** lower-case words joined by hyphens, at most\n32 characters (for example `us-west`, `us-east`).\n",
        "examples": [
          "us-west"
        ]
      },
      "ServerStatus": {
        "type": "string",
        "description": "The server's lifecycle status. The values are the documentation's (the list filter and the\nexamples); **inferred:** what each means and what it becomes:\n\n- `provisioning`: being created; `ip_address` is `null` until it is ready.\n- `active`: running.\n- `starting`: a start was requested; becomes `active`.\n- `stopping`: a stop was requested; becomes `stopped`.\n- `stopped`: powered off.\n- `rebooting`: a reboot was requested; becomes `active`.\n- `suspended`: suspended by VPS.org (for example for billing); cannot be started.\n",
        "enum": [
          "provisioning",
          "active",
          "starting",
          "stopping",
          "stopped",
          "rebooting",
          "suspended"
        ],
        "examples": [
          "active"
        ],
        "x-lifecycle": {
          "initial": "provisioning",
          "actions": {
            "startServer": {
              "from": [
                "stopped"
              ],
              "to": "starting",
              "refusal": "#/components/responses/InvalidState"
            },
            "stopServer": {
              "from": [
                "active"
              ],
              "to": "stopping",
              "refusal": "#/components/responses/InvalidState"
            },
            "rebootServer": {
              "from": [
                "active"
              ],
              "to": "rebooting",
              "refusal": "#/components/responses/InvalidState"
            }
          },
          "timed": {
            "provisioning": {
              "to": "active",
              "seconds": [
                120,
                300
              ]
            },
            "starting": {
              "to": "active",
              "seconds": 10,
              "inferred": true
            },
            "stopping": {
              "to": "stopped",
              "seconds": 10,
              "inferred": true
            },
            "rebooting": {
              "to": "active",
              "seconds": 20,
              "inferred": true
            }
          },
          "external": [
            "suspended"
          ]
        }
      },
      "ServerStatusFilter": {
        "type": "string",
        "description": "The statuses the list can be filtered by.",
        "enum": [
          "active",
          "stopped",
          "suspended"
        ],
        "examples": [
          "active"
        ]
      },
      "IPv4Address": {
        "type": [
          "string",
          "null"
        ],
        "format": "ipv4",
        "description": "The server's public IPv4 address; `null` while the server is provisioning.",
        "examples": [
          "203.0.113.10"
        ]
      },
      "IPv6Address": {
        "type": [
          "string",
          "null"
        ],
        "format": "ipv6",
        "description": "The server's public IPv6 address. **Inferred:** `null` while the server is provisioning,\nlike `ip_address`.\n",
        "examples": [
          "2001:0db8::1"
        ]
      },
      "Timestamp": {
        "type": "string",
        "format": "date-time",
        "description": "A moment in time, RFC 3339 in UTC.",
        "examples": [
          "2025-01-10T14:30:00Z"
        ]
      },
      "Plan": {
        "type": "object",
        "description": "The VPS plan the server runs on.",
        "required": [
          "id",
          "name",
          "vcpus",
          "memory",
          "storage"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Plan ID.",
            "examples": [
              1
            ]
          },
          "name": {
            "type": "string",
            "description": "Plan name.",
            "examples": [
              "Standard VPS"
            ]
          },
          "vcpus": {
            "type": "integer",
            "minimum": 1,
            "description": "Number of virtual CPUs.",
            "examples": [
              2
            ]
          },
          "memory": {
            "type": "integer",
            "minimum": 1,
            "description": "Memory in MiB (**inferred** unit).",
            "examples": [
              4096
            ]
          },
          "storage": {
            "type": "integer",
            "minimum": 1,
            "description": "Disk storage in GB (**inferred** unit).",
            "examples": [
              80
            ]
          },
          "bandwidth": {
            "type": "integer",
            "minimum": 0,
            "description": "Monthly bandwidth allowance in GB (**inferred** unit).",
            "examples": [
              2048
            ]
          }
        }
      },
      "PlanDetail": {
        "description": "The VPS plan with its monthly bandwidth allowance.",
        "allOf": [
          {
            "$ref": "#/components/schemas/Plan"
          },
          {
            "type": "object",
            "required": [
              "bandwidth"
            ],
            "properties": {
              "bandwidth": {
                "type": "integer",
                "minimum": 0,
                "description": "Monthly bandwidth allowance in GB (**inferred** unit).",
                "examples": [
                  2048
                ]
              }
            }
          }
        ]
      },
      "OperatingSystem": {
        "type": "object",
        "description": "The operating system installed on the server.",
        "required": [
          "id",
          "name"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "minimum": 1,
            "description": "Operating system ID.",
            "examples": [
              5
            ]
          },
          "name": {
            "type": "string",
            "description": "Operating system name and version.",
            "examples": [
              "Ubuntu 22.04 LTS"
            ]
          }
        }
      },
      "ResourceUsage": {
        "type": "object",
        "description": "The server's current resource usage.",
        "required": [
          "cpu_percent",
          "memory_used",
          "disk_used",
          "bandwidth_used"
        ],
        "properties": {
          "cpu_percent": {
            "type": "number",
            "minimum": 0,
            "maximum": 100,
            "description": "CPU usage in percent of the plan's vCPUs (**inferred**; 0 to 100).",
            "examples": [
              23.5
            ]
          },
          "memory_used": {
            "type": "integer",
            "minimum": 0,
            "description": "Memory in use, in MiB (**inferred** unit).",
            "examples": [
              2048
            ]
          },
          "disk_used": {
            "type": "integer",
            "minimum": 0,
            "description": "Disk space in use, in GB (**inferred** unit).",
            "examples": [
              35
            ]
          },
          "bandwidth_used": {
            "type": "integer",
            "minimum": 0,
            "description": "Bandwidth used in the current month, in GB (**inferred** unit).",
            "examples": [
              450
            ]
          }
        }
      },
      "ServerSummary": {
        "type": "object",
        "description": "A server as it appears in the server list.",
        "required": [
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
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/ServerIdValue"
          },
          "name": {
            "$ref": "#/components/schemas/ServerName"
          },
          "hostname": {
            "description": "The server's hostname (FQDN). **Inferred:** `null` when none was given at creation\n(it is optional there).\n",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Hostname"
              },
              {
                "type": "null"
              }
            ]
          },
          "status": {
            "$ref": "#/components/schemas/ServerStatus"
          },
          "ip_address": {
            "$ref": "#/components/schemas/IPv4Address"
          },
          "location": {
            "$ref": "#/components/schemas/Location"
          },
          "plan": {
            "$ref": "#/components/schemas/Plan"
          },
          "os": {
            "$ref": "#/components/schemas/OperatingSystem"
          },
          "created_at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "updated_at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "Server": {
        "description": "A server in detail, as returned by get, update and partial update.",
        "allOf": [
          {
            "$ref": "#/components/schemas/ServerSummary"
          },
          {
            "type": "object",
            "required": [
              "ipv6_address",
              "plan",
              "backups_enabled",
              "resource_usage"
            ],
            "properties": {
              "ipv6_address": {
                "$ref": "#/components/schemas/IPv6Address"
              },
              "plan": {
                "$ref": "#/components/schemas/PlanDetail"
              },
              "backups_enabled": {
                "type": "boolean",
                "description": "Whether automatic backups are enabled.",
                "examples": [
                  true
                ]
              },
              "resource_usage": {
                "$ref": "#/components/schemas/ResourceUsage"
              }
            }
          }
        ]
      },
      "ServerCreated": {
        "description": "The server just created, with a message about its provisioning.",
        "allOf": [
          {
            "$ref": "#/components/schemas/ServerSummary"
          },
          {
            "type": "object",
            "required": [
              "backups_enabled",
              "message"
            ],
            "properties": {
              "backups_enabled": {
                "type": "boolean",
                "description": "Whether automatic backups are enabled.",
                "examples": [
                  true
                ]
              },
              "message": {
                "type": "string",
                "description": "A human-readable note on the provisioning.",
                "examples": [
                  "Server is being provisioned. This may take 2-5 minutes."
                ]
              }
            }
          }
        ]
      },
      "ServerList": {
        "type": "object",
        "description": "The servers in the account.",
        "required": [
          "count",
          "results"
        ],
        "properties": {
          "count": {
            "type": "integer",
            "minimum": 0,
            "description": "Number of servers in `results`. **Inferred:** the documentation shows no paging, so\n`results` holds every server and `count` is its length.\n",
            "examples": [
              2
            ]
          },
          "results": {
            "type": "array",
            "description": "The servers.",
            "items": {
              "$ref": "#/components/schemas/ServerSummary"
            }
          }
        }
      },
      "ServerCreate": {
        "type": "object",
        "description": "The configuration of a new server.",
        "required": [
          "name",
          "plan_id",
          "os_id",
          "location"
        ],
        "additionalProperties": false,
        "properties": {
          "name": {
            "$ref": "#/components/schemas/ServerName"
          },
          "plan_id": {
            "type": "integer",
            "minimum": 1,
            "description": "VPS plan ID.",
            "examples": [
              1
            ]
          },
          "os_id": {
            "type": "integer",
            "minimum": 1,
            "description": "Operating system ID.",
            "examples": [
              5
            ]
          },
          "location": {
            "$ref": "#/components/schemas/Location"
          },
          "hostname": {
            "$ref": "#/components/schemas/Hostname"
          },
          "ssh_key_id": {
            "type": "integer",
            "minimum": 1,
            "description": "ID of the SSH key to install.",
            "examples": [
              42
            ]
          },
          "backups_enabled": {
            "type": "boolean",
            "default": false,
            "description": "Enable automatic backups (default `false`).",
            "examples": [
              true
            ]
          }
        }
      },
      "ServerReplace": {
        "type": "object",
        "description": "The server's full configuration. All fields are required, as documented, `hostname` too:\nreplacing a server that was created without a hostname gives it one.\n",
        "required": [
          "name",
          "hostname",
          "backups_enabled"
        ],
        "additionalProperties": false,
        "properties": {
          "name": {
            "$ref": "#/components/schemas/ServerName"
          },
          "hostname": {
            "$ref": "#/components/schemas/Hostname"
          },
          "backups_enabled": {
            "type": "boolean",
            "description": "Enable or disable automatic backups.",
            "examples": [
              true
            ]
          }
        }
      },
      "ServerPatch": {
        "type": "object",
        "description": "Some of the server's configuration; only the fields given are updated, at least one.",
        "minProperties": 1,
        "additionalProperties": false,
        "properties": {
          "name": {
            "$ref": "#/components/schemas/ServerName"
          },
          "hostname": {
            "$ref": "#/components/schemas/Hostname"
          },
          "backups_enabled": {
            "type": "boolean",
            "description": "Enable or disable automatic backups.",
            "examples": [
              true
            ]
          }
        }
      },
      "ServerRef": {
        "type": "object",
        "description": "The server an action applies to, with its new status.",
        "required": [
          "id",
          "name",
          "status"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/ServerIdValue"
          },
          "name": {
            "$ref": "#/components/schemas/ServerName"
          },
          "status": {
            "$ref": "#/components/schemas/ServerStatus"
          }
        }
      },
      "ActionResult": {
        "type": "object",
        "description": "The result of a power action.",
        "required": [
          "status",
          "message",
          "server"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "success"
            ],
            "description": "Always `success` when the command was accepted (**inferred**; the documentation shows only this value).",
            "examples": [
              "success"
            ]
          },
          "message": {
            "type": "string",
            "description": "A human-readable description of what happens next.",
            "examples": [
              "Server is starting"
            ]
          },
          "server": {
            "$ref": "#/components/schemas/ServerRef"
          }
        }
      },
      "FieldError": {
        "type": "object",
        "description": "What is wrong with one input field.",
        "required": [
          "field",
          "message"
        ],
        "properties": {
          "field": {
            "type": "string",
            "description": "The field's name (for a query or path parameter, the parameter's name).",
            "examples": [
              "name"
            ]
          },
          "message": {
            "type": "string",
            "description": "What is wrong with it.",
            "examples": [
              "Must contain only letters",
              "digits and hyphens."
            ]
          }
        }
      },
      "Error": {
        "type": "object",
        "description": "**Inferred.** The body of every error response. `code` is stable and machine-readable;\nknown values: `invalid_request` (400), `invalid_state` (400 on an action the server's\nstatus does not allow), `unauthorized` (401), `payment_required` (402), `not_found` (404),\n`rate_limited` (429), `internal_error` (500). New codes may be added.\n",
        "required": [
          "code",
          "message"
        ],
        "properties": {
          "code": {
            "type": "string",
            "pattern": "^[a-z][a-z_]*$",
            "description": "Machine-readable error code.",
            "examples": [
              "invalid_request"
            ]
          },
          "message": {
            "type": "string",
            "description": "Human-readable explanation.",
            "examples": [
              "Invalid parameters."
            ]
          },
          "details": {
            "type": "array",
            "description": "For invalid input, one entry per offending field.",
            "items": {
              "$ref": "#/components/schemas/FieldError"
            }
          }
        }
      }
    }
  }
};
