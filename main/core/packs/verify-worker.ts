/**
 * The verify thread's entry (verify-thread.ts starts it): verifies the pack it is given and posts
 * what verify reads as it goes (its records, then annotations in batches), then the report. It
 * writes nothing and holds no connection; the merge on the main thread commits only on its report.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyPack } from './pack-verify.ts';
import { encodeAnnotations } from './annotation-batch.ts';
import type { ThreadMessage, ThreadInput } from './verify-thread.ts';

const port = parentPort;
if (!port) throw new Error('verify-worker.ts runs as a worker thread.');
const { data, limits } = workerData as ThreadInput;
const post = (m: ThreadMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
try {
  const verified = verifyPack(data, limits, {
    records: (head) => post({ type: 'records', head }),
    annotations: (batch) => {
      const encoded = encodeAnnotations(batch);
      post({ type: 'annotations', batch: encoded }, encoded.transfer);
    },
  });
  post({ type: 'verdict', report: verified.report, sha256: verified.sha256 });
} catch (error) {
  post({ type: 'crashed', message: (error as Error)?.stack ?? String(error) });
}
