#!/usr/bin/env bash
# Install BridgeDesk for the current user, without root.
#
#   program   ~/.local/lib/bridgedesk/           (replaced whole on upgrade)
#   launcher  ~/.local/bin/bridgedesk
#   menu      $XDG_DATA_HOME/applications/bridgedesk.desktop
#   icons     $XDG_DATA_HOME/icons/hicolor/<size>/apps/bridgedesk.png (+ scalable .svg)
#
# $XDG_DATA_HOME defaults to ~/.local/share. The program's data (database, backups, logs)
# lives in $XDG_DATA_HOME/BridgeDesk, outside the program folder: installing a newer
# version over an older one never touches it, and BridgeDesk migrates the database (after
# taking a backup) the next time it starts.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${HOME:?HOME must be set}"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
LIB_DIR="$HOME/.local/lib/bridgedesk"
BIN_DIR="$HOME/.local/bin"
LAUNCHER="$BIN_DIR/bridgedesk"
APPS_DIR="$DATA_HOME/applications"
ICON_ROOT="$DATA_HOME/icons/hicolor"

if [ "$(id -u)" = "0" ] && [ "${BRIDGEDESK_ALLOW_ROOT:-}" != "1" ]; then
    echo "install.sh installs BridgeDesk for one user; run it as that user, not as root." >&2
    echo "(For a system-wide install use the .deb package.)" >&2
    exit 1
fi
if [ ! -x "$HERE/app/bridgedesk" ]; then
    echo "install.sh: $HERE/app/bridgedesk is missing; unpack the whole archive first." >&2
    exit 1
fi

# A running BridgeDesk keeps files open in its folder: replacing them under it could crash it
# mid-save. Its processes are found by their executable (/proc/PID/exe), which a folder
# name with odd characters cannot confuse the way a pgrep pattern would.
running_from() {
    local dir link exe
    [ -d "$1" ] && [ -d /proc ] || return 1
    dir="$(cd "$1" && pwd -P)"
    for link in /proc/[0-9]*/exe; do
        exe="$(readlink "$link" 2>/dev/null)" || continue
        case "$exe" in
            "$dir"/*) link="${link#/proc/}"; printf '%s\n' "${link%/exe}"; return 0 ;;
        esac
    done
    return 1
}
if RUNNING_PID="$(running_from "$LIB_DIR")"; then
    echo "BridgeDesk is running from $LIB_DIR (process $RUNNING_PID); close it, then run install.sh again." >&2
    exit 1
fi

# Copy next to the old program first, then swap: a failed copy leaves the old one working.
mkdir -p "$(dirname "$LIB_DIR")" "$BIN_DIR" "$APPS_DIR"
STAGING="$LIB_DIR.new.$$"
rm -rf "$STAGING"
trap 'rm -rf "$STAGING"' EXIT
cp -a "$HERE/app" "$STAGING"
cp "$HERE/uninstall.sh" "$STAGING/uninstall.sh"
chmod 755 "$STAGING/uninstall.sh"
if [ -e "$LIB_DIR" ]; then
    rm -rf "$LIB_DIR"
fi
mv "$STAGING" "$LIB_DIR"
trap - EXIT

# The launcher is a tiny script (not a symlink) so it keeps working if ~/.local/bin is copied.
# The program's path is single-quoted for /bin/sh (each ' written as '\''), so a home folder
# holding ", `, $, \ or spaces is taken literally. (bash's printf %q would do for bash, but
# it writes $'...' for some characters, which dash cannot read.)
sh_quote() {
    local escaped="${1//\'/\'\\\'\'}"
    printf "'%s'" "$escaped"
}
{
    printf '#!/bin/sh\n'
    printf '# BridgeDesk launcher, written by install.sh.\n'
    printf 'exec %s "$@"\n' "$(sh_quote "$LIB_DIR/bridgedesk")"
} > "$LAUNCHER"
chmod 755 "$LAUNCHER"

# Menu entry: Exec is the launcher's absolute path, quoted (the desktop session's PATH may
# not include ~/.local/bin, and a home folder may contain spaces).
desktop_quote() {
    printf '"%s"' "$(printf '%s' "$1" | sed -e 's/[\\"`$]/\\\\&/g')"
}
EXEC_VALUE="$(desktop_quote "$LAUNCHER")"
ENTRY="$(cat "$HERE/bridgedesk.desktop.in")"
ENTRY="${ENTRY//@EXEC@/"$EXEC_VALUE"}"
ENTRY="${ENTRY//@TRYEXEC@/"$LAUNCHER"}"
printf '%s\n' "$ENTRY" > "$APPS_DIR/bridgedesk.desktop"
chmod 644 "$APPS_DIR/bridgedesk.desktop"

for png in "$HERE"/icons/bridgedesk-*.png; do
    size="${png##*-}"
    size="${size%.png}"
    mkdir -p "$ICON_ROOT/${size}x${size}/apps"
    cp "$png" "$ICON_ROOT/${size}x${size}/apps/bridgedesk.png"
done
if [ -f "$HERE/icons/bridgedesk.svg" ]; then
    mkdir -p "$ICON_ROOT/scalable/apps"
    cp "$HERE/icons/bridgedesk.svg" "$ICON_ROOT/scalable/apps/bridgedesk.svg"
fi

# Refresh the menu and icon caches where the tools exist; a missing tool is not an error.
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$APPS_DIR" 2>/dev/null || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$ICON_ROOT" 2>/dev/null || true
fi

VERSION="$("$LIB_DIR/bridgedesk" --version 2>/dev/null || echo "BridgeDesk")"
echo "Installed $VERSION in $LIB_DIR."
echo "Start it from the applications menu, or run: $LAUNCHER"
case ":$PATH:" in
    *":$BIN_DIR:"*) ;;
    *) echo "Note: $BIN_DIR is not on your PATH; add it to run 'bridgedesk' by name." ;;
esac
echo "Your data folder is ${DATA_HOME}/BridgeDesk (kept across upgrades and uninstall)."
echo "To uninstall: $LIB_DIR/uninstall.sh"
