// Worker entry: registers tsx so the TypeScript engine runs in this thread too, then loads it.
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
