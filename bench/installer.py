"""Installer figures: bundle and MSI size, `--self-test` time from the bundle, and start to first paint of the
bundled `Kuaida` against `kuaida` from source (KUAIDA_BENCH_FIRST_PAINT, see desktop/app.py).

Builds with installer/build.sh into build/bench-installer/ unless --dist names an existing dist folder.
Runs alternate bundle and source so both see the same machine state. `--cold` drops the page cache before
every run (needs root; it says so when it cannot). Needs $DISPLAY (Xvfb + openbox) or falls back to offscreen.

    DISPLAY=:87 .venv/bin/python bench/installer.py --runs 10 [--cold] [--dist build/bench-installer/dist]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KUAIDA_FROM_SOURCE = ROOT / ".venv" / "bin" / "kuaida"
DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def build(out: Path) -> Path:
    env = dict(os.environ, PYTHON=sys.executable, DIST=str(out / "dist"), BUILD=str(out / "build"))
    started = time.perf_counter()
    subprocess.run(["bash", str(ROOT / "installer" / "build.sh")], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    print(f"build (bundle + MSI): {time.perf_counter() - started:.0f} s")
    return out / "dist"


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def drop_caches(cold: bool) -> None:
    if not cold:
        return
    subprocess.run(["sync"], check=True)
    DROP_CACHES.write_text("3\n")


def environment(home: str, first_paint: bool) -> dict[str, str]:
    env = dict(os.environ, KUAIDA_HOME=home)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    if first_paint:
        env["KUAIDA_BENCH_FIRST_PAINT"] = "1"
    return env


def self_test_seconds(executable: Path, cold: bool) -> float:
    drop_caches(cold)
    with tempfile.TemporaryDirectory() as home:
        started = time.perf_counter()
        subprocess.run([str(executable), "--self-test"], env=environment(home, False), check=True,
                       capture_output=True, timeout=120)
        return time.perf_counter() - started


def first_paint_seconds(command: list[str], cold: bool) -> float:
    drop_caches(cold)
    with tempfile.TemporaryDirectory() as home:
        started = time.time()
        result = subprocess.run(command, env=environment(home, True), capture_output=True, text=True, check=True,
                                timeout=120)
        line = next(line for line in result.stdout.splitlines() if line.startswith("first-paint "))
        return float(line.split()[1]) - started


def summary(name: str, values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    return f"{name}: median {statistics.median(ms):.0f} ms, min {ms[0]:.0f} ms, max {ms[-1]:.0f} ms (n={len(ms)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--cold", action="store_true", help="drop the page cache before every run (root)")
    parser.add_argument("--dist", type=Path, help="an existing dist folder with Kuaida/ and Kuaida-*.msi")
    args = parser.parse_args()
    if args.cold:
        try:
            drop_caches(True)
        except OSError as error:
            print(f"cannot drop the page cache ({error}); measuring warm", file=sys.stderr)
            args.cold = False

    dist = args.dist or build(ROOT / "build" / "bench-installer")
    bundle = dist / "Kuaida"
    size, count = folder_size(bundle)
    print(f"bundle {bundle}: {size / 2**20:.1f} MiB in {count} files")
    for msi in sorted(dist.glob("Kuaida-*.msi")):
        print(f"MSI {msi.name}: {msi.stat().st_size / 2**20:.1f} MiB")

    state = "cold (page cache dropped)" if args.cold else "warm"
    self_tests = [self_test_seconds(bundle / "kuaida-cli", args.cold) for _ in range(args.runs)]
    print(summary(f"--self-test from the bundle, {state}", self_tests))

    frozen, source = [], []
    for _ in range(args.runs):
        frozen.append(first_paint_seconds([str(bundle / "Kuaida")], args.cold))
        source.append(first_paint_seconds([str(KUAIDA_FROM_SOURCE)], args.cold))
    print(summary(f"first paint, bundle, {state}", frozen))
    print(summary(f"first paint, source (.venv), {state}", source))
    print(f"bundle / source: {statistics.median(frozen) / statistics.median(source):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
