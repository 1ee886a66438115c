/** Simulated time: one type, in seconds, for the whole project. */

/** A point or span of simulated time, in seconds. */
export type SimTime = number;

export const SECOND: SimTime = 1;
export const MINUTE: SimTime = 60;
export const HOUR: SimTime = 3600;
export const DAY: SimTime = 86_400;
export const WEEK: SimTime = 7 * DAY;
/** A year is 365 days: the unit availability reports use for "per year" figures. */
export const YEAR: SimTime = 365 * DAY;
