#!/usr/bin/env bash
# End-to-end check of the Linux bundle as a user gets it:
#   build (from a clean `git clone`), install into a temporary HOME with install.sh, run the
#   INSTALLED program with no Python on PATH (env -i, PATH=/usr/bin:/bin): --version, demo,
#   a PDF report, the GUI offscreen and under Xvfb (screenshot), then an upgrade from a
#   schema-0001 database (backup first, data kept), then uninstall.sh (data folder kept).
#
# Usage:
#   installers/smoke_test.sh                      clone HEAD of this repository and build it
#   installers/smoke_test.sh --with-worktree      ...plus this checkout's uncommitted files
#   installers/smoke_test.sh --bundle FILE.tar.gz test an already built bundle
# Environment: PYTHON (builds; default .venv/bin/python, else python3), KEEP=1 keeps the
# temporary folder, SHOTS=DIR copies the screenshot there.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUNDLE=""
WITH_WORKTREE=0
while [ $# -gt 0 ]; do
    case "$1" in
        --bundle) BUNDLE="$(readlink -f "$2")"; shift 2 ;;
        --with-worktree) WITH_WORKTREE=1; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
if [ -z "${PYTHON:-}" ]; then
    if [ -x "$REPO/.venv/bin/python" ]; then PYTHON="$REPO/.venv/bin/python"; else PYTHON="$(command -v python3)"; fi
fi

