// Every status a server can be in, said in words: an exhaustive switch with a `never` check, so a
// status the API adds later is a compile error here (and `pnpm check:compat` rates that change major).
import type { ServerStatus } from '@vpsorg/client';

export function describeStatus(status: ServerStatus): string {
  switch (status) {
    case 'provisioning':
      return 'being set up (2-5 minutes)';
    case 'active':
      return 'running';
    case 'starting':
      return 'starting up';
    case 'stopping':
      return 'shutting down';
    case 'stopped':
      return 'powered off';
    case 'rebooting':
      return 'rebooting';
    case 'suspended':
      return 'suspended by VPS.org';
    default: {
      const unknown: never = status;
      throw new Error(`unknown server status ${JSON.stringify(unknown)}`);
    }
  }
}
