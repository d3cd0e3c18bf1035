#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the copy Foundation carries;
// the tests use no encoding converter, so libxml2's headers are read without them.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

// xmlFree is a global function pointer, which Swift 6 cannot call safely from any thread.
static inline void clibxml2_free(void *memory) { xmlFree(memory); }
