# This file is generated from spec/servers.yaml by `pnpm generate`. Do not edit it by hand.
__version__ = "0.1.0"
