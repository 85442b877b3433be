#!/usr/bin/python3
"""A fake USB ESC/POS printer for Till's device tests, through the real libusb stack.

Builds a umockdev testbed from a device description (sysfs + USB descriptors), answers the
usbdevfs ioctls of its device node live, forwards every bulk OUT byte to an ESC/POS peer on
loopback TCP (`till printer emulate --listen tcp://127.0.0.1:PORT`) and serves that peer's
replies on bulk IN. Then runs the command under test inside the testbed (UMOCKDEV_DIR,
LD_PRELOAD=libumockdev-preload.so.0) and exits with its status.

usage: usb_printer_harness.py --device FILE.umockdev --forward PORT [--record FILE]
           [--events FILE] [--kernel-driver] [--busy] [--unplug-after-bytes N] -- COMMAND...

Run with /usr/bin/python3 (Debian's, with python3-gi and gir1.2-umockdev-1.0).
"""
import argparse, errno, os, socket, struct, subprocess, sys
import gi
gi.require_version('UMockdev', '1.0')
from gi.repository import UMockdev

# linux/usbdevice_fs.h request numbers, x86_64
SUBMITURB, REAPURB, REAPURBNDELAY, DISCARDURB = 0x8038550a, 0x4008550c, 0x4008550d, 0x550b
CLAIM, RELEASE, GETCAPS, GETDRIVER = 0x8004550f, 0x80045510, 0x8004551a, 0x41045508
SETIF, SETCONF, CLEAR_HALT, RESET, USBIOCTL = 0x80085504, 0x80045505, 0x80045515, 0x5514, 0xc0105512
DISCONNECT, CONNECT = 0x5516, 0x5517
URB_SIZE, OFF_STATUS, OFF_BUFFER, OFF_BUFLEN, OFF_ACTUAL = 56, 4, 16, 24, 28
NODE = '/dev/bus/usb/001/002'
SYSFS = '/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1'


