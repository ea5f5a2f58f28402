#!/usr/bin/env python3
"""`kuaida suggest` answering 1,000 messages from stdin: total wall time, process start included. Also one
message on the command line (start-up cost alone), in a fresh data folder and in one already set up. Run:

    .venv/bin/python bench/cli_throughput.py [--messages N]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from engine_latency import MESSAGES

KUAIDA = Path(sys.executable).with_name("kuaida")


def run(args: list[str], home: str, stdin: str = "") -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the child (steadier on a shared machine) and lines answered."""
    env = {**os.environ, "KUAIDA_HOME": home}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([str(KUAIDA), *args], input=stdin, capture_output=True, text=True, env=env, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, len(result.stdout.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=1000)
    options = parser.parse_args()
    lines = [MESSAGES[n % len(MESSAGES)] + ("" if n < len(MESSAGES) else f" {n}") for n in range(options.messages)]
    stdin = "".join(line + "\n" for line in lines)
    print(f"load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as home:
        wall, cpu, _ = run(["suggest", "在吗"], home)
        print(f"one message, new data folder (creates the store and library): {wall:.2f} s ({cpu:.2f} s cpu)")
        wall, cpu, _ = run(["suggest", "在吗"], home)
        print(f"one message, existing data folder: {wall:.2f} s ({cpu:.2f} s cpu)")
        wall, cpu, answered = run(["suggest", "--json", "--top", "3"], home, stdin)
        print(f"{answered} messages from stdin (--json --top 3): {wall:.2f} s total ({cpu:.2f} s cpu), "
              f"{wall / answered * 1000:.2f} ms per message including start-up")


if __name__ == "__main__":
    main()
