#!/usr/bin/env node
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
// A started server keeps running; a start that failed exits with its code.
if (process.argv[2] !== 'start' || code !== 0) process.exitCode = code;
