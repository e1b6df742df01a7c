"""Build BridgeDesk's installer for one platform: ``python installers/build.py linux|windows|macos``.

One entry point for developers and CI. It runs PyInstaller with ``installers/bridgedesk.spec``
and packs the one-folder app into what a user downloads, under ``dist/``:

- linux:   ``bridgedesk-<version>-linux-<arch>.tar.gz`` (the app, install.sh, uninstall.sh,
           the .desktop template and icons) and ``bridgedesk_<version>_<debarch>.deb``
           (system-wide: /opt/bridgedesk, /usr/bin/bridgedesk) unless ``--no-deb``;
- windows: ``bridgedesk-<version>-windows-x64-setup.exe`` via Inno Setup (``iscc``);
- macos:   ``bridgedesk-<version>-macos-<arch>.dmg`` holding ``BridgeDesk.app`` (hdiutil).

The version is ``__version__`` in src/bridgedesk/__init__.py, the single version source.
It prints each output's size and the build time.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLERS = ROOT / "installers"
SPEC = INSTALLERS / "bridgedesk.spec"
ICONS = ROOT / "resources" / "icons"
VERSION_FILE = ROOT / "src" / "bridgedesk" / "__init__.py"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DEB_ARCH = {"x86_64": "amd64", "aarch64": "arm64", "arm64": "arm64"}
DEB_DEPENDS = (
    # What the bundle loads from the system rather than carrying (PyInstaller leaves out
    # glibc, the GL/EGL driver stack and the X libraries Qt's xcb platform needs, found with
    # ldd over the bundle); glibc is pinned at build time below.
    "libgl1, libegl1, libfontconfig1, libglib2.0-0, libdbus-1-3, libx11-6, libx11-xcb1, "
    "libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, "
    "libxcb-render-util0, libxcb-shape0, libxcb-xkb1, libxkbcommon0, libxkbcommon-x11-0"
)
# Only for a Wayland session; an X11 desktop (or XWayland) runs without them, so a machine
# with no network is not refused the install for their lack.
DEB_RECOMMENDS = "libwayland-client0, libwayland-cursor0, libwayland-egl1"


def read_version(path: Path = VERSION_FILE) -> str:
    """``__version__`` from the package's __init__.py, read as text (no import needed)."""
    text = path.read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if match is None:
        raise SystemExit(f"no __version__ in {path}")
    return match.group(1)


def run_pyinstaller(work: Path) -> Path:
    """Run PyInstaller on the spec; return the dist folder it wrote (holds ``bridgedesk/``)."""
    dist = work / "dist"
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "work"),
        str(SPEC),
    ]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    return dist


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def human(size: int) -> str:
    return f"{size / 1_048_576:.1f} MiB"


def copy_icons(target: Path) -> None:
    """The PNGs (one per size) and the SVG, as install.sh expects them."""
    target.mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        shutil.copy2(ICONS / f"bridgedesk-{size}.png", target)
    shutil.copy2(ICONS / "bridgedesk.svg", target)


def build_linux_tarball(app_dir: Path, version: str, out_dir: Path) -> Path:
    """``bridgedesk-<version>-linux-<arch>.tar.gz`` with one top folder holding app/ and the scripts."""
    name = f"bridgedesk-{version}-linux-{platform.machine()}"
    staging = out_dir / name
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(app_dir, staging / "app", symlinks=True)
    linux = INSTALLERS / "linux"
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(linux / script, staging / script)
        (staging / script).chmod(0o755)
    shutil.copy2(linux / "bridgedesk.desktop.in", staging / "bridgedesk.desktop.in")
    copy_icons(staging / "icons")
    archive = out_dir / f"{name}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(staging, arcname=name)
    shutil.rmtree(staging)
    return archive


def desktop_entry(exec_value: str, try_exec: str) -> str:
    template = (INSTALLERS / "linux" / "bridgedesk.desktop.in").read_text(encoding="utf-8")
    return template.replace("@EXEC@", exec_value).replace("@TRYEXEC@", try_exec)


def glibc_version() -> str:
    """The build machine's glibc: the bundle's binaries need at least this one."""
    name, version = platform.libc_ver()
    return version if name == "glibc" and version else "2.31"


