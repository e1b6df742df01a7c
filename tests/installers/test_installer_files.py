"""Fast checks of the installer sources (no PyInstaller build): version source, Inno Setup
settings, the Linux install/uninstall scripts run against a fake bundle, and the icon files."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import stat
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

import bridgedesk

ROOT = Path(__file__).resolve().parents[2]
INSTALLERS = ROOT / "installers"
LINUX = INSTALLERS / "linux"
ICONS = ROOT / "resources" / "icons"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def load_build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bridgedesk_build", INSTALLERS / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def spec_function(name: str) -> dict[str, object]:
    """Execute one top-level function of bridgedesk.spec (plus its constants) in isolation."""
    source = (INSTALLERS / "bridgedesk.spec").read_text(encoding="utf-8")
    tree = ast.parse(source)
    wanted = [
        node
        for node in tree.body
        if (isinstance(node, ast.FunctionDef) and node.name == name)
        or (
            isinstance(node, ast.Assign)
            and any(
                isinstance(t, ast.Name) and t.id in {"SRC", "VERSION_FILE"} for t in node.targets
            )
        )
    ]
    namespace: dict[str, object] = {"re": re, "Path": Path, "ROOT": ROOT}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), "bridgedesk.spec", "exec"), namespace)
    return namespace


# --- version source -------------------------------------------------------------------------


def test_spec_reads_the_version_from_the_package_init() -> None:
    namespace = spec_function("read_version")
    assert namespace["VERSION_FILE"] == ROOT / "src" / "bridgedesk" / "__init__.py"
    read_version = namespace["read_version"]
    assert callable(read_version)
    assert read_version() == bridgedesk.__version__


def test_spec_version_reader_follows_a_changed_version(tmp_path: Path) -> None:
    init = tmp_path / "__init__.py"
    init.write_text('"""doc"""\n\n__version__ = "7.3.1"\nAPP_NAME = "x"\n', encoding="utf-8")
    read_version = spec_function("read_version")["read_version"]
    assert callable(read_version)
    assert read_version(init) == "7.3.1"


def test_build_script_reads_the_same_version_and_names_outputs_with_it(tmp_path: Path) -> None:
    build = load_build_module()
    assert build.read_version() == bridgedesk.__version__
    init = tmp_path / "__init__.py"
    init.write_text("__version__ = '2.0.0rc1'\n", encoding="utf-8")
    assert build.read_version(init) == "2.0.0rc1"
    assert tuple(build.ICON_SIZES) == ICON_SIZES


def test_build_script_passes_the_version_to_inno_setup() -> None:
    text = (INSTALLERS / "build.py").read_text(encoding="utf-8")
    assert 'f"/DAppVersion={version}"' in text


# --- Windows --------------------------------------------------------------------------------


def iss_setup() -> dict[str, str]:
    text = (INSTALLERS / "windows" / "bridgedesk.iss").read_text(encoding="utf-8")
    section = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    pairs = {}
    for line in section.splitlines():
        if "=" in line and not line.lstrip().startswith(";"):
            key, value = line.split("=", 1)
            pairs[key.strip()] = value.strip()
    return pairs


def test_inno_setup_installs_per_user_without_admin_rights() -> None:
    setup = iss_setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{localappdata}\Programs\{#AppName}"
    assert setup["VersionInfoVersion"] == "{#AppVersion}"
    assert setup["AppVersion"] == "{#AppVersion}"


def test_inno_setup_uninstaller_keeps_the_data_folder() -> None:
    text = (INSTALLERS / "windows" / "bridgedesk.iss").read_text(encoding="utf-8")
    deletes = [
        line
        for line in text.splitlines()
        if line.startswith("Type:") and ("{userappdata}" in line or "DataFolder" in line)
    ]
    assert deletes == []
    assert "{app}" in text.split("[UninstallDelete]", 1)[1].split("\n[", 1)[0]
    assert "data folder was kept" in text
    assert '#define AppExe "bridgedesk-gui.exe"' in text
    assert re.search(r"\{autoprograms\}.*\{#AppExe\}", text)
    assert re.search(r"\{autodesktop\}.*Tasks: desktopicon", text)


# --- Linux scripts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "script", [LINUX / "install.sh", LINUX / "uninstall.sh", INSTALLERS / "smoke_test.sh"]
)
def test_shell_scripts_parse(script: Path) -> None:
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert os.access(script, os.X_OK)


def make_fake_bundle(folder: Path, version: str) -> Path:
    """A bundle laid out like build.py's tarball, with a tiny shell 'program'."""
    (folder / "app" / "_internal").mkdir(parents=True)
    program = folder / "app" / "bridgedesk"
    program.write_text(f'#!/bin/sh\necho "BridgeDesk {version} $*"\n', encoding="utf-8")
    program.chmod(0o755)
    (folder / "app" / "_internal" / f"marker-{version}").write_text("x", encoding="utf-8")
    for name in ("install.sh", "uninstall.sh", "bridgedesk.desktop.in"):
        shutil.copy2(LINUX / name, folder / name)
    (folder / "icons").mkdir()
    for size in ICON_SIZES:
        shutil.copy2(ICONS / f"bridgedesk-{size}.png", folder / "icons")
    shutil.copy2(ICONS / "bridgedesk.svg", folder / "icons")
    return folder


