#!/usr/bin/env bash
# Remove BridgeDesk installed by install.sh for the current user. The data folder
# ($XDG_DATA_HOME/BridgeDesk: the program database, backups and logs) is KEPT.
set -euo pipefail

: "${HOME:?HOME must be set}"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
LIB_DIR="$HOME/.local/lib/bridgedesk"
LAUNCHER="$HOME/.local/bin/bridgedesk"
APPS_DIR="$DATA_HOME/applications"
ICON_ROOT="$DATA_HOME/icons/hicolor"
DATA_DIR="$DATA_HOME/BridgeDesk"

removed=0
if [ -f "$LAUNCHER" ] && grep -q "BridgeDesk launcher" "$LAUNCHER" 2>/dev/null; then
    rm -f "$LAUNCHER"
    removed=1
fi
if [ -f "$APPS_DIR/bridgedesk.desktop" ]; then
    rm -f "$APPS_DIR/bridgedesk.desktop"
    removed=1
fi
if [ -d "$ICON_ROOT" ]; then
    find "$ICON_ROOT" -path '*/apps/bridgedesk.png' -delete 2>/dev/null || true
    find "$ICON_ROOT" -path '*/apps/bridgedesk.svg' -delete 2>/dev/null || true
fi
if [ -d "$LIB_DIR" ]; then
    # The program folder only: the data folder lives elsewhere and is never removed here.
    rm -rf "$LIB_DIR"
    removed=1
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$APPS_DIR" ]; then
    update-desktop-database -q "$APPS_DIR" 2>/dev/null || true
fi

if [ "$removed" = "1" ]; then
    echo "BridgeDesk was removed from $LIB_DIR."
else
    echo "BridgeDesk was not installed for this user; nothing was removed."
fi
if [ -d "$DATA_DIR" ]; then
    echo "Your data folder was kept: $DATA_DIR"
    echo "(It holds the program database, backups and logs; delete it yourself if you no longer need it.)"
else
    echo "Your data folder ($DATA_DIR) is not there; nothing else to keep."
fi
