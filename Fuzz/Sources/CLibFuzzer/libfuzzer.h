#ifndef BRIEFING_LIBFUZZER_H
#define BRIEFING_LIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for a program that has its own main(): parses libFuzzer's
/// options from the command line and runs `test` on every input it makes. libFuzzer
/// ships no header for it; -sanitize=fuzzer links the library.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));

#endif
