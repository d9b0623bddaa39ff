"""Benchmark: an 835 with 10,000 claim payments -- read + validate, write, memory.

Prints claims/s and MB/s for our reader+validator and writer next to the floor
(``bytes.split`` of the file) and pyx12 validating a slice of the same file
(extrapolated per claim, said so), all measured in the same run.

    PYTHONPATH=src python bench/x12_835.py [--claims 10000] [--pyx12-claims 400]
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "x12_guides"))

from cleanclaim.x12 import parse, validate, write_json


def remittance(n: int) -> str:
    line1 = {
        "procedure": "99213",
        "charge": "120.00",
        "paid": "90.00",
        "units": "1",
        "service_date": "2026-11-02",
        "adjustments": [
            {"group": "CO", "reason": "45", "amount": "10.00"},
            {"group": "PR", "reason": "3", "amount": "20.00"},
        ],
    }
    line2 = {
        "procedure": "81002",
        "charge": "80.00",
        "paid": "60.00",
        "units": "1",
        "service_date": "2026-11-02",
        "adjustments": [{"group": "CO", "reason": "45", "amount": "20.00"}],
    }
    claims = [
        {
            "patient_control_number": f"PCN{i:07d}",
            "status_code": "1",
            "charge": "200.00",
            "paid": "150.00",
            "patient_responsibility": "20.00",
            "filing_indicator": "12",
            "payer_claim_control_number": f"PAY{i:09d}",
            "patient": {"last_name": "DOE", "first_name": "JANE", "member_id": f"M{i:08d}"},
            "services": [line1, line2],
        }
        for i in range(n)
    ]
    obj = {
        "transaction_set": "835",
        "total_payment": str(150 * n),
        "payment_method": "CHK",
        "payment_date": "2026-11-20",
        "trace_number": "CHK1",
        "payer_identifier": "1999999999",
        "payer": {
            "name": "PAYER",
            "address": {
                "lines": ["1 WAY"],
                "city": "DENVER",
                "state": "CO",
                "postal_code": "80202",
            },
            "contacts": [{"name": "PS", "qualifier": "TE", "number": "8005551212"}],
        },
        "payee": {"name": "CLINIC", "id_qualifier": "XX", "id": "1234567893"},
        "claims": claims,
    }
    return write_json(obj, now=datetime(2026, 11, 27, tzinfo=UTC))


def main() -> None:
    parser = argparse.ArgumentParser(description="835 read/validate/write benchmark")
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--pyx12-claims", type=int, default=400)
    args = parser.parse_args()
    n = args.claims
    slice_n = args.pyx12_claims
    text = remittance(n)
    data = text.encode()
    mb = len(data) / 1e6

    t0 = time.perf_counter()
    for _ in range(5):
        floor_segments = data.split(b"~")
    floor = (time.perf_counter() - t0) / 5

    runs = []
    cpu_runs = []
    for _ in range(3):  # best of three: the machine is shared
        t0, c0 = time.perf_counter(), time.process_time()
        parsed = validate(parse(data))
        runs.append(time.perf_counter() - t0)
        cpu_runs.append(time.process_time() - c0)
    read = min(runs)
    read_cpu = min(cpu_runs)
    # Peak memory in a separate run: tracemalloc slows Python down several times.
    del parsed
    tracemalloc.start()
    parsed = validate(parse(data))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not parsed.has_errors, parsed.findings()[:3]
    assert len(parsed.transactions[0].data.remittance.claims) == n

    t = parsed.transactions[0]
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        written = t.guide.write(t.data, t.interchange.delimiters)
        out = "".join(s.encode(t.interchange.delimiters) for s in written)
        runs.append(time.perf_counter() - t0)
    write = min(runs)

    from pyx12_referee import pyx12_ok

    # pyx12 on a slice of the same shape, extrapolated per claim; a warm-up run
    # first so loading its guide map is not charged to the claims.
    pyx12_ok(remittance(5))
    small = remittance(slice_n)
    pyx_runs, pyx_cpu_runs = [], []
    for _ in range(2):
        t0, c0 = time.perf_counter(), time.process_time()
        pyx12_ok(small)
        pyx_runs.append(time.perf_counter() - t0)
        pyx_cpu_runs.append(time.process_time() - c0)
    pyx = min(pyx_runs) / slice_n * n
    pyx_cpu = min(pyx_cpu_runs) / slice_n * n

    print(f"835 with {n} claims, {mb:.1f} MB, {len(floor_segments)} segments")
    print(f"floor bytes.split : {n / floor:12,.0f} claims/s {mb / floor:8.1f} MB/s")
    print(
        f"read + validate   : {n / read:12,.0f} claims/s {mb / read:8.1f} MB/s "
        f"({read:.2f} s, peak {peak / 1e6:.0f} MB traced)"
    )
    print(f"write back        : {n / write:12,.0f} claims/s {len(out) / 1e6 / write:8.1f} MB/s")
    print(
        f"pyx12 validate    : {n / pyx:12,.0f} claims/s (on {slice_n} claims after a warm-up, "
        f"extrapolated)"
    )
    print(
        f"ratio read+validate / pyx12: {pyx / read:.1f}x wall, {pyx_cpu / read_cpu:.1f}x CPU; "
        f"write / pyx12: {pyx / write:.1f}x"
    )


if __name__ == "__main__":
    main()
