// libusb-1.0 for TillDevices' USB printer transport. pkg-config libusb-1.0 adds
// -I/usr/include/libusb-1.0 (Debian: libusb-1.0-0-dev).
#include <libusb.h>
