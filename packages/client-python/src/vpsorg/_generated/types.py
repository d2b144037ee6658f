# This file is generated from spec/servers.yaml by `pnpm generate`. Do not edit it by hand.
"""The schemas of the spec: a pydantic model per object, a Literal per string enum."""

from datetime import datetime
from typing import Literal, TypeAlias

from pydantic import BaseModel, ConfigDict

__all__ = [
    "ActionResult",
    "ActionResultStatus",
    "ApiErrorBody",
    "FieldError",
    "OperatingSystem",
    "Plan",
    "PlanDetail",
    "ResourceUsage",
    "Server",
    "ServerCreate",
    "ServerCreated",
    "ServerList",
    "ServerPatch",
    "ServerRef",
    "ServerReplace",
    "ServerStatus",
    "ServerStatusFilter",
    "ServerSummary",
]


ServerStatus: TypeAlias = Literal[
    "provisioning",
    "active",
    "starting",
    "stopping",
    "stopped",
    "rebooting",
    "suspended",
]
"""The server's lifecycle status. The values are the documentation's (the list filter and the
examples); inferred: what each means and what it becomes:

- `provisioning`: being created; `ip_address` is `null` until it is ready.
- `active`: running.
- `starting`: a start was requested; becomes `active`.
- `stopping`: a stop was requested; becomes `stopped`.
- `stopped`: powered off.
- `rebooting`: a reboot was requested; becomes `active`.
- `suspended`: suspended by VPS.org (for example for billing); cannot be started.
"""


ServerStatusFilter: TypeAlias = Literal["active", "stopped", "suspended"]
"""The statuses the list can be filtered by."""


class Plan(BaseModel):
    """The VPS plan the server runs on."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    id: int
    """Plan ID."""

    name: str
    """Plan name."""

    vcpus: int
    """Number of virtual CPUs."""

    memory: int
    """Memory in MiB (inferred unit)."""

    storage: int
    """Disk storage in GB (inferred unit)."""

    bandwidth: int | None = None
    """Monthly bandwidth allowance in GB (inferred unit)."""


class PlanDetail(BaseModel):
    """The VPS plan with its monthly bandwidth allowance."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    id: int
    """Plan ID."""

    name: str
    """Plan name."""

    vcpus: int
    """Number of virtual CPUs."""

    memory: int
    """Memory in MiB (inferred unit)."""

    storage: int
    """Disk storage in GB (inferred unit)."""

    bandwidth: int
    """Monthly bandwidth allowance in GB (inferred unit)."""


class OperatingSystem(BaseModel):
    """The operating system installed on the server."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    id: int
    """Operating system ID."""

    name: str
    """Operating system name and version."""


class ResourceUsage(BaseModel):
    """The server's current resource usage."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    cpu_percent: float
    """CPU usage in percent of the plan's vCPUs (inferred; 0 to 100)."""

    memory_used: int
    """Memory in use, in MiB (inferred unit)."""

    disk_used: int
    """Disk space in use, in GB (inferred unit)."""

    bandwidth_used: int
    """Bandwidth used in the current month, in GB (inferred unit)."""


class ServerSummary(BaseModel):
    """A server as it appears in the server list."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    id: int
    """Unique server ID, a positive integer."""

    name: str
    """Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters
    (one DNS label), starting and ending with a letter or digit.
    """

    hostname: str | None
    """The server's hostname (FQDN). Inferred: `null` when none was given at creation
    (it is optional there).
    """

    status: ServerStatus
    """The server's lifecycle status. The values are the documentation's (the list filter and the
    examples); inferred: what each means and what it becomes:

    - `provisioning`: being created; `ip_address` is `null` until it is ready.
    - `active`: running.
    - `starting`: a start was requested; becomes `active`.
    - `stopping`: a stop was requested; becomes `stopped`.
    - `stopped`: powered off.
    - `rebooting`: a reboot was requested; becomes `active`.
    - `suspended`: suspended by VPS.org (for example for billing); cannot be started.
    """

    ip_address: str | None
    """The server's public IPv4 address; `null` while the server is provisioning."""

    location: str
    """Data center location code. Inferred format: lower-case words joined by hyphens, at most
    32 characters (for example `us-west`, `us-east`).
    """

    plan: Plan
    """The VPS plan the server runs on."""

    os: OperatingSystem
    """The operating system installed on the server."""

    created_at: datetime
    """A moment in time, RFC 3339 in UTC."""

    updated_at: datetime
    """A moment in time, RFC 3339 in UTC."""