WORK="$(mktemp -d /tmp/bridgedesk-smoke.XXXXXX)"
cleanup() { if [ "${KEEP:-0}" = "1" ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
FAILED=0
step() { printf '\n== %s\n' "$*"; }
ok() { printf '   ok: %s\n' "$*"; }
fail() { printf '   FAIL: %s\n' "$*"; FAILED=1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

if [ -z "$BUNDLE" ]; then
    step "clean checkout and build"
    git clone --quiet --no-hardlinks "$REPO" "$WORK/src"
    if [ "$WITH_WORKTREE" = "1" ]; then
        # Uncommitted and untracked (not ignored) files of this checkout, over the clone.
        (cd "$REPO" && git ls-files -z --modified --others --exclude-standard) |
            (cd "$REPO" && xargs -0 -r cp --parents -t "$WORK/src" 2>/dev/null || true)
    fi
    start="$(now)"
    "$PYTHON" "$WORK/src/installers/build.py" linux --no-deb --out "$WORK/dist"
    echo "   build wall time: $(elapsed "$start") s"
    BUNDLE="$(ls "$WORK"/dist/bridgedesk-*-linux-*.tar.gz)"
fi
step "bundle $(basename "$BUNDLE")"
echo "   tar.gz: $(du -h "$BUNDLE" | cut -f1)"
mkdir -p "$WORK/unpacked"
tar -xzf "$BUNDLE" -C "$WORK/unpacked"
TOP="$(ls -d "$WORK"/unpacked/bridgedesk-*)"
echo "   unpacked: $(du -sh "$TOP" | cut -f1)"

step "install into a temporary HOME"
H="$WORK/home"
mkdir -p "$H"
RUN=(env -i PATH=/usr/bin:/bin HOME="$H" LANG=C.UTF-8)
"${RUN[@]}" BRIDGEDESK_ALLOW_ROOT=1 bash "$TOP/install.sh"
APP="$H/.local/bin/bridgedesk"
[ -x "$APP" ] && ok "launcher $APP" || fail "no launcher"
[ -f "$H/.local/share/applications/bridgedesk.desktop" ] && ok "menu entry" || fail "no .desktop"
[ -f "$H/.local/share/icons/hicolor/256x256/apps/bridgedesk.png" ] && ok "icon" || fail "no icon"
if command -v desktop-file-validate >/dev/null; then
    if desktop-file-validate "$H/.local/share/applications/bridgedesk.desktop"; then
        ok "desktop-file-validate"
    else
        fail "desktop-file-validate"
    fi
fi

step "run the installed program without Python"
D="$WORK/data"
start="$(now)"; out="$("${RUN[@]}" "$APP" --version)"; t_version="$(elapsed "$start")"
echo "   $out  (${t_version} s)"
[[ "$out" == BridgeDesk* ]] || fail "--version printed: $out"
start="$(now)"; "${RUN[@]}" "$APP" --data-dir "$D" demo; t_demo="$(elapsed "$start")"
echo "   demo wall time: ${t_demo} s"
start="$(now)"
"${RUN[@]}" "$APP" --data-dir "$D" report program --out "$WORK/program.pdf"
echo "   report wall time: $(elapsed "$start") s"
PDF_TEXT="$(pdftotext "$WORK/program.pdf" - 2>/dev/null || true)"
PROGRAM_LINE="$(printf '%s\n' "$PDF_TEXT" | grep -m1 -i "mentorship program" || true)"
if [ -s "$WORK/program.pdf" ] && [ -n "$PROGRAM_LINE" ] && [[ "$PDF_TEXT" == *"Program report"* ]]; then
    ok "program.pdf ($(du -h "$WORK/program.pdf" | cut -f1)): $PROGRAM_LINE"
else
    fail "program report missing or without the program name"
fi

step "GUI offscreen (quits itself when ready if the app has that probe; else timeout 8 s)"
# BRIDGEDESK_EXIT_WHEN_READY=1 makes an app that has ui/ready_probe.py wired in print
# "ready <s> ..." and quit once its first view is filled; without it, 'still running at the
# timeout' counts as started.
set +e
GUI_OUT="$("${RUN[@]}" QT_QPA_PLATFORM=offscreen BRIDGEDESK_EXIT_WHEN_READY=1 timeout 8 "$APP" --data-dir "$D")"
rc=$?
set -e
if [ "$rc" = "0" ] && [[ "$GUI_OUT" == ready* ]]; then
    ok "GUI showed its first view and quit: $GUI_OUT"
elif [ "$rc" = "124" ]; then
    ok "GUI was still running at the timeout"
else
    fail "GUI exited with $rc: $GUI_OUT"
fi
if grep -rq "ERROR" "$D/logs" 2>/dev/null; then fail "ERROR in $D/logs"; grep -r "ERROR" "$D/logs" | head -5; else ok "no ERROR in the log"; fi

step "GUI under Xvfb with a screenshot"
if command -v xvfb-run >/dev/null; then
    SHOT="$WORK/screenshot.png"
    xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
        env -i PATH=/usr/bin:/bin HOME="$1" LANG=C.UTF-8 DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" \
            "$2" --data-dir "$3" & pid=$!
        sleep 7
        if command -v import >/dev/null && import -version 2>/dev/null | grep -q ImageMagick; then
            import -window root "$4"
        elif command -v xwd >/dev/null; then
            xwd -root -silent > "$4.xwd"
        fi
        if kill "$pid" 2>/dev/null; then touch "$4.alive"; fi
        wait "$pid" 2>/dev/null; true
    ' _ "$H" "$APP" "$D" "$SHOT"
    if [ -e "$SHOT.alive" ]; then ok "GUI was running on the X server"; else fail "GUI did not stay up under Xvfb"; fi
    SHOT_FILE=""
    for candidate in "$SHOT" "$SHOT.xwd"; do [ -s "$candidate" ] && SHOT_FILE="$candidate"; done
    if [ -n "$SHOT_FILE" ]; then
        ok "screenshot $SHOT_FILE"
        if [ -n "${SHOTS:-}" ]; then mkdir -p "$SHOTS"; cp "$SHOT_FILE" "$SHOTS/"; fi
    else
        echo "   no screenshot tool (imagemagick's import or xwd): no picture taken"
    fi
else
    echo "   xvfb-run not installed: skipped"
fi

step "upgrade: a schema-0001 database opened by the installed program"
D2="$WORK/data-0001"
mkdir -p "$D2"
FIXTURE="$REPO/tests/fixtures/schema_0001.db"
[ -d "$WORK/src" ] && FIXTURE="$WORK/src/tests/fixtures/schema_0001.db"
cp "$FIXTURE" "$D2/bridgedesk.db"
"${RUN[@]}" "$APP" --data-dir "$D2" check || fail "check failed"
"${RUN[@]}" "$APP" --data-dir "$D2" export roster "$WORK/roster.csv" || fail "export failed"
if [ -n "$(ls -A "$D2/backups" 2>/dev/null)" ]; then ok "backup taken first: $(ls "$D2/backups" | head -3 | tr '\n' ' ')"; else fail "no backup in $D2/backups"; fi
if grep -q "Tesfaye" "$WORK/roster.csv"; then ok "roster kept: $(($(wc -l < "$WORK/roster.csv") - 1)) mentees"; else fail "mentee missing from roster export"; fi

step "reinstall over itself (upgrade path keeps the data folder)"
DEFAULT_DATA="$H/.local/share/BridgeDesk"
"${RUN[@]}" "$APP" demo >/dev/null  # data in the default folder
"${RUN[@]}" BRIDGEDESK_ALLOW_ROOT=1 bash "$TOP/install.sh" >/dev/null
[ -f "$DEFAULT_DATA/bridgedesk.db" ] && ok "data folder kept by reinstall" || fail "reinstall lost data"

step "uninstall"
"${RUN[@]}" bash "$H/.local/lib/bridgedesk/uninstall.sh"
[ ! -e "$H/.local/lib/bridgedesk" ] && [ ! -e "$APP" ] && [ ! -e "$H/.local/share/applications/bridgedesk.desktop" ] \
    && ok "program, launcher and menu entry gone" || fail "something was left behind"
[ -f "$DEFAULT_DATA/bridgedesk.db" ] && ok "data folder kept: $DEFAULT_DATA" || fail "data folder removed"

step "start-up times"
echo "   installed --version: ${t_version} s, installed demo: ${t_demo} s"
if [ -x "$REPO/.venv/bin/bridgedesk" ]; then
    start="$(now)"; "$REPO/.venv/bin/bridgedesk" --version >/dev/null
    echo "   from source (.venv/bin/bridgedesk --version): $(elapsed "$start") s"
    start="$(now)"; "$REPO/.venv/bin/bridgedesk" --data-dir "$WORK/data-src" demo >/dev/null
    echo "   from source demo: $(elapsed "$start") s"
fi

if [ "$FAILED" = "0" ]; then echo; echo "SMOKE TEST PASSED"; else echo; echo "SMOKE TEST FAILED"; exit 1; fi
