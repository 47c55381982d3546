/** Written into every workbook's meta; kept equal to package.json's version (a test checks). */
export const GENERATOR = 'plan-tracker';
export const GENERATOR_VERSION = '0.1.0';
/** Bump when the tracking table's columns or the meta layout change. */
export const SCHEMA_VERSION = 1;
