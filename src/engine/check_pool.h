#pragma once
// Checks the batches of one big file on other threads while the file is still being parsed: a
// List export is one document, parsed on one thread, so without this `--jobs` would leave the
// other cores idle during the longest input of an audit. The checks cost more than the parse,
// so the parsing thread checks a batch itself whenever the queue is full: every thread stays
// busy, and unchecked trees never pile up.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <iterator>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "engine/load_files.h"

namespace daprlint {

class CheckPool {
 public:
  /// Checked objects are appended to `objects` and findings to `found` in batch order, whichever
  /// thread checked them, so the result is the same as checking on one thread.
  CheckPool(const BatchCheck& check, unsigned threads, std::vector<Object>& objects,
            std::vector<Finding>& found)
      : check_(check), objects_(objects), found_(found) {
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
  }
  CheckPool(const CheckPool&) = delete;
  CheckPool& operator=(const CheckPool&) = delete;
  ~CheckPool() { stop(); }

  /// Queues a batch, or checks it on the calling thread when enough are queued.
  void push(std::vector<Object>&& batch) {
    std::uint64_t seq = 0;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      seq = pushed_++;
      if (queue_.size() < kMaxQueued) {
        queue_.push_back({seq, std::move(batch)});
        ready_.notify_one();
        return;
      }
    }
    check(seq, std::move(batch));
  }

  /// Checks what is queued, beside the other threads, then rethrows what a check threw.
  void finish() {
    for (Queued next; take(next, false);) check(next.first, std::move(next.second));
    stop();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  static constexpr std::size_t kMaxQueued = 4;

  struct Checked {
    std::vector<Object> objects;
    std::vector<Finding> findings;
  };

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

  using Queued = std::pair<std::uint64_t, std::vector<Object>>;

  /// The next queued batch; false when none is queued and, if `wait`, none will be.
  bool take(Queued& next, bool wait) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (wait) ready_.wait(lock, [this] { return done_ || !queue_.empty(); });
    if (queue_.empty()) return false;
    next = std::move(queue_.front());
    queue_.pop_front();
    return true;
  }

  void work() {
    for (Queued next; take(next, true);) check(next.first, std::move(next.second));
  }

  /// Checks one batch, then hands over every checked batch that is next in order.
  void check(std::uint64_t seq, std::vector<Object>&& batch) {
    Checked checked{std::move(batch), {}};
    try {
      if (!failed()) check_(checked.objects, checked.findings);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!failure_) failure_ = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    waiting_.emplace(seq, std::move(checked));
    for (auto it = waiting_.find(handed_); it != waiting_.end(); it = waiting_.find(++handed_)) {
      Checked& c = it->second;
      std::move(c.objects.begin(), c.objects.end(), std::back_inserter(objects_));
      std::move(c.findings.begin(), c.findings.end(), std::back_inserter(found_));
      waiting_.erase(it);
    }
  }

  bool failed() {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<bool>(failure_);
  }

  const BatchCheck& check_;
  std::vector<Object>& objects_;
  std::vector<Finding>& found_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Queued> queue_;
  std::map<std::uint64_t, Checked> waiting_;  // checked out of order, not yet handed over
  std::uint64_t pushed_ = 0, handed_ = 0;
  bool done_ = false;
  std::exception_ptr failure_;
  std::vector<std::thread> threads_;  // last: they start once everything above is ready
};

}  // namespace daprlint