class Server(BaseModel):
    """A server in detail, as returned by get, update and partial update."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    id: int
    """Unique server ID, a positive integer."""

    name: str
    """Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters
    (one DNS label), starting and ending with a letter or digit.
    """

    hostname: str | None
    """The server's hostname (FQDN). Inferred: `null` when none was given at creation
    (it is optional there).
    """

    status: ServerStatus
    """The server's lifecycle status. The values are the documentation's (the list filter and the
    examples); inferred: what each means and what it becomes:

    - `provisioning`: being created; `ip_address` is `null` until it is ready.
    - `active`: running.
    - `starting`: a start was requested; becomes `active`.
    - `stopping`: a stop was requested; becomes `stopped`.
    - `stopped`: powered off.
    - `rebooting`: a reboot was requested; becomes `active`.
    - `suspended`: suspended by VPS.org (for example for billing); cannot be started.
    """

    ip_address: str | None
    """The server's public IPv4 address; `null` while the server is provisioning."""

    location: str
    """Data center location code. Inferred format: lower-case words joined by hyphens, at most
    32 characters (for example `us-west`, `us-east`).
    """

    plan: PlanDetail
    """The VPS plan with its monthly bandwidth allowance."""

    os: OperatingSystem
    """The operating system installed on the server."""

    created_at: datetime
    """A moment in time, RFC 3339 in UTC."""

    updated_at: datetime
    """A moment in time, RFC 3339 in UTC."""

    ipv6_address: str | None
    """The server's public IPv6 address. Inferred: `null` while the server is provisioning,
    like `ip_address`.
    """

    backups_enabled: bool
    """Whether automatic backups are enabled."""

    resource_usage: ResourceUsage
    """The server's current resource usage."""


class ServerCreated(BaseModel):
    """The server just created, with a message about its provisioning."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    id: int
    """Unique server ID, a positive integer."""

    name: str
    """Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters
    (one DNS label), starting and ending with a letter or digit.
    """

    hostname: str | None
    """The server's hostname (FQDN). Inferred: `null` when none was given at creation
    (it is optional there).
    """

    status: ServerStatus
    """The server's lifecycle status. The values are the documentation's (the list filter and the
    examples); inferred: what each means and what it becomes:

    - `provisioning`: being created; `ip_address` is `null` until it is ready.
    - `active`: running.
    - `starting`: a start was requested; becomes `active`.
    - `stopping`: a stop was requested; becomes `stopped`.
    - `stopped`: powered off.
    - `rebooting`: a reboot was requested; becomes `active`.
    - `suspended`: suspended by VPS.org (for example for billing); cannot be started.
    """

    ip_address: str | None
    """The server's public IPv4 address; `null` while the server is provisioning."""

    location: str
    """Data center location code. Inferred format: lower-case words joined by hyphens, at most
    32 characters (for example `us-west`, `us-east`).
    """

    plan: Plan
    """The VPS plan the server runs on."""

    os: OperatingSystem
    """The operating system installed on the server."""

    created_at: datetime
    """A moment in time, RFC 3339 in UTC."""

    updated_at: datetime
    """A moment in time, RFC 3339 in UTC."""

    backups_enabled: bool
    """Whether automatic backups are enabled."""

    message: str
    """A human-readable note on the provisioning."""