def run_script(script: Path, home: Path, xdg: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(xdg),
        "BRIDGEDESK_ALLOW_ROOT": "1",  # the test machine runs as root
    }
    return subprocess.run(["bash", str(script)], env=env, capture_output=True, text=True)


@pytest.fixture
def homes(tmp_path: Path) -> tuple[Path, Path]:
    home = tmp_path / "my home"  # a space, as in many real home folders
    xdg = tmp_path / "xdg data"
    home.mkdir()
    return home, xdg


def test_install_then_uninstall_keeps_the_data_folder(
    tmp_path: Path, homes: tuple[Path, Path]
) -> None:
    home, xdg = homes
    bundle = make_fake_bundle(tmp_path / "bundle", "9.9.0")

    installed = run_script(bundle / "install.sh", home, xdg)
    assert installed.returncode == 0, installed.stderr
    lib = home / ".local" / "lib" / "bridgedesk"
    launcher = home / ".local" / "bin" / "bridgedesk"
    entry = xdg / "applications" / "bridgedesk.desktop"
    assert (lib / "bridgedesk").is_file()
    assert (lib / "uninstall.sh").stat().st_mode & stat.S_IXUSR
    ran = subprocess.run([str(launcher), "--version"], capture_output=True, text=True)
    assert ran.stdout.strip() == "BridgeDesk 9.9.0 --version"
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{launcher}"' in text
    assert f"TryExec={launcher}" in text
    assert "@" not in text
    for size in ICON_SIZES:
        assert (xdg / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "bridgedesk.png").is_file()
    assert (xdg / "icons" / "hicolor" / "scalable" / "apps" / "bridgedesk.svg").is_file()
    validator = shutil.which("desktop-file-validate")
    if validator:
        checked = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0 and "error:" not in checked.stdout, checked.stdout

    data = xdg / "BridgeDesk"
    data.mkdir()
    (data / "bridgedesk.db").write_bytes(b"precious")
    removed = run_script(lib / "uninstall.sh", home, xdg)
    assert removed.returncode == 0, removed.stderr
    assert not lib.exists()
    assert not launcher.exists()
    assert not entry.exists()
    assert not list((xdg / "icons").rglob("bridgedesk.*"))
    assert (data / "bridgedesk.db").read_bytes() == b"precious"
    assert f"Your data folder was kept: {data}" in removed.stdout


