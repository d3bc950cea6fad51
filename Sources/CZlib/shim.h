// zlib for the gzip reader of MNISTData (Sources/MNISTData/GzipReader.swift).
// macOS ships zlib in its SDK; on Debian and Ubuntu install it with
// `apt-get install zlib1g-dev` (the swift.org Linux instructions already list it).
#include <zlib.h>
