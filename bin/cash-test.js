#!/usr/bin/env node
// Node >= 22.1 can keep the compiled bundle between runs (in the system's temporary folder): a faster start.
// It must be switched on before the bundle loads, hence the import() below.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/main.js');
