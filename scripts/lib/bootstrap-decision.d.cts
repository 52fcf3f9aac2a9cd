export declare function dependenciesDecision(files: { lockMtimeMs: number | undefined; markerMtimeMs: number | undefined }): { install: boolean; reason: string };
export declare function chromiumDecision(facts: { present: boolean; root: boolean; apt: boolean }): 'present' | 'install' | 'advise';
