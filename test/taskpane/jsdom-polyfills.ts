/** jsdom lacks TextEncoder/TextDecoder, which the core's hashing uses; Node's are the same API. */
import { TextDecoder, TextEncoder } from 'util';

Object.assign(globalThis, { TextEncoder, TextDecoder });

/** Fluent's MessageBar measures itself for reflow; jsdom has no layout, so nothing ever resizes. */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in globalThis)) Object.assign(globalThis, { ResizeObserver: NoopResizeObserver });