class FakePrinter:
    def __init__(self, opts, testbed):
        self.opts = opts
        self.testbed = testbed
        self.peer = socket.create_connection(('127.0.0.1', opts.forward), timeout=5)
        self.peer.setblocking(False)
        self.to_host = bytearray()     # peer replies waiting for a bulk IN URB
        self.pending_in = []           # (urb address, urb, buffer, length)
        self.reapable = []
        self.received = 0
        self.unplugged = False
        self.kernel_driver = opts.kernel_driver   # usblp bound until libusb detaches it
        self.record = open(opts.record, 'wb') if opts.record else None
        self.events = open(opts.events, 'w') if opts.events else None

    def event(self, text):
        if self.events:
            self.events.write(text + '\n'); self.events.flush()

    def finish(self, urb, actual, status=0):
        urb.update(OFF_STATUS, struct.pack('i', status))
        urb.update(OFF_ACTUAL, struct.pack('i', actual))
        self.reapable.append(urb)

    def pump(self):
        """Moves peer replies into waiting IN URBs (called whenever libusb polls)."""
        try:
            while True:
                data = self.peer.recv(4096)
                if not data:
                    break
                self.to_host += data
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            pass
        while self.pending_in and self.to_host:
            addr, urb, buf, buflen = self.pending_in.pop(0)
            chunk = bytes(self.to_host[:buflen]); del self.to_host[:buflen]
            buf.update(0, chunk)
            self.finish(urb, len(chunk))

    def bulk_out(self, data):
        if self.record:
            self.record.write(data); self.record.flush()
        self.received += len(data)
        self.peer.setblocking(True)
        self.peer.sendall(data)
        self.peer.setblocking(False)
        if self.opts.unplug_after_bytes is not None and self.received >= self.opts.unplug_after_bytes:
            self.unplugged = True
            self.event('unplug')
            # Gone from sysfs too: the next scan finds no printer, as after a real unplug.
            self.testbed.remove_device(SYSFS)

    def handle_ioctl(self, handler, client):
        req, arg = client.get_request(), client.get_arg()
        if self.unplugged:
            # Cancelled URBs still come back (with ENODEV) so libusb can free them.
            if req in (REAPURB, REAPURBNDELAY) and self.reapable:
                arg.resolve(0, 8).set_ptr(0, self.reapable.pop(0)); client.complete(0, 0)
            elif req in (REAPURB, REAPURBNDELAY) and self.pending_in:
                _, urb, _, _ = self.pending_in.pop(0)
                self.finish(urb, 0, -errno.ENODEV)
                arg.resolve(0, 8).set_ptr(0, self.reapable.pop(0)); client.complete(0, 0)
            else:
                client.complete(-1, errno.ENODEV)
            return True
        if req == SUBMITURB:
            addr = struct.unpack('Q', bytes(arg.retrieve()))[0]   # before resolve()
            urb = arg.resolve(0, URB_SIZE)
            raw = bytes(urb.retrieve())
            ep = raw[1]
            buflen = struct.unpack_from('i', raw, OFF_BUFLEN)[0]
            buf = urb.resolve(OFF_BUFFER, buflen) if buflen else None
            if ep & 0x80:
                self.pending_in.append((addr, urb, buf, buflen)); self.pump()
            else:
                self.bulk_out(bytes(buf.retrieve()) if buf else b'')
                self.finish(urb, buflen); self.pump()
            client.complete(0, 0)
        elif req in (REAPURB, REAPURBNDELAY):
            self.pump()
            if self.reapable:
                arg.resolve(0, 8).set_ptr(0, self.reapable.pop(0)); client.complete(0, 0)
            else:
                client.complete(-1, errno.EAGAIN)
        elif req == DISCARDURB:
            addr = struct.unpack('Q', bytes(arg.retrieve()))[0]
            for i, p in enumerate(self.pending_in):
                if p[0] == addr:
                    del self.pending_in[i]; self.finish(p[1], 0, -errno.ENOENT)
                    client.complete(0, 0); break
            else:
                client.complete(-1, errno.EINVAL)
        elif req == GETDRIVER:
            if self.kernel_driver:
                arg.resolve(0, 260).update(4, b'usblp\0'); client.complete(0, 0)
            else:
                client.complete(-1, errno.ENODATA)
        elif req == USBIOCTL:
            ifno, code = struct.unpack_from('ii', bytes(arg.resolve(0, 16).retrieve()), 0)
            if code == DISCONNECT:
                self.kernel_driver = False; self.event(f'detach usblp {ifno}'); client.complete(0, 0)
            elif code == CONNECT:
                self.kernel_driver = True; self.event(f'attach usblp {ifno}'); client.complete(0, 0)
            else:
                client.complete(-1, errno.ENOTTY)
        elif req == CLAIM:
            if self.opts.busy:
                client.complete(-1, errno.EBUSY)
            elif self.kernel_driver:
                client.complete(-1, errno.EBUSY)     # usblp still holds it: the real kernel says so
            else:
                self.event('claim'); client.complete(0, 0)
        elif req == RELEASE:
            self.event('release'); client.complete(0, 0)
        elif req in (SETIF, SETCONF, CLEAR_HALT, RESET):
            client.complete(0, 0)
        elif req == GETCAPS:
            client.complete(-1, errno.ENOTTY)       # old kernel: libusb then uses plain DISCONNECT
        else:
            print(f'[harness] unhandled ioctl 0x{req:08x}', file=sys.stderr)
            client.complete(-1, errno.ENOTTY)
        return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--device', required=True)
    ap.add_argument('--forward', type=int, required=True, help='loopback TCP port of the ESC/POS peer')
    ap.add_argument('--record', help='file receiving every bulk OUT byte')
    ap.add_argument('--events', help='file receiving claim/release/detach/attach/unplug lines')
    ap.add_argument('--kernel-driver', action='store_true', help='start with usblp bound to interface 0')
    ap.add_argument('--busy', action='store_true', help='claiming the interface fails with EBUSY')
    ap.add_argument('--unplug-after-bytes', type=int)
    ap.add_argument('command', nargs=argparse.REMAINDER)
    opts = ap.parse_args()
    command = opts.command[1:] if opts.command[:1] == ['--'] else opts.command

    tb = UMockdev.Testbed.new()
    tb.add_from_file(opts.device)
    printer = FakePrinter(opts, tb)
    handler = UMockdev.IoctlBase()
    handler.connect('handle-ioctl', printer.handle_ioctl)
    tb.attach_ioctl(NODE, handler)
    env = dict(os.environ, UMOCKDEV_DIR=tb.get_root_dir(),
               LD_PRELOAD='libumockdev-preload.so.0:' + os.environ.get('LD_PRELOAD', ''))
    rc = subprocess.run(command, env=env).returncode
    sys.exit(rc)


if __name__ == '__main__':
    main()
