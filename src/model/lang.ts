/** The two languages the product speaks: Vietnamese first, English second. */
export type Lang = 'vi' | 'en';

export const LANGS: readonly Lang[] = ['vi', 'en'];
