// protoc-c's C of google/protobuf/descriptor.proto: lets reform-protogen read the descriptor
// sets protoc writes, with libprotobuf-c. Used by code generation only, never by the product.
#include "google/protobuf/descriptor.pb-c.h"
