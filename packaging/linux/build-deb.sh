#!/usr/bin/env bash
# The .deb for 统信UOS / 银河麒麟 / Debian: the frozen folder under /opt, commands
# in /usr/bin, a Chinese .desktop entry with the icon, and the machine-wide data
# folder /var/lib/station-desk (made by postinst, never removed).
#   packaging/linux/build-deb.sh dist/station-desk dist    (make deb)
set -euo pipefail
frozen=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$top/src/station_desk/__init__.py")
[ -x "$frozen/station-desk-cli" ] || { echo "no frozen build in $frozen (make package)" >&2; exit 1; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkg=$stage/station-desk
install -d "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
  "$pkg/usr/share/icons/hicolor/256x256/apps"
cp -a "$frozen" "$pkg/opt/station-desk"
ln -s /opt/station-desk/station-desk "$pkg/usr/bin/station-desk"
ln -s /opt/station-desk/station-desk-cli "$pkg/usr/bin/station-desk-cli"
install -m 644 "$here/station-desk.desktop" "$pkg/usr/share/applications/station-desk.desktop"
install -m 644 "$top/resources/icons/station-desk.png" \
  "$pkg/usr/share/icons/hicolor/256x256/apps/station-desk.png"
size=$(du -sk "$pkg" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" "$here/control" > "$pkg/DEBIAN/control"
install -m 755 "$here/postinst" "$pkg/DEBIAN/postinst"

mkdir -p "$out"
deb="$out/station-desk_${version}_amd64.deb"
# xz: every dpkg reads it (zstd only from dpkg 1.21.18). CI passes DEB_COMPRESS=gzip:
# xz takes minutes on a busy 2-core machine.
fakeroot dpkg-deb --build "-Z${DEB_COMPRESS:-xz}" "$pkg" "$deb" >/dev/null
echo "$deb"
