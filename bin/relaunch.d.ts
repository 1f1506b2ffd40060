/** Types of relaunch.js (plain JavaScript: it runs before the bundle is loaded). */
export declare const RELAUNCH_BYTES: number;
export declare function relaunchEnv(argv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform): NodeJS.ProcessEnv | null;
export declare function relaunchFlags(argv: readonly string[]): string[];
export declare function relaunch(script: string, env: NodeJS.ProcessEnv, flags?: readonly string[]): Promise<number | null>;
export declare const RELAUNCH_FAULT_MS_PER_MB: number;
export declare function firstTouchMsPerMB(mb?: number): number;
export declare function faultsAreDear(env: NodeJS.ProcessEnv, probe?: () => number): boolean;
