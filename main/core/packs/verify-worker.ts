/**
 * The verify thread's entry (verify-thread.ts starts it): verifies the pack it is given and posts
 * what verify reads as it goes (its records, then annotations in batches) when a merge waits for
 * them, then the report. It writes nothing and holds no connection; the merge on the main thread
 * commits only on its report.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyPack, type VerifySink } from './pack-verify.ts';
import { encodeAnnotations } from './annotation-batch.ts';
import type { ThreadMessage, ThreadInput } from './verify-thread.ts';

const port = parentPort;
if (!port) throw new Error('verify-worker.ts runs as a worker thread.');
const { data, limits, stream } = workerData as ThreadInput;
const post = (m: ThreadMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
try {
  const sink: VerifySink = {
    records: (head) => post({ type: 'records', head }),
    annotations: (batch) => {
      const encoded = encodeAnnotations(batch);
      post({ type: 'annotations', batch: encoded }, encoded.transfer);
    },
    annotationsEnd: () => post({ type: 'annotations-end' }),
  };
  // Only the report crosses back: no annotation is kept past its batch.
  const verified = verifyPack(data, limits, stream ? sink : undefined, { keepAnnotations: false });
  post({ type: 'verdict', report: verified.report, sha256: verified.sha256 });
} catch (error) {
  post({ type: 'crashed', message: (error as Error)?.stack ?? String(error) });
}
