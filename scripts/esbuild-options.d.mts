import type { BuildOptions, Plugin } from 'esbuild';

export declare const stubReactDevtools: Plugin;
export declare const nodeBundleOptions: BuildOptions;
export declare const requireBanner: string;
