/** jsdom lacks TextEncoder/TextDecoder, which the core's hashing uses; Node's are the same API. */
import { webcrypto } from 'crypto';
import { TextDecoder, TextEncoder } from 'util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
// Browsers give pages served over https Web Crypto (the plan's SHA-256 fingerprint); jsdom does not.
if (!(globalThis as { crypto?: { subtle?: unknown } }).crypto?.subtle)
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

/** Fluent's MessageBar measures itself for reflow; jsdom has no layout, so nothing ever resizes. */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in globalThis)) Object.assign(globalThis, { ResizeObserver: NoopResizeObserver });

/** jsdom's File has no arrayBuffer(); the pane reads chosen files with it. */
if (typeof File !== 'undefined' && !File.prototype.arrayBuffer)
  File.prototype.arrayBuffer = function (this: File) {
    return new Promise<ArrayBuffer>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result as ArrayBuffer);
      r.readAsArrayBuffer(this);
    });
  };