def test_installing_a_newer_version_replaces_the_program_and_keeps_data(
    tmp_path: Path, homes: tuple[Path, Path]
) -> None:
    home, xdg = homes
    old = make_fake_bundle(tmp_path / "old", "1.0.0")
    new = make_fake_bundle(tmp_path / "new", "1.1.0")
    assert run_script(old / "install.sh", home, xdg).returncode == 0
    data = xdg / "BridgeDesk"
    data.mkdir()
    (data / "bridgedesk.db").write_bytes(b"v1 data")

    upgraded = run_script(new / "install.sh", home, xdg)
    assert upgraded.returncode == 0, upgraded.stderr
    lib = home / ".local" / "lib" / "bridgedesk"
    assert (lib / "_internal" / "marker-1.1.0").exists()
    assert not (lib / "_internal" / "marker-1.0.0").exists()  # no stale files from 1.0.0
    assert [p.name for p in lib.parent.iterdir()] == ["bridgedesk"]  # no staging left over
    launcher = home / ".local" / "bin" / "bridgedesk"
    assert "1.1.0" in subprocess.run([str(launcher)], capture_output=True, text=True).stdout
    assert (data / "bridgedesk.db").read_bytes() == b"v1 data"


def test_install_refuses_an_incomplete_bundle(tmp_path: Path, homes: tuple[Path, Path]) -> None:
    home, xdg = homes
    bundle = make_fake_bundle(tmp_path / "bundle", "1.0.0")
    (bundle / "app" / "bridgedesk").unlink()
    result = run_script(bundle / "install.sh", home, xdg)
    assert result.returncode == 1
    assert "missing" in result.stderr
    assert not (home / ".local" / "bin" / "bridgedesk").exists()


def test_uninstall_with_nothing_installed_says_so(homes: tuple[Path, Path]) -> None:
    home, xdg = homes
    result = run_script(LINUX / "uninstall.sh", home, xdg)
    assert result.returncode == 0
    assert "was not installed" in result.stdout


def test_desktop_template_has_the_menu_keys() -> None:
    text = (LINUX / "bridgedesk.desktop.in").read_text(encoding="utf-8")
    for line in ("Type=Application", "Name=BridgeDesk", "Icon=bridgedesk", "Terminal=false"):
        assert line in text.splitlines()
    assert "Exec=@EXEC@" in text


# --- icons ----------------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == PNG_SIGNATURE, f"{path.name} is not a PNG"
    assert head[12:16] == b"IHDR"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_has_its_pixel_size(size: int) -> None:
    assert png_size(ICONS / f"bridgedesk-{size}.png") == (size, size)


def test_ico_holds_every_windows_size() -> None:
    data = (ICONS / "bridgedesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for index in range(count):
        width, height = struct.unpack("<BB", data[6 + 16 * index : 8 + 16 * index])
        sizes.add((width or 256, height or 256))
    assert sizes >= {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)}


