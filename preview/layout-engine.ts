import * as elk from 'elkjs/lib/elk.bundled.js';
import type { LayoutEngine } from './diagram.js';

type EngineConstructor = new () => LayoutEngine;

/**
 * ELK (the Eclipse Layout Kernel, elkjs) in its synchronous build: no web worker and no eval, so it
 * runs under the webview's and the report's Content-Security-Policy, and in Node for exports.
 */
export function createLayoutEngine(): LayoutEngine {
    const module = elk as unknown as { default?: EngineConstructor } | EngineConstructor;
    const Engine = typeof module === 'function' ? module : module.default!;
    return new Engine();
}
