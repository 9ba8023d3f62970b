// libprotobuf-c, the one protobuf runtime Reform ships (Debian: libprotobuf-c-dev).
#include <protobuf-c/protobuf-c.h>