def test_icns_is_a_complete_icns_file() -> None:
    data = (ICONS / "bridgedesk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    kinds = set()
    offset = 8
    while offset < len(data):
        kinds.add(data[offset : offset + 4])
        offset += struct.unpack(">I", data[offset + 4 : offset + 8])[0]
    assert len(kinds) >= 4


def test_svg_source_is_square_and_well_formed() -> None:
    root = ET.parse(ICONS / "bridgedesk.svg").getroot()
    assert root.get("viewBox") == "0 0 256 256"
    assert root.get("width") == root.get("height")


def test_workflow_builds_every_platform_with_the_build_script() -> None:
    text = (ROOT / ".github" / "workflows" / "installers.yml").read_text(encoding="utf-8")
    for os_name in ("ubuntu-22.04", "windows-latest", "macos-latest"):
        assert f"os: {os_name}" in text
    assert 'python-version: "3.11"' in text
    assert 'pip install ".[package,postgres]"' in text  # the bundle speaks to servers too
    assert "python installers/build.py ${{ matrix.target }}" in text
    assert "actions/upload-artifact@" in text


def test_deb_menu_entry_points_at_the_system_launcher() -> None:
    entry = load_build_module().desktop_entry("/usr/bin/bridgedesk", "/usr/bin/bridgedesk")
    assert "Exec=/usr/bin/bridgedesk" in entry.splitlines()
    assert "@" not in entry


def test_spec_puts_resources_and_migrations_where_the_frozen_app_looks() -> None:
    from bridgedesk.storage.migrate import SCRIPT_LOCATION

    text = (INSTALLERS / "bridgedesk.spec").read_text(encoding="utf-8")
    # assets.resources_root() looks first at sys._MEIPASS / "bridgedesk" / "resources".
    assert '(str(ROOT / "resources"), "bridgedesk/resources")' in text
    assets_source = (ROOT / "src" / "bridgedesk" / "assets.py").read_text(encoding="utf-8")
    assert 'Path(frozen_root) / "bridgedesk" / "resources"' in assets_source
    # Alembic reads env.py and versions/*.py from the package folder of SCRIPT_LOCATION.
    package, folder = SCRIPT_LOCATION.split(":")
    dest = "/".join([*package.split("."), folder])
    assert f'"{dest}")' in text
    assert "QtWebEngine" in text and '"QtQml"' in text


def test_install_in_a_home_with_quotes_dollars_and_backticks_runs_literally(
    tmp_path: Path,
) -> None:
    home = tmp_path / 'Dr "Ánh" $HOME `touch pwned-tick` $(touch pwned-dollar) it\'s'
    xdg = tmp_path / "xdg data"
    home.mkdir()
    bundle = make_fake_bundle(tmp_path / "bundle", "2.0.0")
    installed = run_script(bundle / "install.sh", home, xdg)
    assert installed.returncode == 0, installed.stderr
    launcher = home / ".local" / "bin" / "bridgedesk"
    ran = subprocess.run(
        [str(launcher), "--version", "a b"], capture_output=True, text=True, cwd=tmp_path
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "BridgeDesk 2.0.0 --version a b"
    assert not list(tmp_path.rglob("pwned-*"))  # nothing in the folder name was executed
    lib_line = launcher.read_text(encoding="utf-8").splitlines()[-1]
    assert lib_line.startswith("exec '") and lib_line.endswith(' "$@"')


def test_install_refuses_to_replace_a_running_bridgedesk(
    tmp_path: Path, homes: tuple[Path, Path]
) -> None:
    home, xdg = homes
    first = run_script(make_fake_bundle(tmp_path / "old", "1.0.0") / "install.sh", home, xdg)
    assert first.returncode == 0, first.stderr
    lib = home / ".local" / "lib" / "bridgedesk"
    running = lib / "bridgedesk"
    running.unlink()
    shutil.copy2(shutil.which("sleep") or "/bin/sleep", running)  # a real executable there
    process = subprocess.Popen([str(running), "30"])
    try:
        result = run_script(make_fake_bundle(tmp_path / "new", "1.1.0") / "install.sh", home, xdg)
        assert result.returncode == 1
        assert f"BridgeDesk is running from {lib} (process {process.pid})" in result.stderr
        assert (lib / "_internal" / "marker-1.0.0").exists()  # the old program was kept
    finally:
        process.kill()
        process.wait()
    again = run_script(make_fake_bundle(tmp_path / "again", "1.2.0") / "install.sh", home, xdg)
    assert again.returncode == 0, again.stderr
    assert (lib / "_internal" / "marker-1.2.0").exists()


def test_deb_depends_on_what_the_xcb_platform_loads_and_only_recommends_wayland() -> None:
    build = load_build_module()
    depends = {name.strip() for name in build.DEB_DEPENDS.split(",")}
    recommends = {name.strip() for name in build.DEB_RECOMMENDS.split(",")}
    # Qt 6.5+ refuses to start its xcb platform without libxcb-cursor0.
    assert {"libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libfontconfig1"} <= depends
    assert {"libwayland-client0", "libwayland-cursor0"} <= recommends
    assert not depends & recommends
