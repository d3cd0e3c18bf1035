#ifndef BRIEFING_CYAML_SHIM_H
#define BRIEFING_CYAML_SHIM_H
#include <yaml.h>
#endif
