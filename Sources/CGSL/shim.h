#ifndef CGSL_SHIM_H
#define CGSL_SHIM_H
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_histogram.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_statistics_double.h>

/* Swift 6 rejects reads of C global variables (shared mutable state), so the
   generator-type table and the quasi-random types are reached through functions. */
static inline const gsl_rng_type **cgsl_rng_types(void) { return gsl_rng_types_setup(); }
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_qrng_type *cgsl_qrng_sobol(void) { return gsl_qrng_sobol; }
#endif
