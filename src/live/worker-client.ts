import type { BrowserDigits } from './browser-data';
import type { FromWorker, ToWorker } from './protocol';

/**
 * A retraining widget's side of the training worker's protocol: starts the worker with the
 * digits, sends it messages, hands its reports to `onMessage` and answers tensor-count queries.
 * No DOM.
 */
export class WorkerClient {
  readonly #worker: Worker;
  #memoryWaiters: ((n: number) => void)[] = [];

  /**
   * Starts a worker and sends it the digits (`stripIndices`: the test digits whose guesses it
   * reports). `onError` gets a failure of the worker script itself.
   */
  constructor(digits: BrowserDigits, stripIndices: number[], onMessage: (m: FromWorker) => void, onError: (message: string) => void) {
    this.#worker = new Worker(new URL('./train-worker.ts', import.meta.url), { type: 'module' });
    this.#worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'memory') this.#memoryWaiters.splice(0).forEach((resolve) => resolve(m.numTensors));
      else onMessage(m);
    };
    this.#worker.onerror = (e) => onError(e.message);
    this.post({ type: 'data', train: digits.train, test: digits.test, stripIndices });
  }

  post(message: ToWorker): void {
    this.#worker.postMessage(message);
  }

  /** The worker's live tensor count. */
  memory(): Promise<number> {
    return new Promise((resolve) => {
      this.#memoryWaiters.push(resolve);
      this.post({ type: 'memory' });
    });
  }

  /** Stops the worker and frees everything it holds. */
  terminate(): void {
    this.#worker.terminate();
    this.#memoryWaiters.splice(0).forEach((resolve) => resolve(0));
  }
}