def build_deb(app_dir: Path, version: str, out_dir: Path) -> Path:
    """A system-wide .deb: /opt/bridgedesk, /usr/bin/bridgedesk, the menu entry and icons."""
    arch = DEB_ARCH.get(platform.machine(), platform.machine())
    root = out_dir / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(app_dir, root / "opt" / "bridgedesk", symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "bridgedesk").symlink_to("/opt/bridgedesk/bridgedesk")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "bridgedesk.desktop").write_text(
        desktop_entry("/usr/bin/bridgedesk", "/usr/bin/bridgedesk"), encoding="utf-8"
    )
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(ICONS / f"bridgedesk-{size}.png", target / "bridgedesk.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(ICONS / "bridgedesk.svg", hicolor / "scalable" / "apps" / "bridgedesk.svg")
    debian = root / "DEBIAN"
    debian.mkdir()
    installed_kib = folder_size(root) // 1024
    (debian / "control").write_text(
        f"Package: bridgedesk\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: BridgeDesk <bridgedesk@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: libc6 (>= {glibc_version()}), {DEB_DEPENDS}\n"
        f"Recommends: {DEB_RECOMMENDS}\n"
        f"Section: misc\n"
        f"Priority: optional\n"
        f"Description: mentorship program desk for international medical graduates\n"
        f" BridgeDesk helps a hospital's medical director run a structured mentorship\n"
        f" program for international medical graduates. Each user's data stays in\n"
        f" their own data folder (~/.local/share/BridgeDesk), which removing or\n"
        f" upgrading this package never touches.\n",
        encoding="utf-8",
    )
    for path in root.rglob("*"):  # root-owned files: 0755 for folders and executables, else 0644
        if not path.is_symlink():
            executable = path.is_dir() or path.stat().st_mode & 0o111
            path.chmod(0o755 if executable else 0o644)
    deb = out_dir / f"bridgedesk_{version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z9", "--build", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(root)
    return deb


def find_iscc() -> str:
    """Inno Setup's compiler: on PATH, else its default folder on a Windows runner."""
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)", ""), os.environ.get("PROGRAMFILES", "")):
        candidate = Path(base) / "Inno Setup 6" / "ISCC.exe"
        if base and candidate.exists():
            return str(candidate)
    raise SystemExit("Inno Setup (iscc) was not found; install Inno Setup 6 first.")


def build_windows_installer(app_dir: Path, version: str, out_dir: Path) -> Path:
    """Compile installers/windows/bridgedesk.iss with the version and the PyInstaller folder."""
    base = f"bridgedesk-{version}-windows-x64-setup"
    command = [
        find_iscc(),
        f"/DAppVersion={version}",
        f"/DSourceDir={app_dir}",
        f"/DIconFile={ICONS / 'bridgedesk.ico'}",
        f"/O{out_dir}",
        f"/F{base}",
        str(INSTALLERS / "windows" / "bridgedesk.iss"),
    ]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True)
    return out_dir / f"{base}.exe"


def build_macos_dmg(dist: Path, version: str, out_dir: Path) -> Path:
    """Put BridgeDesk.app and an /Applications link in a compressed .dmg."""
    app = dist / "BridgeDesk.app"
    if not app.is_dir():
        raise SystemExit(f"PyInstaller did not produce {app}")
    staging = out_dir / "dmg-root"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    shutil.copytree(app, staging / "BridgeDesk.app", symlinks=True)
    (staging / "Applications").symlink_to("/Applications")
    dmg = out_dir / f"bridgedesk-{version}-macos-{platform.machine()}.dmg"
    dmg.unlink(missing_ok=True)
    subprocess.run(
        [
            "hdiutil",
            "create",
            "-volname",
            f"BridgeDesk {version}",
            "-srcfolder",
            str(staging),
            "-ov",
            "-format",
            "UDZO",
            str(dmg),
        ],
        check=True,
    )
    shutil.rmtree(staging)
    return dmg


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build BridgeDesk's installer for one platform.")
    parser.add_argument("target", choices=("linux", "windows", "macos"))
    parser.add_argument(
        "--no-deb", action="store_true", help="linux: build the .tar.gz only, not the .deb"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "dist", help="where the packages go (default dist/)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    expected = {"linux": "linux", "windows": "win32", "macos": "darwin"}[args.target]
    if not sys.platform.startswith(expected):
        raise SystemExit(f"build {args.target} on {args.target}: PyInstaller cannot cross-build")
    version = read_version()
    out_dir = args.out.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    dist = run_pyinstaller(ROOT / "build" / "pyinstaller")
    frozen_seconds = time.perf_counter() - started
    app_dir = dist / "bridgedesk"
    outputs: list[Path] = []
    if args.target == "linux":
        outputs.append(build_linux_tarball(app_dir, version, out_dir))
        if not args.no_deb:
            if shutil.which("dpkg-deb") is None:
                print("dpkg-deb not found: skipping the .deb", flush=True)
            else:
                outputs.append(build_deb(app_dir, version, out_dir))
    elif args.target == "windows":
        outputs.append(build_windows_installer(app_dir, version, out_dir))
    else:
        outputs.append(build_macos_dmg(dist, version, out_dir))
    total = time.perf_counter() - started
    print(f"BridgeDesk {version} for {args.target}:")
    if app_dir.is_dir():
        print(f"  app folder (unpacked)  {human(folder_size(app_dir)):>12}  {app_dir}")
    for output in outputs:
        print(f"  {output.name:<40} {human(output.stat().st_size):>12}")
    print(f"  build time: {total:.0f} s (PyInstaller {frozen_seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
