/*
 * ymd.h -- a calendar date written YYYY-MM-DD, as --reference-date and the
 * reference_date of a --stdin record give it.
 */
#ifndef ANN_UTIL_YMD_H
#define ANN_UTIL_YMD_H

/* True for a real calendar date written YYYY-MM-DD (leap years counted). */
int ann_ymd_valid(const char *s);

#endif
