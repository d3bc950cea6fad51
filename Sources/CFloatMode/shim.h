// The processor's floating-point control register, for the kernels
// (Sources/Kernels/SubnormalFlush.swift): whether subnormal numbers (below 2^-126 for Float)
// are flushed to zero. Swift has no access to this register; these two inline
// functions are all the kernels need. No library to link.
//
// x86-64: MXCSR bit 15 (FTZ, results flushed) and bit 6 (DAZ, inputs read as 0).
// arm64:  FPCR bit 24 (FZ, both).
// Elsewhere: no such mode; the functions do nothing and report 0.
#ifndef NEURALKIT_CFLOATMODE_SHIM_H
#define NEURALKIT_CFLOATMODE_SHIM_H

#include <stdint.h>

#if defined(__x86_64__)
#include <xmmintrin.h>
static const uint64_t neuralkit_flush_bits = 0x8040;
static inline uint64_t neuralkit_float_control(void) { return _mm_getcsr(); }
static inline void neuralkit_set_float_control(uint64_t value) {
  _mm_setcsr((unsigned int)value);
}
#elif defined(__aarch64__)
static const uint64_t neuralkit_flush_bits = 1ull << 24;
static inline uint64_t neuralkit_float_control(void) {
  uint64_t value;
  __asm__ __volatile__("mrs %0, fpcr" : "=r"(value));
  return value;
}
static inline void neuralkit_set_float_control(uint64_t value) {
  __asm__ __volatile__("msr fpcr, %0" : : "r"(value));
}
#else
static const uint64_t neuralkit_flush_bits = 0;
static inline uint64_t neuralkit_float_control(void) { return 0; }
static inline void neuralkit_set_float_control(uint64_t value) { (void)value; }
#endif

#endif
