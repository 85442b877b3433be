#!/usr/bin/python3
"""A fake USB keyboard-wedge barcode scanner for the till's tests, through umockdev.

usage: /usr/bin/python3 evdev_scanner.py [--layout us|de] [--gap-ms N] [--scan TEXT]...
                                         [--interrupt-after-ms N] -- COMMAND [ARGS...]

Presents /dev/input/event5 (a Honeywell HID keyboard, 0c2e:0b61, from scanner.umockdev beside
this file) inside a umockdev testbed, runs COMMAND there (UMOCKDEV_DIR + LD_PRELOAD), answers its
evdev ioctls (EVIOCGNAME, EVIOCGID, EVIOCGVERSION, EVIOCGRAB), and once COMMAND has grabbed the
device types each --scan as key events (Shift for capitals, Enter at the end) with kernel
timestamps GAP ms apart; --interrupt-after-ms sends COMMAND SIGINT (Ctrl-C) that long after the
last scan. COMMAND's output passes through; the last stdout line is the harness's
own JSON: {"harness": {"grabs": [1, 0], "status": N, "ioctls": [...]}}.
Needs the Debian packages umockdev, gir1.2-umockdev-1.0 and python3-gi (Scripts/apt-packages.txt);
run it with /usr/bin/python3 (a pyenv python has no gi).
"""
import json, os, signal, struct, subprocess, sys, time
import gi
gi.require_version('UMockdev', '1.0')
from gi.repository import GLib, UMockdev

DEVICE = '/dev/input/event5'
EVIOCGVERSION, EVIOCGID, EVIOCGRAB = 0x80044501, 0x80084502, 0x40044590
EVIOCGNAME_BASE = 0x80004506          # _IOC(READ, 'E', 0x06, len): the length is in bits 16..29
NAME = b'Honeywell Scanner'
ENOTTY = 25
EV_SYN, EV_KEY, KEY_LEFTSHIFT, KEY_ENTER = 0, 1, 42, 28

def keymap(layout):
    """character -> (key code, shift) for the layout the fake scanner is set to."""
    rows = {'us': [(2, '1234567890-=', '!@#$%^&*()_+'), (16, 'qwertyuiop[]', 'QWERTYUIOP{}'),
                   (30, "asdfghjkl;'`", 'ASDFGHJKL:"~'), (43, '\\zxcvbnm,./', '|ZXCVBNM<>?')],
            'de': [(2, '1234567890ß', '!"§$%&/()=?'), (16, 'qwertzuiopü+', 'QWERTZUIOPÜ*'),
                   (30, 'asdfghjklöä^', 'ASDFGHJKLÖÄ°'), (43, '#yxcvbnm,.-', "'YXCVBNM;:_")]}[layout]
    keys = {' ': (57, False)}
    for start, plain, shifted in rows:
        for i, (p, s) in enumerate(zip(plain, shifted)):
            keys[p] = (start + i, False)
            keys[s] = (start + i, True)
    return keys

def main():
    args = sys.argv[1:]
    split = args.index('--')
    opts, command = args[:split], args[split + 1:]
    layout, gap_ms, scans, interrupt_ms = 'us', 2.0, [], None
    while opts:
        flag, value = opts.pop(0), opts.pop(0)
        if flag == '--layout': layout = value
        elif flag == '--gap-ms': gap_ms = float(value)
        elif flag == '--scan': scans.append(value)
        elif flag == '--interrupt-after-ms': interrupt_ms = float(value)
        else: sys.exit(f'evdev_scanner.py: unknown option {flag}')
    keys = keymap(layout)

    tb = UMockdev.Testbed.new()
    tb.add_from_file(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'scanner.umockdev'))
    grabs, seen = [], []

    def handle(handler, client):
        req, arg = client.get_request(), client.get_arg()
        seen.append(hex(req))
        if req == EVIOCGRAB:               # the argument is the int itself, not a pointer
            grabs.append(struct.unpack_from('i', bytes(arg.retrieve()))[0])
            client.complete(0, 0)
        elif req & 0xC000FFFF == EVIOCGNAME_BASE:
            length = (req >> 16) & 0x3FFF
            data = (NAME + b'\0')[:length]
            arg.resolve(0, length).update(0, data)
            client.complete(len(data), 0)
        elif req == EVIOCGID:              # bustype USB, vendor, product, version
            arg.resolve(0, 8).update(0, struct.pack('HHHH', 3, 0x0C2E, 0x0B61, 0x0111))
            client.complete(0, 0)
        elif req == EVIOCGVERSION:
            arg.resolve(0, 4).update(0, struct.pack('i', 0x010001))
            client.complete(0, 0)
        else:
            client.complete(-1, ENOTTY)
        return True

    handler = UMockdev.IoctlBase()
    handler.connect('handle-ioctl', handle)
    tb.attach_ioctl(DEVICE, handler)
    master = tb.get_dev_fd(DEVICE)
    env = dict(os.environ, UMOCKDEV_DIR=tb.get_root_dir(),
               LD_PRELOAD='libumockdev-preload.so.0:' + os.environ.get('LD_PRELOAD', ''))
    child = subprocess.Popen(command, env=env)
    context = GLib.MainContext.default()

    def pump(until, seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end and not until():
            context.iteration(False)
            time.sleep(0.002)

    if scans:
        pump(lambda: grabs or child.poll() is not None, 10)   # type only once the reader holds the device
    t = time.time()
    def event(kind, code, value):
        nonlocal t
        return struct.pack('qqHHi', int(t), int(t % 1 * 1e6), kind, code, value)
    for text in scans:
        for ch in list(text) + ['\n']:
            code, shift = (KEY_ENTER, False) if ch == '\n' else keys[ch]
            out = b''
            if shift: out += event(EV_KEY, KEY_LEFTSHIFT, 1) + event(EV_SYN, 0, 0)
            out += event(EV_KEY, code, 1) + event(EV_SYN, 0, 0) + event(EV_KEY, code, 0) + event(EV_SYN, 0, 0)
            if shift: out += event(EV_KEY, KEY_LEFTSHIFT, 0) + event(EV_SYN, 0, 0)
            os.write(master, out)
            t += gap_ms / 1000.0
        context.iteration(False)
    if interrupt_ms is not None:
        pump(lambda: child.poll() is not None, interrupt_ms / 1000.0)
        if child.poll() is None: child.send_signal(signal.SIGINT)
    pump(lambda: child.poll() is not None, 15)
    status = child.poll()
    if status is None:
        child.kill()
        status = 124
    pump(lambda: False, 0.05)               # answer any ioctl still queued (the ungrab at exit)
    sys.stdout.flush()
    print(json.dumps({'harness': {'grabs': grabs, 'status': status, 'ioctls': seen}}), flush=True)

main()
