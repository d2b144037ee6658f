# This file is generated from spec/servers.yaml by `pnpm generate`. Do not edit it by hand.
"""The operations of the spec: one method per operation on a resource class per group."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property

from .._base_client import AsyncTransport, SyncTransport
from .._operation import Operation, Param
from .._resource import AsyncAPIResource, SyncAPIResource, to_raw, to_raw_async
from .._types import NOT_GIVEN, NotGiven
from .._wait import Lifecycle, async_wait_for, wait_for
from .types import (
    ActionResult,
    Server,
    ServerCreated,
    ServerList,
    ServerStatus,
    ServerStatusFilter,
)

_LIST_SERVERS: Operation[ServerList] = Operation(
    operation_id="listServers",
    method="GET",
    path="/servers/",
    where="servers.list",
    query_params=(Param("status", "str"), Param("location", "str")),
    result=ServerList,
)
_CREATE_SERVER: Operation[ServerCreated] = Operation(
    operation_id="createServer",
    method="POST",
    path="/servers/",
    where="servers.create",
    body_fields=(
        Param("name", "str", required=True),
        Param("plan_id", "int", required=True),
        Param("os_id", "int", required=True),
        Param("location", "str", required=True),
        Param("hostname", "str"),
        Param("ssh_key_id", "int"),
        Param("backups_enabled", "bool"),
    ),
    result=ServerCreated,
)
_GET_SERVER: Operation[Server] = Operation(
    operation_id="getServer",
    method="GET",
    path="/servers/{server_id}/",
    where="servers.get",
    path_params=(Param("server_id", "int", required=True),),
    result=Server,
)
_UPDATE_SERVER: Operation[Server] = Operation(
    operation_id="updateServer",
    method="PUT",
    path="/servers/{server_id}/",
    where="servers.update",
    path_params=(Param("server_id", "int", required=True),),
    body_fields=(
        Param("name", "str", required=True),
        Param("hostname", "str", required=True),
        Param("backups_enabled", "bool", required=True),
    ),
    result=Server,
)
_DELETE_SERVER: Operation[None] = Operation(
    operation_id="deleteServer",
    method="DELETE",
    path="/servers/{server_id}/",
    where="servers.delete",
    path_params=(Param("server_id", "int", required=True),),
)
_PARTIAL_UPDATE_SERVER: Operation[Server] = Operation(
    operation_id="partialUpdateServer",
    method="PATCH",
    path="/servers/{server_id}/",
    where="servers.patch",
    path_params=(Param("server_id", "int", required=True),),
    body_fields=(Param("name", "str"), Param("hostname", "str"), Param("backups_enabled", "bool")),
    body_non_empty=True,
    result=Server,
)
_START_SERVER: Operation[ActionResult] = Operation(
    operation_id="startServer",
    method="POST",
    path="/servers/{server_id}/start/",
    where="servers.start",
    path_params=(Param("server_id", "int", required=True),),
    result=ActionResult,
)
_STOP_SERVER: Operation[ActionResult] = Operation(
    operation_id="stopServer",
    method="POST",
    path="/servers/{server_id}/stop/",
    where="servers.stop",
    path_params=(Param("server_id", "int", required=True),),
    result=ActionResult,
)
_REBOOT_SERVER: Operation[ActionResult] = Operation(
    operation_id="rebootServer",
    method="POST",
    path="/servers/{server_id}/reboot/",
    where="servers.reboot",
    path_params=(Param("server_id", "int", required=True),),
    result=ActionResult,
)


_SERVERS_LIFECYCLE = Lifecycle(
    noun="Server",
    where="servers.wait_for",
    field="status",
    states=("provisioning", "active", "starting", "stopping", "stopped", "rebooting", "suspended"),
    settled=("active", "stopped", "suspended"),
)


class ServersResource(SyncAPIResource):
    """Create, read, update and delete virtual private servers."""

    @cached_property
    def with_raw_response(self) -> ServersResourceWithRawResponse:
        """The same methods, returning an APIResponse: `.parse()`, `.headers`, `.status_code`,
        `.request_id`.
        """
        return ServersResourceWithRawResponse(ServersResource(self._transport, raw=True))

    def list(
        self,
        *,
        status: ServerStatusFilter | NotGiven = NOT_GIVEN,
        location: str | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> ServerList:
        """List all servers.

        Retrieve a list of all servers in your account.

        Args:
            status: Filter by server status.
            location: Filter by data center location.

        `GET /servers/` (operationId `listServers`). Retried on connection errors, timeouts, 408,
        409, 429 and 5xx.
        """
        return self._request(
            _LIST_SERVERS,
            (),
            query={"status": status, "location": location},
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    def create(
        self,
        *,
        name: str,
        plan_id: int,
        os_id: int,
        location: str,
        hostname: str | NotGiven = NOT_GIVEN,
        ssh_key_id: int | NotGiven = NOT_GIVEN,
        backups_enabled: bool | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> ServerCreated:
        """Create a new server.

        Deploy a new VPS server with the specified configuration. The server is created in the
        `provisioning` status and becomes `active` when it is ready, typically in 2-5 minutes
        (inferred from the documented response's `message`).

        Args:
            name: Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters
            (one DNS label), starting and ending with a letter or digit.
            plan_id: VPS plan ID.
            os_id: Operating system ID.
            location: Data center location code. Inferred format: lower-case words joined by
            hyphens, at most 32 characters (for example `us-west`, `us-east`).
            hostname: Server hostname (FQDN). Inferred limits: dot-separated labels of letters,
            digits and hyphens, at most 253 characters.
            ssh_key_id: ID of the SSH key to install.
            backups_enabled: Enable automatic backups (default `false`).

        `POST /servers/` (operationId `createServer`). Retried only when given an idempotency_key
        (the same on every attempt).
        """
        return self._request(
            _CREATE_SERVER,
            (),
            body={
                "name": name,
                "plan_id": plan_id,
                "os_id": os_id,
                "location": location,
                "hostname": hostname,
                "ssh_key_id": ssh_key_id,
                "backups_enabled": backups_enabled,
            },
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    def get(
        self,
        server_id: int,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> Server:
        """Get server details.

        Retrieve detailed information about a specific server.

        Args:
            server_id: Unique server ID.

        `GET /servers/{server_id}/` (operationId `getServer`). Retried on connection errors,
        timeouts, 408, 409, 429 and 5xx.
        """
        return self._request(
            _GET_SERVER,
            (server_id,),
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    def update(
        self,
        server_id: int,
        *,
        name: str,
        hostname: str,
        backups_enabled: bool,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> Server:
        """Update server.

        Update the server configuration. All fields are required.

        Args:
            server_id: Unique server ID.
            name: Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters
            (one DNS label), starting and ending with a letter or digit.
            hostname: Server hostname (FQDN). Inferred limits: dot-separated labels of letters,
            digits and hyphens, at most 253 characters.
            backups_enabled: Enable or disable automatic backups.

        `PUT /servers/{server_id}/` (operationId `updateServer`). Retried on connection errors,
        timeouts, 408, 409, 429 and 5xx.
        """
        return self._request(
            _UPDATE_SERVER,
            (server_id,),
            body={"name": name, "hostname": hostname, "backups_enabled": backups_enabled},
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    def delete(
        self,
        server_id: int,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> None:
        """Delete server.

        Permanently delete a server. This action cannot be undone.

        Args:
            server_id: Unique server ID.

        `DELETE /servers/{server_id}/` (operationId `deleteServer`). Retried on connection
        errors, timeouts, 408, 409, 429 and 5xx.
        """
        return self._request(
            _DELETE_SERVER,
            (server_id,),
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    def patch(
        self,
        server_id: int,
        *,
        name: str | NotGiven = NOT_GIVEN,
        hostname: str | NotGiven = NOT_GIVEN,
        backups_enabled: bool | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> Server:
        """Partially update server.

        Update specific server fields. Only the specified fields will be updated. Inferred: the
        fields are those of `PUT` (`name`, `hostname`, `backups_enabled`), and at least one must
        be
        given.

        Args:
            server_id: Unique server ID.
            name: Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters
            (one DNS label), starting and ending with a letter or digit.
            hostname: Server hostname (FQDN). Inferred limits: dot-separated labels of letters,
            digits and hyphens, at most 253 characters.
            backups_enabled: Enable or disable automatic backups.

        `PATCH /servers/{server_id}/` (operationId `partialUpdateServer`). Retried only when
        given an idempotency_key (the same on every attempt).
        """
        return self._request(
            _PARTIAL_UPDATE_SERVER,
            (server_id,),
            body={"name": name, "hostname": hostname, "backups_enabled": backups_enabled},
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    def start(
        self,
        server_id: int,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> ActionResult:
        """Start server.

        Power on a stopped server.

        Args:
            server_id: Unique server ID.

        `POST /servers/{server_id}/start/` (operationId `startServer`). Retried only when given
        an idempotency_key (the same on every attempt).
        """
        return self._request(
            _START_SERVER,
            (server_id,),
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    def stop(
        self,
        server_id: int,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> ActionResult:
        """Stop server.

        Gracefully shut down a running server.

        Args:
            server_id: Unique server ID.

        `POST /servers/{server_id}/stop/` (operationId `stopServer`). Retried only when given an
        idempotency_key (the same on every attempt).
        """
        return self._request(
            _STOP_SERVER,
            (server_id,),
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    def reboot(
        self,
        server_id: int,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> ActionResult:
        """Reboot server.

        Gracefully restart a running server.

        Args:
            server_id: Unique server ID.

        `POST /servers/{server_id}/reboot/` (operationId `rebootServer`). Retried only when given
        an idempotency_key (the same on every attempt).
        """
        return self._request(
            _REBOOT_SERVER,
            (server_id,),
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    def wait_for(
        self,
        server_id: int,
        status: ServerStatus | Sequence[ServerStatus] | None = None,
        *,
        timeout: float | None = 600.0,
        interval: float = 5.0,
    ) -> Server:
        """Poll `get` until the Server's status is `status` (or one of them); return it.

        Without `status`, until it settles: a status the spec's x-lifecycle gives no timed
        transition from (active, stopped, suspended).

        Args:
            server_id: Unique server ID.
            status: The status (or statuses) to wait for.
            timeout: Give up after this many seconds (VpsWaitTimeoutError); None waits for ever.
            interval: Seconds between polls.

        API errors (e.g. NotFoundError) end the wait as they are.
        """
        return wait_for(
            self.get,
            server_id,
            status,
            _SERVERS_LIFECYCLE,
            timeout=timeout,
            interval=interval,
        )


class ServersResourceWithRawResponse:
    """`servers.with_raw_response`: each method returns an APIResponse."""

    def __init__(self, resource: ServersResource) -> None:
        self.list = to_raw(resource.list)
        self.create = to_raw(resource.create)
        self.get = to_raw(resource.get)
        self.update = to_raw(resource.update)
        self.delete = to_raw(resource.delete)
        self.patch = to_raw(resource.patch)
        self.start = to_raw(resource.start)
        self.stop = to_raw(resource.stop)
        self.reboot = to_raw(resource.reboot)


class AsyncServersResource(AsyncAPIResource):
    """Create, read, update and delete virtual private servers."""

    @cached_property
    def with_raw_response(self) -> AsyncServersResourceWithRawResponse:
        """The same methods, returning an APIResponse: `.parse()`, `.headers`, `.status_code`,
        `.request_id`.
        """
        return AsyncServersResourceWithRawResponse(AsyncServersResource(self._transport, raw=True))

    async def list(
        self,
        *,
        status: ServerStatusFilter | NotGiven = NOT_GIVEN,
        location: str | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> ServerList:
        """List all servers.

        Retrieve a list of all servers in your account.

        Args:
            status: Filter by server status.
            location: Filter by data center location.

        `GET /servers/` (operationId `listServers`). Retried on connection errors, timeouts, 408,
        409, 429 and 5xx.
        """
        return await self._request(
            _LIST_SERVERS,
            (),
            query={"status": status, "location": location},
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    async def create(
        self,
        *,
        name: str,
        plan_id: int,
        os_id: int,
        location: str,
        hostname: str | NotGiven = NOT_GIVEN,
        ssh_key_id: int | NotGiven = NOT_GIVEN,
        backups_enabled: bool | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> ServerCreated:
        """Create a new server.

        Deploy a new VPS server with the specified configuration. The server is created in the
        `provisioning` status and becomes `active` when it is ready, typically in 2-5 minutes
        (inferred from the documented response's `message`).

        Args:
            name: Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters
            (one DNS label), starting and ending with a letter or digit.
            plan_id: VPS plan ID.
            os_id: Operating system ID.
            location: Data center location code. Inferred format: lower-case words joined by
            hyphens, at most 32 characters (for example `us-west`, `us-east`).
            hostname: Server hostname (FQDN). Inferred limits: dot-separated labels of letters,
            digits and hyphens, at most 253 characters.
            ssh_key_id: ID of the SSH key to install.
            backups_enabled: Enable automatic backups (default `false`).

        `POST /servers/` (operationId `createServer`). Retried only when given an idempotency_key
        (the same on every attempt).
        """
        return await self._request(
            _CREATE_SERVER,
            (),
            body={
                "name": name,
                "plan_id": plan_id,
                "os_id": os_id,
                "location": location,
                "hostname": hostname,
                "ssh_key_id": ssh_key_id,
                "backups_enabled": backups_enabled,
            },
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    async def get(
        self,
        server_id: int,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> Server:
        """Get server details.

        Retrieve detailed information about a specific server.

        Args:
            server_id: Unique server ID.

        `GET /servers/{server_id}/` (operationId `getServer`). Retried on connection errors,
        timeouts, 408, 409, 429 and 5xx.
        """
        return await self._request(
            _GET_SERVER,
            (server_id,),
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    async def update(
        self,
        server_id: int,
        *,
        name: str,
        hostname: str,
        backups_enabled: bool,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> Server:
        """Update server.

        Update the server configuration. All fields are required.

        Args:
            server_id: Unique server ID.
            name: Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters
            (one DNS label), starting and ending with a letter or digit.
            hostname: Server hostname (FQDN). Inferred limits: dot-separated labels of letters,
            digits and hyphens, at most 253 characters.
            backups_enabled: Enable or disable automatic backups.

        `PUT /servers/{server_id}/` (operationId `updateServer`). Retried on connection errors,
        timeouts, 408, 409, 429 and 5xx.
        """
        return await self._request(
            _UPDATE_SERVER,
            (server_id,),
            body={"name": name, "hostname": hostname, "backups_enabled": backups_enabled},
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    async def delete(
        self,
        server_id: int,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> None:
        """Delete server.

        Permanently delete a server. This action cannot be undone.

        Args:
            server_id: Unique server ID.

        `DELETE /servers/{server_id}/` (operationId `deleteServer`). Retried on connection
        errors, timeouts, 408, 409, 429 and 5xx.
        """
        return await self._request(
            _DELETE_SERVER,
            (server_id,),
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    async def patch(
        self,
        server_id: int,
        *,
        name: str | NotGiven = NOT_GIVEN,
        hostname: str | NotGiven = NOT_GIVEN,
        backups_enabled: bool | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> Server:
        """Partially update server.

        Update specific server fields. Only the specified fields will be updated. Inferred: the
        fields are those of `PUT` (`name`, `hostname`, `backups_enabled`), and at least one must
        be
        given.

        Args:
            server_id: Unique server ID.
            name: Server name: letters, digits and hyphens. Inferred limits: 1 to 63 characters
            (one DNS label), starting and ending with a letter or digit.
            hostname: Server hostname (FQDN). Inferred limits: dot-separated labels of letters,
            digits and hyphens, at most 253 characters.
            backups_enabled: Enable or disable automatic backups.

        `PATCH /servers/{server_id}/` (operationId `partialUpdateServer`). Retried only when
        given an idempotency_key (the same on every attempt).
        """
        return await self._request(
            _PARTIAL_UPDATE_SERVER,
            (server_id,),
            body={"name": name, "hostname": hostname, "backups_enabled": backups_enabled},
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    async def start(
        self,
        server_id: int,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> ActionResult:
        """Start server.

        Power on a stopped server.

        Args:
            server_id: Unique server ID.

        `POST /servers/{server_id}/start/` (operationId `startServer`). Retried only when given
        an idempotency_key (the same on every attempt).
        """
        return await self._request(
            _START_SERVER,
            (server_id,),
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    async def stop(
        self,
        server_id: int,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> ActionResult:
        """Stop server.

        Gracefully shut down a running server.

        Args:
            server_id: Unique server ID.

        `POST /servers/{server_id}/stop/` (operationId `stopServer`). Retried only when given an
        idempotency_key (the same on every attempt).
        """
        return await self._request(
            _STOP_SERVER,
            (server_id,),
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    async def reboot(
        self,
        server_id: int,
        *,
        timeout: float | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> ActionResult:
        """Reboot server.

        Gracefully restart a running server.

        Args:
            server_id: Unique server ID.

        `POST /servers/{server_id}/reboot/` (operationId `rebootServer`). Retried only when given
        an idempotency_key (the same on every attempt).
        """
        return await self._request(
            _REBOOT_SERVER,
            (server_id,),
            timeout=timeout,
            max_retries=max_retries,
            headers=headers,
            idempotency_key=idempotency_key,
        )

    async def wait_for(
        self,
        server_id: int,
        status: ServerStatus | Sequence[ServerStatus] | None = None,
        *,
        timeout: float | None = 600.0,
        interval: float = 5.0,
    ) -> Server:
        """Poll `get` until the Server's status is `status` (or one of them); return it.

        Without `status`, until it settles: a status the spec's x-lifecycle gives no timed
        transition from (active, stopped, suspended).

        Args:
            server_id: Unique server ID.
            status: The status (or statuses) to wait for.
            timeout: Give up after this many seconds (VpsWaitTimeoutError); None waits for ever.
            interval: Seconds between polls.

        API errors (e.g. NotFoundError) end the wait as they are.
        """
        return await async_wait_for(
            self.get,
            server_id,
            status,
            _SERVERS_LIFECYCLE,
            timeout=timeout,
            interval=interval,
        )


class AsyncServersResourceWithRawResponse:
    """`servers.with_raw_response`: each method returns an APIResponse."""

    def __init__(self, resource: AsyncServersResource) -> None:
        self.list = to_raw_async(resource.list)
        self.create = to_raw_async(resource.create)
        self.get = to_raw_async(resource.get)
        self.update = to_raw_async(resource.update)
        self.delete = to_raw_async(resource.delete)
        self.patch = to_raw_async(resource.patch)
        self.start = to_raw_async(resource.start)
        self.stop = to_raw_async(resource.stop)
        self.reboot = to_raw_async(resource.reboot)


class SyncResources:
    """The resource groups of VpsClient, one per group of the spec's operations."""

    servers: ServersResource
    """Create, read, update and delete virtual private servers."""

    def _init_resources(self, transport: SyncTransport) -> None:
        self.servers = ServersResource(transport)


class AsyncResources:
    """The resource groups of AsyncVpsClient, one per group of the spec's operations."""

    servers: AsyncServersResource
    """Create, read, update and delete virtual private servers."""

    def _init_resources(self, transport: AsyncTransport) -> None:
        self.servers = AsyncServersResource(transport)
