"""What one PIN guess costs: the program's Argon2id verify, timed on this machine.

    .venv/bin/python benchmarks/pin_hash_cost.py [--repeat N]

The target (issue 15): ≥ 0.5 s a guess, so an offline search of all 1,000,000
six-digit PINs takes about a week of one core. Prints the cost parameters, the
median and the slowest verify, and the days one core needs for every 6-digit PIN.
"""

from __future__ import annotations

import argparse
import statistics
import time

from station_desk.domain.pin import MIN_DIGITS, PRODUCTION_HASHER


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    hasher = PRODUCTION_HASHER
    stored = hasher.hash("246810")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        hasher.verify(stored, "246810")
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    every_pin_days = median * 10 ** MIN_DIGITS / 86_400
    print(f"Argon2id t={hasher.time_cost} m={hasher.memory_cost // 1024} MiB "
          f"p={hasher.parallelism}")
    print(f"one verify: median {median:.2f} s, slowest {max(times):.2f} s over {repeat}")
    print(f"every {MIN_DIGITS}-digit PIN on one core: {every_pin_days:.1f} days")


if __name__ == "__main__":
    main()
