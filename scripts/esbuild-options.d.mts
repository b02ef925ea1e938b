import type { BuildOptions, Plugin } from 'esbuild';

export declare const stubReactDevtools: Plugin;
export declare const dropUnused: Plugin;
export declare const nodeBundleOptions: BuildOptions;
export declare const requireBanner: string;
export declare function buildFeedReaderSource(esbuild: typeof import('esbuild')): Promise<string>;
