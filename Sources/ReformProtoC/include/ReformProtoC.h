// The C that protoc-c generated from Protos/, and the descriptor accessors reform-protogen
// generated beside it. Nothing here is written by hand: run Protos/generate.
#include "reform_wire_descriptors.h"
