// Module 4 (identity): kept apart so each part of the module owns its catalogue.
export const ko = {} as const satisfies Record<string, string>;

export const en: Record<keyof typeof ko, string> = {};
