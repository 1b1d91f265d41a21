#!/usr/bin/python3
"""fp32 GEMM throughput (GFLOP/s) through PyTorch, plus a peak-FLOP/s estimate.

Shapes (M,K,N): C[M,N] = A[M,K] @ B[K,N], FLOPs = 2*M*K*N.
  (1024,1024,1024) square reference
  (64,512,1024)    batch 64, [x;h] = 256+256 -> 4*256 LSTM gates
  (64,256,768)     batch 64, 256 -> 3*256 GRU gates
  (64,128,512)     small LSTM (hidden 128)
  (32,256,1024)    batch 32, 256 -> 4*256 gates
Two forms are timed: "mm" = torch.mm(A, B, out=C) with B stored [K,N];
"linear" = F.linear(A, W, bias) with W stored [N,K] (what nn.Linear / LSTM use).
Each figure is the median over --samples timing samples; each sample times enough
back-to-back calls to last >= --sample-ms milliseconds.

Peak estimate: cores x clock x FLOPs/cycle/core, FLOPs/cycle from the ISA flags in
lscpu (AVX-512 with 2 FMA pipes: 2*16*2 = 64; AVX2+FMA: 2*8*2 = 32; AVX: 16; SSE: 8).
If gcc is available, cpu_peak.c is compiled and run to measure the real clock and
the achievable FMA throughput (turn off with --no-measure).

Usage: /usr/bin/python3 gemm.py [--samples 31] [--sample-ms 20] [--no-measure]
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

SHAPES = [(1024, 1024, 1024), (64, 512, 1024), (64, 256, 768), (64, 128, 512), (32, 256, 1024)]


def bench(fn, flops, samples, sample_ms):
    for _ in range(3):
        fn()
    # calibrate calls per sample
    n = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        dt = time.perf_counter() - t0
        if dt * 1000 >= sample_ms or n >= 1 << 20:
            break
        n *= 2
    times = []
    for _ in range(samples):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        times.append((time.perf_counter() - t0) / n)
    med = statistics.median(times)
    return {"median_us": round(med * 1e6, 2), "gflops": round(flops / med / 1e9, 2),
            "best_gflops": round(flops / min(times) / 1e9, 2), "calls_per_sample": n}


def lscpu_info():
    out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    kv = {}
    for line in out.splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            kv[k.strip()] = v.strip()
    flags = set(kv.get("Flags", "").split())
    cores = int(kv.get("Core(s) per socket", "1")) * int(kv.get("Socket(s)", "1"))
    max_mhz = kv.get("CPU max MHz")
    tsc_mhz = None
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"cpu MHz\s*:\s*([\d.]+)", f.read())
            tsc_mhz = float(m.group(1)) if m else None
    except OSError:
        pass
    vendor, family = kv.get("Vendor ID", ""), int(kv.get("CPU family", "0") or 0)
    if "avx512f" in flags:
        if vendor == "AuthenticAMD" and family == 25:
            fpc, why = 32, "Zen 4: AVX-512 executed as 2x256-bit -> 2 FMA x 8 lanes x 2"
        else:
            fpc, why = 64, "AVX-512 + FMA, 2 x 512-bit FMA pipes x 16 fp32 lanes x 2 FLOPs"
    elif "avx2" in flags and "fma" in flags:
        fpc, why = 32, "AVX2 + FMA, 2 x 256-bit FMA pipes x 8 lanes x 2 FLOPs"
    elif "avx" in flags:
        fpc, why = 16, "AVX, 1 mul + 1 add x 8 lanes"
    else:
        fpc, why = 8, "SSE, 1 mul + 1 add x 4 lanes"
    ghz = float(max_mhz) / 1000 if max_mhz else (tsc_mhz or 0) / 1000
    return {
        "model_name": kv.get("Model name"), "vendor": vendor, "family": family, "model": kv.get("Model"),
        "cores": cores, "threads_per_core": kv.get("Thread(s) per core"),
        "lscpu_max_mhz": max_mhz, "cpuinfo_mhz": tsc_mhz,
        "isa": [f for f in ("avx512f", "avx2", "fma", "avx") if f in flags],
        "flops_per_cycle_per_core": fpc, "flops_per_cycle_reason": why,
        "peak_gflops_est_at_lscpu_clock": round(cores * ghz * fpc, 1),
        "clock_used_ghz": round(ghz, 3),
        "clock_source": "lscpu CPU max MHz" if max_mhz else "/proc/cpuinfo cpu MHz (TSC/nominal; lscpu shows no max MHz)",
    }


def measure_peak(cores):
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cpu_peak.c")
    if not shutil.which("gcc") or not os.path.exists(src):
        return None
    with tempfile.TemporaryDirectory() as d:
        exe = os.path.join(d, "cpu_peak")
        r = subprocess.run(["gcc", "-O2", "-mavx512f", "-mfma", "-pthread", src, "-o", exe],
                           capture_output=True, text=True)
        if r.returncode != 0:
            return {"error": r.stderr[-300:]}
        res = {}
        for t in sorted({1, cores}):
            out = subprocess.run([exe, str(t)], capture_output=True, text=True).stdout
            res[f"threads_{t}"] = json.loads(out.strip().splitlines()[-1])
        return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=31)
    ap.add_argument("--sample-ms", type=float, default=20.0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-measure", action="store_true")
    # Added for Attento's side-by-side script: MxKxN,MxKxN,... (default: the shapes above).
    ap.add_argument("--shapes", default=None)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    import s2s_common as C

    results = []
    shapes = SHAPES if a.shapes is None else [tuple(int(v) for v in s.split("x")) for s in a.shapes.split(",")]
    for (M, K, N) in shapes:
        A = torch.randn(M, K)
        B = torch.randn(K, N)
        W = torch.randn(N, K)
        bias = torch.randn(N)
        Cout = torch.empty(M, N)
        flops = 2.0 * M * K * N
        r_mm = bench(lambda: torch.mm(A, B, out=Cout), flops, a.samples, a.sample_ms)
        r_lin = bench(lambda: F.linear(A, W, bias), flops, a.samples, a.sample_ms)
        row = {"M": M, "K": K, "N": N, "mm": r_mm, "linear": r_lin}
        print(f"# {M:5d}x{K:5d}x{N:5d}  mm {r_mm['gflops']:8.2f} GFLOP/s   linear {r_lin['gflops']:8.2f} GFLOP/s",
              file=sys.stderr, flush=True)
        results.append(row)
    cpu = lscpu_info()
    measured = None if a.no_measure else measure_peak(cpu["cores"])
    if measured and f"threads_{cpu['cores']}" in measured:
        m = measured[f"threads_{cpu['cores']}"]
        cpu["peak_gflops_est_at_measured_clock"] = round(cpu["cores"] * m["clock_ghz_per_core"] * cpu["flops_per_cycle_per_core"], 1)
    C.print_json({"bench": "gemm", "env": C.env_info(), "cpu": cpu, "measured_peak": measured, "results": results})


if __name__ == "__main__":
    main()
