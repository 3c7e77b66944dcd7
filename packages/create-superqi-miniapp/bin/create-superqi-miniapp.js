#!/usr/bin/env node
// @ts-check
import { main } from '../src/cli.js';

process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), out: console.log, err: console.error });
