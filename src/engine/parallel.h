#pragma once
// A minimal parallel for: `jobs` threads take indexes 0..n-1 from a shared counter. Callers
// write results to slot i only, so the output order never depends on the scheduling.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace daprlint {

/// The thread count for `--jobs N`: N, or every core for 0.
inline unsigned resolve_jobs(unsigned jobs) {
  if (jobs != 0) return jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

template <typename F>
void parallel_for(std::size_t n, unsigned jobs, F&& body) {
  const std::size_t threads = std::min<std::size_t>(resolve_jobs(jobs), n);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) body(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        body(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);  // as the serial loop would have thrown
}

}  // namespace daprlint
