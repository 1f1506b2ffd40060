/** The numerical thresholds of the analyses, each with its default. */

/** The largest dense basis listed (entries); bigger bases are left empty. */
export const MAX_LISTED_ENTRIES = 2e7;