class ServerList(BaseModel):
    """The servers in the account."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    count: int
    """Number of servers in `results`. Inferred: the documentation shows no paging, so
    `results` holds every server and `count` is its length.
    """

    results: list[ServerSummary]
    """The servers."""


class ServerCreate(BaseModel):
    """The configuration of a new server."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str
    """Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters
    (one DNS label), starting and ending with a letter or digit.
    """

    plan_id: int
    """VPS plan ID."""

    os_id: int
    """Operating system ID."""

    location: str
    """Data center location code. Inferred format: lower-case words joined by hyphens, at most
    32 characters (for example `us-west`, `us-east`).
    """

    hostname: str | None = None
    """Server hostname (FQDN). Inferred limits: dot-separated labels of letters, digits and
    hyphens, at most 253 characters.
    """

    ssh_key_id: int | None = None
    """ID of the SSH key to install."""

    backups_enabled: bool | None = None
    """Enable automatic backups (default `false`)."""


class ServerReplace(BaseModel):
    """The server's full configuration. All fields are required, as documented, `hostname` too:
    replacing a server that was created without a hostname gives it one.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str
    """Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters
    (one DNS label), starting and ending with a letter or digit.
    """

    hostname: str
    """Server hostname (FQDN). Inferred limits: dot-separated labels of letters, digits and
    hyphens, at most 253 characters.
    """

    backups_enabled: bool
    """Enable or disable automatic backups."""


class ServerPatch(BaseModel):
    """Some of the server's configuration; only the fields given are updated, at least one."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str | None = None
    """Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters
    (one DNS label), starting and ending with a letter or digit.
    """

    hostname: str | None = None
    """Server hostname (FQDN). Inferred limits: dot-separated labels of letters, digits and
    hyphens, at most 253 characters.
    """

    backups_enabled: bool | None = None
    """Enable or disable automatic backups."""


class ServerRef(BaseModel):
    """The server an action applies to, with its new status."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    id: int
    """Unique server ID, a positive integer."""

    name: str
    """Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters
    (one DNS label), starting and ending with a letter or digit.
    """

    status: ServerStatus
    """The server's lifecycle status. The values are the documentation's (the list filter and the
    examples); inferred: what each means and what it becomes:

    - `provisioning`: being created; `ip_address` is `null` until it is ready.
    - `active`: running.
    - `starting`: a start was requested; becomes `active`.
    - `stopping`: a stop was requested; becomes `stopped`.
    - `stopped`: powered off.
    - `rebooting`: a reboot was requested; becomes `active`.
    - `suspended`: suspended by VPS.org (for example for billing); cannot be started.
    """


ActionResultStatus: TypeAlias = Literal["success"]
"""Always `success` when the command was accepted (inferred; the documentation shows only this
value).
"""


class ActionResult(BaseModel):
    """The result of a power action."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    status: ActionResultStatus
    """Always `success` when the command was accepted (inferred; the documentation shows only this
    value).
    """

    message: str
    """A human-readable description of what happens next."""

    server: ServerRef
    """The server an action applies to, with its new status."""


class FieldError(BaseModel):
    """What is wrong with one input field."""

    model_config = ConfigDict(extra="allow", defer_build=True)

    field: str
    """The field's name (for a query or path parameter, the parameter's name)."""

    message: str
    """What is wrong with it."""


class ApiErrorBody(BaseModel):
    """Inferred. The body of every error response. `code` is stable and machine-readable;
    known values: `invalid_request` (400), `invalid_state` (400 on an action the server's
    status does not allow), `unauthorized` (401), `payment_required` (402), `not_found` (404),
    `rate_limited` (429), `internal_error` (500). New codes may be added.
    """

    model_config = ConfigDict(extra="allow", defer_build=True)

    code: str
    """Machine-readable error code."""

    message: str
    """Human-readable explanation."""

    details: list[FieldError] | None = None
    """For invalid input, one entry per offending field."""
