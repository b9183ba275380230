"""The analysis runs with the GIL released: Python code goes on while an article is analysed,
and two threads analyse at the same time. (How much faster two threads are is a benchmark
question, not a test's: see docs/performance.md.)"""

import threading
import time

import pytest

import framelens


def long_text(root, times=200):
    body = (root / "samples" / "syria-2024-12_putin-erdogan-call.txt").read_text(encoding="utf-8")
    return "\n\n".join([body] * times)


def test_python_runs_while_an_article_is_analysed(root):
    an = framelens.Analyzer()
    text = long_text(root)
    started = time.perf_counter()
    an.score(text)
    alone = time.perf_counter() - started
    assert alone > 0.05, f"the text takes {alone:.3f} s: too short to tell"
    done = threading.Event()
    ticks = 0

    def work():
        an.score(text)
        done.set()

    t = threading.Thread(target=work)
    t.start()
    # Every pass needs the GIL; were it held by the analysis, none could run until the end.
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    t.join()
    assert ticks >= 10, f"only {ticks} passes of Python during {alone:.2f} s of analysis"


@pytest.mark.skipif(
    not hasattr(time, "pthread_getcpuclockid"), reason="needs per-thread CPU clocks"
)
def test_two_threads_analyse_at_the_same_time(root):
    """Two threads in the analysis at once both use the CPU: neither waits for the other on a
    lock (the GIL or one of the Rust side). Their CPU clocks are read every 20 ms; a thread
    that waits on a lock does not advance its clock, so with either lock held the two clocks
    would advance together only where one thread hands over to the other. This holds on one
    core as on many (the threads then share it), and does not time anything."""
    an = framelens.Analyzer()
    text = long_text(root, 600)
    ready = threading.Barrier(3)

    def work():
        ready.wait()
        an.score(text)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    ready.wait()
    clocks = [time.pthread_getcpuclockid(t.ident) for t in threads]
    last = [time.clock_gettime(c) for c in clocks]
    together = 0
    while all(t.is_alive() for t in threads):
        time.sleep(0.02)
        try:
            now = [time.clock_gettime(c) for c in clocks]
        except OSError:  # a thread ended between the check and the read
            break
        together += all(n > b for n, b in zip(now, last))
        last = now
    for t in threads:
        t.join()
    assert together >= 5, f"the two threads used the CPU together in {together} reads of 20 ms"
