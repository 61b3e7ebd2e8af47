"""Devices at the window (R-DEVICE): the 二代证 reader, the document camera's
pages, the rating pad's keys, the watched scan folder.

No Qt, no database, no window here: protocols, parsing, field mapping and image
work, each behind a small interface so tests drive it through simulators (a
loopback HTTP service, a fake SAM module on a socket, a folder written slowly).
The Qt parts (camera capture, the rating screen, the 读卡 button) live in
`ui/devices/`.

Why the vendors' reader DLLs are not loaded: they are almost all 32-bit
(`termb.dll`, `sdtapi.dll`, `WltRS.dll`, ...), and a 32-bit DLL cannot be
loaded into this 64-bit Python/Qt process at all; a crash inside one would
also take the open archive down with it. Every reader sold for 政务 counters
either ships a local service (HTTP on 127.0.0.1) or speaks the SAM module's
serial protocol, so the program uses those two and never loads vendor code
in-process. A vendor that offers neither can be bridged by its own 32-bit
service program.
"""
