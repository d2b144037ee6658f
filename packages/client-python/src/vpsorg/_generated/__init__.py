# This file is generated from spec/servers.yaml by `pnpm generate`. Do not edit it by hand.
"""Code generated from the spec (VPS.org Servers API 1.0.0).

Never edited by hand: `pnpm generate` rewrites it, `pnpm check:generated` finds drift.
"""
