#!/bin/sh
# Qt 6's X11 platform plugin needs these Debian/Ubuntu libraries; a fresh machine lacks them
# and the window then aborts with "could not load the Qt platform plugin xcb".
# Installs them when run as root, otherwise says exactly what to install.
PACKAGES="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian-like: nothing to check
missing=""
for package in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "Installing Qt's X11 libraries:$missing"
  { apt-get install -y -q $missing >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q $missing >/dev/null; }; } ||
    { echo "Could not install:$missing"; exit 1; }
else
  echo "PlanBook's window needs Qt's X11 libraries, which are not installed. Run:"
  echo "  sudo apt-get install$missing"
  exit 1
fi
