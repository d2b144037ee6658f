#!/usr/bin/env node
// The `vps` command. See src/main.js.
import { main } from '../src/main.js';

process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
