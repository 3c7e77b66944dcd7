/** The page's language: 'en' or 'ar' (right to left). Both string tables are in strings.ts. */
export const LANG: 'en' | 'ar' = '{{lang}}';
