// Worker bootstrap: registers tsx in this thread (loader hooks are per thread), then loads the TypeScript entry.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
