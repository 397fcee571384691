// Worker bootstrap: registers tsx in this thread (loader hooks are per thread), then loads the TypeScript entry
// and tells the parent it is ready, so a pool can start a task's time limit only once the worker can run it.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
parentPort?.postMessage({ ready: true });
