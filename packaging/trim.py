"""What the frozen folder leaves out: Qt parts the program never loads.

PySide6's hooks collect every plugin of each Qt module used, and their
libraries. The program is a widgets app (QtWidgets, QtCharts, QtPdf,
QtPrintSupport) in Chinese, so these go; each pattern is matched against the
path inside the folder, on Windows and Linux alike.
"""

from __future__ import annotations

import re

DROPPED = [
    # the on-screen keyboard plugin and its libraries (Qt Quick and QML stay: the
    # camera's FFmpeg media plugin links them)
    r"qtvirtualkeyboardplugin", r"Qt6?VirtualKeyboard\w*[.\d]*\.(so|dll)",
    # embedded-device platforms (eglfs/linuxfb/vnc/vulkan display), not a desktop
    r"egldeviceintegrations", r"platforms[/\\]\w*(eglfs|minimalegl|linuxfb|vnc|vkkhrdisplay)",
    r"Qt6?EglF[Ss]\w*", r"generic[/\\]\w*tuio",
    # Wayland: UOS and Kylin desktops run X11, and a Wayland session still has
    # XWayland, where Qt falls back to xcb (~3 MB)
    r"[Ww]ayland", r"Qt6?Wl\w*",
    # the GTK theme plugin and the GTK stack it pulls in (Qt's own style is used)
    r"qgtk3", r"lib(atk-1\.0|cairo|cairo-gobject|pango(cairo|ft2)?-1\.0|gdk_pixbuf-2\.0|pixman-1"
    r"|thai|datrie|fribidi|graphite2|harfbuzz)\.so",
    # Python bindings that only come along as dependencies of the modules used (the
    # C++ libraries stay where a used one links them; nothing imports these)
    r"PySide6[/\\]Qt(OpenGL|OpenGLWidgets|DBus|Concurrent|MultimediaWidgets)\.",
    r"Qt6MultimediaWidgets\.(so|dll)",
    # evdev input: only for the embedded platforms above; a desktop's X server reads devices
    r"generic[/\\]\w*evdev",
    # Linux: CUPS and the TLS stack only it needs come from the system (the .deb
    # depends on libcups2), matching the system's print service
    r"lib(cups|gnutls|p11-kit|unistring|idn2|tasn1|nettle|hogweed|gmp|avahi-client"
    r"|avahi-common)\.so",
    # Linux: the base libraries every Debian-family desktop has (the .deb depends
    # on them); PyInstaller would copy the build machine's (~13 MB)
    r"(^|[/\\])lib(stdc\+\+|gcc_s|gio-2\.0|glib-2\.0|gobject-2\.0|gmodule-2\.0|gthread-2\.0"
    r"|gcrypt|gpg-error|systemd|X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|fontconfig|freetype|expat"
    r"|png16|z|bz2|brotli\w+|zstd|lzma|lz4|dbus-1|pcre2-8|selinux|mount|blkid|ffi|uuid|cap|md"
    r"|bsd"
    # the sound server's client (Qt Multimedia links it) and Kerberos (QtNetwork;
    # libcups2 needs it too): every desktop has them, the .deb depends on them (~5 MB)
    r"|pulse|pulsecommon-[\d.]+|sndfile|FLAC|vorbis|vorbisenc|ogg|opus|mpg123|mp3lame|asyncns"
    r"|gssapi_krb5|krb5|k5crypto|krb5support|keyutils|com_err"
    # the JPEG library the (dropped) GTK stack linked; Qt and Pillow bring their own
    r"|jpeg)\.so[.\d]*$",
    # TLS backends: the program never goes online
    r"plugins[/\\]tls[/\\]", r"networkinformation",
    # software OpenGL for Windows without drivers; a widgets app does not render GL
    r"opengl32sw\.dll",
    # image formats nobody scans to
    r"imageformats[/\\]\w*(icns|tga|wbmp)",
    # python-stdnum's tables for other countries (only stdnum.cn is used)
    r"stdnum[/\\][\w-]+\.dat$",
]
# Qt's translations: Chinese only (the program loads qtbase_zh_CN).
TRANSLATIONS = re.compile(r"translations[/\\](?!qt(base)?_zh_CN\.qm$)")
# Python packages only the tools use (tests, type checks); elsewhere optional imports.
# (PIL stays: reportlab imports it unconditionally; ssl too: python-stdnum does.)
# (readline: line editing for an interactive prompt the program never offers.)
EXCLUDED_MODULES = ["tkinter", "readline", "mypy", "ast_serialize", "hypothesis", "pytest",
                    "_pytest",
                    # Pillow codecs reportlab never asks for (AVIF alone is ~5 MB)
                    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin",
                    "PIL._imagingcms", "PIL.ImageCms", "PIL._imagingtk", "PIL.ImageTk"]

_DROPPED = re.compile("|".join(DROPPED))
# Linux: binutils' strip corrupts Qt's FFmpeg libraries ("ELF load command
# address/offset not page-aligned"), so the camera's media plugin could not load;
# the spec puts the original files back after the stripped collect.
NOT_STRIPPED = re.compile(r"(^|[/\\])lib(av\w+|sw\w+)\.so[.\d]*$")


def keep(dest: str) -> bool:
    return not (_DROPPED.search(dest) or TRANSLATIONS.search(dest))


def trimmed(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A PyInstaller table of contents without the dropped entries."""
    return [entry for entry in toc if keep(entry[0])]
