#!/usr/bin/env node
// The `factcheck` command: registers tsx so the TypeScript sources run as they are, then starts them.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
